package org.gongzhang.service.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.util.Base64;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.crypto.PublicKeys;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.Role;

/** A key a client holds itself (not the service), for one actor in one role. */
public record ClientKeys(String actor, Role role, SignatureSuite suite, KeyPair pair) {

    public static ClientKeys generate(String actor, Role role, SignatureSuite suite) {
        return new ClientKeys(actor, role, suite, suite.generateKeyPair());
    }

    public static ClientKeys generate(String actor, Role role) {
        return generate(actor, role, SignatureSuite.ED25519);
    }

    public String keyId() {
        return PublicKeys.keyId(pair.getPublic().getEncoded());
    }

    public ObjectNode registration() {
        return CanonicalJson.mapper().createObjectNode()
                .put("keyId", keyId()).put("actor", actor).put("role", role.name()).put("suite", suite.id())
                .put("publicKey", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
                .put("name", actor);
    }
}
