package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.MalformedEntry;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.gongzhang.verifier.entry.Role;

/**
 * A person's signing key as a {@code book.opened} or {@code key.registered} payload lists it.
 *
 * @param keyId     fingerprint of the public key
 * @param actor     the person, e.g. {@code agent:li-na}
 * @param role      the one role the key signs for
 * @param suite     {@code ed25519} or {@code sm2-sm3}
 * @param publicKey SubjectPublicKeyInfo DER, base64
 * @param name      the person's display name, e.g. 李娜, or null
 */
public record KeyGrant(String keyId, String actor, Role role, String suite, String publicKey, String name) {

    static KeyGrant read(PayloadReader item) {
        RegisteredKey key;
        try {
            key = KeyRegistry.readKey(item.node(), 0, item.path());
        } catch (MalformedEntry e) {
            throw RefusalCode.ENTRY_MALFORMED.at(e.field(), e.field());
        }
        return new KeyGrant(key.keyId(), key.actor(), key.role(), key.suite().id(), key.publicKey(),
                item.optionalString("name"));
    }
}
