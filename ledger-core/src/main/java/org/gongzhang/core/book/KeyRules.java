package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.KEY_ALREADY_REGISTERED;
import static org.gongzhang.core.book.api.RefusalCode.KEY_ALREADY_REVOKED;
import static org.gongzhang.core.book.api.RefusalCode.KEY_REVOKE_REASON_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.KEY_UNKNOWN;

import org.gongzhang.core.book.api.payload.KeyRegistered;
import org.gongzhang.core.book.api.payload.KeyRevoked;
import org.gongzhang.verifier.entry.RegisteredKey;

/** 登记公钥 / 吊销公钥: a key id enters the log once; only a registered, unrevoked key can be revoked. */
final class KeyRules {

    private KeyRules() {
    }

    static void registered(KeyRegistered registered, BookKeys keys) {
        if (keys.find(registered.key().keyId()).isPresent()) {
            throw KEY_ALREADY_REGISTERED.at("entry.payload.keyId", registered.key().keyId());
        }
    }

    static void revoked(KeyRevoked revoked, BookKeys keys) {
        RegisteredKey key = keys.find(revoked.keyId())
                .orElseThrow(() -> KEY_UNKNOWN.at("entry.payload.keyId", revoked.keyId()));
        if (key.revoked()) {
            throw KEY_ALREADY_REVOKED.at("entry.payload.keyId", revoked.keyId());
        }
        Require.nonBlank(revoked.reason(), KEY_REVOKE_REASON_BLANK, "entry.payload.reason");
    }
}
