package org.gongzhang.core.book.api.payload;

import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code key.revoked}: a key may sign nothing after this entry.
 *
 * @param keyId  the key
 * @param reason why
 */
public record KeyRevoked(String keyId, String reason) {

    public static KeyRevoked from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new KeyRevoked(p.string("keyId"), p.string("reason"));
    }
}
