package org.gongzhang.verifier;

import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.EntryKind;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.RegisteredKey;

/**
 * The public keys the readers have seen registered anywhere in the log, by key id, so that they can
 * verify each entry's signature before the walk reaches it. Nothing here is trusted: the walk alone
 * decides, from the registry as it stands at each index, which key must verify an entry, and takes
 * a verdict only when it was reached under that very key material; otherwise it verifies again.
 * So a key seen here early, or in an entry the walk refuses, changes nothing but speed.
 */
final class SignatureKeys {

    /**
     * A key as registered: suite and SubjectPublicKeyInfo (base64), and the key decoded.
     */
    record Material(SignatureSuite suite, String publicKey, PublicKey decoded) {

        /** True when {@code key} is this suite and public key. */
        boolean isFor(RegisteredKey key) {
            return suite == key.suite() && publicKey.equals(key.publicKey());
        }
    }

    private final ConcurrentHashMap<String, Material> byKeyId = new ConcurrentHashMap<>();

    /** The reading with its signature verified, when a key of its key id is known; else as it is. */
    LeafReading check(LeafReading reading) {
        EntryHeader header = reading.header();
        if (header == null) {
            return reading;
        }
        learnFrom(header);
        Material key = byKeyId.get(header.keyId());
        return key == null ? reading : reading.with(new LeafReading.Verdict(key, reading.holdsUnder(key.suite(), key.decoded())));
    }

    /** Remembers the keys a genesis or key registration entry lists; a malformed one is the walk's to report. */
    private void learnFrom(EntryHeader header) {
        try {
            if (EntryKind.BOOK_OPENED.wireName().equals(header.kind())) {
                KeyRegistry.genesisKeys(header).values().forEach(this::learn);
            } else if (EntryKind.KEY_REGISTERED.wireName().equals(header.kind())) {
                learn(KeyRegistry.readKey(header.payload(), header.index(), "entry.payload"));
            }
        } catch (RuntimeException malformed) {
            // nothing learnt
        }
    }

    private void learn(RegisteredKey key) {
        byKeyId.computeIfAbsent(key.keyId(),
                id -> new Material(key.suite(), key.publicKey(), key.suite().publicKey(key.publicKeyDer())));
    }
}
