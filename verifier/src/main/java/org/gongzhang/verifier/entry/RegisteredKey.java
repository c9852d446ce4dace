package org.gongzhang.verifier.entry;

import java.util.Base64;
import org.gongzhang.verifier.crypto.SignatureSuite;

/**
 * A person's public key as registered in a book's log.
 *
 * @param keyId        {@link org.gongzhang.verifier.crypto.PublicKeys#keyId} of {@code publicKey}
 * @param actor        the person
 * @param role         the one role this key signs for
 * @param suite        the key's signature suite
 * @param publicKey    SubjectPublicKeyInfo DER, base64
 * @param registeredAt index of the entry that registered it
 * @param revokedAt    index of the entry that revoked it, or -1 while valid
 */
public record RegisteredKey(
        String keyId, String actor, Role role, SignatureSuite suite, String publicKey, long registeredAt, long revokedAt) {

    public boolean revoked() {
        return revokedAt >= 0;
    }

    public byte[] publicKeyDer() {
        return Base64.getDecoder().decode(publicKey);
    }

    RegisteredKey revokedAt(long index) {
        return new RegisteredKey(keyId, actor, role, suite, publicKey, registeredAt, index);
    }
}
