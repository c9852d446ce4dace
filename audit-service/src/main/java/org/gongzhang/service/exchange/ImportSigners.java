package org.gongzhang.service.exchange;

import java.util.List;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.custody.CustodialKey;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.entry.StoredEntries;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.gongzhang.verifier.entry.Role;
import org.springframework.stereotype.Component;

/**
 * The keys an import signs with: the preparer's custodial 制单 key and the reviewer's custodial 审核
 * key, each registered in the book's log and not revoked, held by two different people.
 */
@Component
class ImportSigners {

    private final CustodialKeys keys;
    private static final List<String> KEY_KINDS = List.of("book.opened", "key.registered", "key.revoked");

    private final StoredEntries entries;

    ImportSigners(CustodialKeys keys, StoredEntries entries) {
        this.keys = keys;
        this.entries = entries;
    }

    /**
     * The two keys, or a refusal naming the parameter: missing, the same person twice, or a key that
     * cannot sign for the book.
     */
    Signers resolve(String book, ActingStaff staff) {
        String preparer = required(staff.preparer(), "preparer");
        String reviewer = required(staff.reviewer(), "reviewer");
        if (preparer.equals(reviewer)) {
            throw new LedgerRefusal(Kind.FORBIDDEN, "import.actors.same", "reviewer", reviewer);
        }
        KeyRegistry registry = registry(book);
        return new Signers(key(book, registry, preparer, Role.AGENT_PREPARER, "preparer"),
                key(book, registry, reviewer, Role.AGENT_REVIEWER, "reviewer"));
    }

    private CustodialKey key(String book, KeyRegistry registry, String actor, Role role, String field) {
        CustodialKey key = keys.find(actor, role)
                .orElseThrow(() -> new LedgerRefusal(Kind.FORBIDDEN, "import.actor.no-key", field, actor, role.name()));
        RegisteredKey registered = registry.find(key.keyId()).orElse(null);
        if (registered == null || registered.revoked() || !registered.actor().equals(actor)
                || registered.role() != role) {
            throw new LedgerRefusal(Kind.FORBIDDEN, "import.actor.not-registered", field, actor, role.name(), book);
        }
        return key;
    }

    private KeyRegistry registry(String book) {
        KeyRegistry registry = new KeyRegistry();
        // the key entries only, through the index on kind, not the whole book
        entries.acceptedOfKinds(book, KEY_KINDS).stream().map(s -> s.entry().header())
                .filter(KeyRegistry::changesKeys).forEach(registry::apply);
        return registry;
    }

    private static String required(String actor, String field) {
        if (actor == null || actor.isBlank()) {
            throw LedgerRefusal.invalid("import.actor.missing", field, field);
        }
        return actor;
    }

    /** The resolved keys: 制单 and 审核. */
    record Signers(CustodialKey preparer, CustodialKey reviewer) {
    }
}
