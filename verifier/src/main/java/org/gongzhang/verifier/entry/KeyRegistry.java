package org.gongzhang.verifier.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.gongzhang.verifier.crypto.PublicKeys;
import org.gongzhang.verifier.crypto.SignatureSuite;

/**
 * The keys a book's log has registered so far, and the rule that decides whether an entry's
 * signer may sign it. The service's aggregate and the offline verifier both use this class, so
 * they cannot disagree about who may sign what.
 */
public final class KeyRegistry {

    private static final Set<String> KEY_CHANGING_KINDS = Set.of(EntryKind.BOOK_OPENED.wireName(),
            EntryKind.KEY_REGISTERED.wireName(), EntryKind.KEY_REVOKED.wireName());

    private final Map<String, RegisteredKey> keys = new LinkedHashMap<>();

    /** Why an entry's signer may not sign it; each constant's {@link #code()} is a message key. */
    public enum Refusal {
        KEY_UNKNOWN("entry.key.unknown"),
        KEY_REVOKED("entry.key.revoked"),
        KEY_NOT_ACTORS("entry.key.actor-mismatch"),
        KEY_ROLE_MISMATCH("entry.key.role-mismatch"),
        KEY_SUITE_MISMATCH("entry.key.suite-mismatch"),
        ROLE_NOT_PERMITTED("entry.role.not-permitted"),
        KIND_UNKNOWN("entry.kind.unknown"),
        SIGNATURE_INVALID("entry.signature.invalid");

        private final String code;

        Refusal(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Optional<RegisteredKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public Collection<RegisteredKey> all() {
        return Collections.unmodifiableCollection(keys.values());
    }

    /**
     * Checks that the entry's key is registered, unrevoked, belongs to the named actor and role,
     * that the role may sign this kind, and that the signature holds. Empty when all is well.
     */
    public Optional<Refusal> check(SignedEntry signed, EntryHeader header) {
        Optional<Refusal> refusal = checkSigner(header);
        if (refusal.isPresent()) {
            return refusal;
        }
        return verifies(signingKey(header).orElseThrow(), signed) ? Optional.empty() : Optional.of(Refusal.SIGNATURE_INVALID);
    }

    /**
     * Every check of {@link #check} but the signature: what the registry alone decides. When it is
     * empty, the signature must still verify under {@link #signingKey}.
     */
    public Optional<Refusal> checkSigner(EntryHeader header) {
        Optional<EntryKind> kind = EntryKind.byWireName(header.kind());
        if (kind.isEmpty()) {
            return Optional.of(Refusal.KIND_UNKNOWN);
        }
        Optional<RegisteredKey> found = signingKey(header);
        if (found.isEmpty()) {
            return Optional.of(Refusal.KEY_UNKNOWN);
        }
        RegisteredKey key = found.get();
        if (key.revoked()) {
            return Optional.of(Refusal.KEY_REVOKED);
        }
        if (!key.actor().equals(header.actor())) {
            return Optional.of(Refusal.KEY_NOT_ACTORS);
        }
        if (key.role() != header.role()) {
            return Optional.of(Refusal.KEY_ROLE_MISMATCH);
        }
        if (!key.suite().id().equals(header.suite())) {
            return Optional.of(Refusal.KEY_SUITE_MISMATCH);
        }
        if (!kind.get().signers().contains(header.role()) && !isSelfRevocation(kind.get(), header)) {
            return Optional.of(Refusal.ROLE_NOT_PERMITTED);
        }
        if (header.role() == Role.TOWN_OFFICER && !concernsAnAuditorKey(kind.get(), header)) {
            return Optional.of(Refusal.ROLE_NOT_PERMITTED);
        }
        return Optional.empty();
    }

    /**
     * The town officer (街道) enrols and revokes community auditors' keys only — the auditors enrol
     * everyone else, so a new 社区审核员's first key has someone to register it.
     */
    private boolean concernsAnAuditorKey(EntryKind kind, EntryHeader header) {
        if (kind == EntryKind.KEY_REGISTERED) {
            return Role.COMMUNITY_AUDITOR.name().equals(header.payload().path("role").asText());
        }
        if (kind == EntryKind.KEY_REVOKED) {
            RegisteredKey revoked = keys.get(header.payload().path("keyId").asText());
            return revoked != null && revoked.role() == Role.COMMUNITY_AUDITOR;
        }
        return true;
    }

    /** The key the entry cites: from its own key list for a genesis entry at index 0, else from the registry. */
    public Optional<RegisteredKey> signingKey(EntryHeader header) {
        boolean genesis = header.index() == 0 && EntryKind.BOOK_OPENED.wireName().equals(header.kind());
        return Optional.ofNullable(genesis ? genesisKeys(header).get(header.keyId()) : keys.get(header.keyId()));
    }

    /** True when {@link #apply} may change the registry for an entry of this kind. */
    public static boolean changesKeys(EntryHeader header) {
        return KEY_CHANGING_KINDS.contains(header.kind());
    }

    /** Applies the key changes an accepted entry makes (genesis keys, registration, revocation). */
    public void apply(EntryHeader header) {
        switch (header.kind()) {
            case "book.opened" -> keys.putAll(genesisKeys(header));
            case "key.registered" -> {
                RegisteredKey key = readKey(header.payload(), header.index(), "entry.payload");
                keys.put(key.keyId(), key);
            }
            case "key.revoked" -> {
                String keyId = header.payload().path("keyId").asText();
                RegisteredKey key = keys.get(keyId);
                if (key != null && !key.revoked()) {
                    keys.put(keyId, key.revokedAt(header.index()));
                }
            }
            default -> {
                // other kinds do not touch keys
            }
        }
    }

    /** The keys a genesis ({@code book.opened}) entry lists in {@code payload.keys}. */
    public static Map<String, RegisteredKey> genesisKeys(EntryHeader header) {
        JsonNode list = header.payload().get("keys");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new MalformedEntry("entry.payload.keys", "must list at least one key");
        }
        Map<String, RegisteredKey> result = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            RegisteredKey key = readKey(list.get(i), header.index(), "entry.payload.keys[" + i + "]");
            result.put(key.keyId(), key);
        }
        return result;
    }

    /**
     * Reads a key description {@code {keyId, actor, role, suite, publicKey}} and checks that the
     * key id is the public key's fingerprint.
     */
    public static RegisteredKey readKey(JsonNode node, long index, String path) {
        String publicKey = required(node, "publicKey", path);
        Role role = Role.parse(required(node, "role", path))
                .orElseThrow(() -> new MalformedEntry(path + ".role", "unknown role"));
        SignatureSuite suite = SignatureSuite.byId(required(node, "suite", path))
                .orElseThrow(() -> new MalformedEntry(path + ".suite", "unknown suite"));
        byte[] der;
        try {
            der = Base64.getDecoder().decode(publicKey);
            suite.publicKey(der);
        } catch (IllegalArgumentException e) {
            throw new MalformedEntry(path + ".publicKey", "not a " + suite.id() + " public key");
        }
        String keyId = required(node, "keyId", path);
        if (!keyId.equals(PublicKeys.keyId(der))) {
            throw new MalformedEntry(path + ".keyId", "is not the public key's fingerprint");
        }
        return new RegisteredKey(keyId, required(node, "actor", path), role, suite, publicKey, index, -1);
    }

    private static boolean isSelfRevocation(EntryKind kind, EntryHeader header) {
        return kind == EntryKind.KEY_REVOKED && header.keyId().equals(header.payload().path("keyId").asText());
    }

    private static boolean verifies(RegisteredKey key, SignedEntry signed) {
        try {
            return signatureHolds(key.suite(), publicKey(key), signed);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A public key's suite and text: what it decodes from. */
    private record Encoded(SignatureSuite suite, String publicKey) {
    }

    /**
     * Public keys decoded once, not once per entry (5 % of a signature check's time went into
     * decoding its key again), shared by every registry: keys are public and immutable. At most
     * {@value #DECODED_MAX}; when full, it starts again empty.
     */
    private static final Map<Encoded, PublicKey> DECODED = new ConcurrentHashMap<>();

    private static final int DECODED_MAX = 10_000;

    /**
     * {@code key}'s public key, decoded once ({@link #DECODED}); an {@link IllegalArgumentException}
     * when it does not decode (a registered key always does: {@link #readKey} checked it).
     */
    public static PublicKey publicKey(RegisteredKey key) {
        Encoded encoded = new Encoded(key.suite(), key.publicKey());
        PublicKey known = DECODED.get(encoded);
        if (known == null) {
            known = key.suite().publicKey(key.publicKeyDer());
            if (DECODED.size() >= DECODED_MAX) {
                DECODED.clear();
            }
            DECODED.put(encoded, known);
        }
        if (!encoded.equals(SEEN.get(key.keyId()))) {
            if (SEEN.size() >= DECODED_MAX) {
                SEEN.clear();
            }
            SEEN.put(key.keyId(), encoded);
        }
        return known;
    }

    /**
     * Keys some registry of this process resolved, by key id: where {@link #verifyAhead} looks for
     * an entry's key before its book's registry is at hand. At most {@value #DECODED_MAX}.
     */
    private static final Map<String, Encoded> SEEN = new ConcurrentHashMap<>();

    /** Signatures actually checked (not answered from an entry's memory) since the start: for tests and benchmarks. */
    private static final LongAdder CHECKED = new LongAdder();

    /**
     * True when the entry's signature verifies under {@code publicKey}; false, never an exception, on
     * bad base64. An entry remembers a check that held ({@link SignedEntry}), and is not checked
     * again under the same suite and key.
     */
    public static boolean signatureHolds(SignatureSuite suite, PublicKey publicKey, SignedEntry signed) {
        if (signed.verifiedUnder(suite, publicKey)) {
            return true;
        }
        try {
            CHECKED.increment();
            boolean holds = suite.verify(publicKey, signed.signedBytes(), signed.signatureBytes());
            if (holds) {
                signed.verified(suite, publicKey);
            }
            return holds;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Checks the entry's signature ahead of its book, under the key its id named when a registry of
     * this process last resolved it, so that the book's own check ({@link #check}, under its lock)
     * finds it done. Decides nothing: true only when that key is known and the signature holds under
     * it; the book's registry still checks who signed, and checks the signature again under any
     * other key.
     */
    public static boolean verifyAhead(SignedEntry signed, EntryHeader header) {
        Encoded seen = SEEN.get(header.keyId());
        if (seen == null || !seen.suite().id().equals(header.suite())) {
            return false;
        }
        PublicKey key = DECODED.get(seen);
        return key != null && signatureHolds(seen.suite(), key, signed);
    }

    /** How many signatures {@link #signatureHolds} actually checked since the start. */
    public static long signaturesChecked() {
        return CHECKED.sum();
    }

    private static String required(JsonNode node, String field, String path) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new MalformedEntry(path + "." + field, "must be a non-empty string");
        }
        return value.textValue();
    }
}
