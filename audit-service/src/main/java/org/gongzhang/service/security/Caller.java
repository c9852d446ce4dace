package org.gongzhang.service.security;

import java.util.List;

/**
 * The person behind a request: login name, display name, the actor id they sign as in the ledger
 * (owners under a pseudonym) and their grants.
 */
public record Caller(String username, String displayName, String actor, List<Grant> grants) {

    public Caller {
        grants = List.copyOf(grants);
    }

    public boolean holds(AccessRole role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }
}
