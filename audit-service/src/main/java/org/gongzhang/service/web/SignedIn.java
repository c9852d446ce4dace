package org.gongzhang.service.web;

import java.util.List;

/**
 * Who is logged in, as every page's header shows it: the name, and each grant as a role with the
 * place it covers (a street, community or compound by name; an agent firm by its id).
 */
public record SignedIn(String username, String displayName, List<Grant> grants) {

    /** One grant as shown: the role's message key and the scope's display text. */
    public record Grant(String role, String roleKey, String scopeKind, String scopeName) {
    }
}
