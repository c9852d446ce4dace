package org.gongzhang.service.custody;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PrivateKey;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.Role;

/** A key the service holds for one person in one role. */
public record CustodialKey(String keyId, String actor, Role role, SignatureSuite suite, PrivateKey privateKey,
        String publicKey) {

    /** The key as a registration payload ({@code key.registered} or a genesis {@code keys} item). */
    public ObjectNode registration(String displayName) {
        ObjectNode node = CanonicalJson.mapper().createObjectNode();
        node.put("keyId", keyId);
        node.put("actor", actor);
        node.put("role", role.name());
        node.put("suite", suite.id());
        node.put("publicKey", publicKey);
        node.put("name", displayName);
        return node;
    }
}
