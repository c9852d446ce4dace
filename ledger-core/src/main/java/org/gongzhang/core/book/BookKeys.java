package org.gongzhang.core.book;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.EntryKind;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * The keys registered in a book's log. Decisions are the verifier's {@link KeyRegistry}'s, so the
 * book and the offline verifier agree on who may sign what; the registered keys are also kept as
 * plain records, from which a snapshot rebuilds the registry.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class BookKeys {

    private static final Set<String> CHANGES_KEYS = Set.of(EntryKind.BOOK_OPENED.wireName(),
            EntryKind.KEY_REGISTERED.wireName(), EntryKind.KEY_REVOKED.wireName());

    private List<RegisteredKey> keys = new ArrayList<>();
    private transient KeyRegistry registry;

    Optional<KeyRegistry.Refusal> check(SignedEntry entry, EntryHeader header) {
        return registry().check(entry, header);
    }

    Optional<RegisteredKey> find(String keyId) {
        return registry().find(keyId);
    }

    void apply(EntryHeader header) {
        registry().apply(header);
        if (CHANGES_KEYS.contains(header.kind())) {
            keys = new ArrayList<>(registry().all());
        }
    }

    private KeyRegistry registry() {
        if (registry == null) {
            registry = rebuild(keys);
        }
        return registry;
    }

    private static KeyRegistry rebuild(List<RegisteredKey> keys) {
        KeyRegistry registry = new KeyRegistry();
        for (RegisteredKey key : keys) {
            ObjectNode payload = CanonicalJson.mapper().createObjectNode()
                    .put("keyId", key.keyId()).put("actor", key.actor()).put("role", key.role().name())
                    .put("suite", key.suite().id()).put("publicKey", key.publicKey());
            registry.apply(replayed(EntryKind.KEY_REGISTERED, key.registeredAt(), payload));
            if (key.revoked()) {
                registry.apply(replayed(EntryKind.KEY_REVOKED, key.revokedAt(),
                        CanonicalJson.mapper().createObjectNode().put("keyId", key.keyId())));
            }
        }
        return registry;
    }

    private static EntryHeader replayed(EntryKind kind, long index, ObjectNode payload) {
        return new EntryHeader(EntryHeader.FORMAT, null, index, null, kind.wireName(), null, null, null, null,
                false, null, null, null, payload);
    }
}
