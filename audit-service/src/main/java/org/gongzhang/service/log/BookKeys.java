package org.gongzhang.service.log;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.springframework.stereotype.Component;

/**
 * The keys a book's log registered and has not revoked: who may sign for the book now, and in which role.
 * Asked on every lease request and every action signed with a person's own key, so the keys are
 * kept per book and read again only when the book's log has a newer key entry than the one they
 * were read at (one lookup on the index of kinds instead of replaying the key entries).
 */
@Component
public class BookKeys {

    private final ProofService proofs;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    private record Known(long lastKeyEntry, List<RegisteredKey> valid) {
    }

    BookKeys(ProofService proofs) {
        this.proofs = proofs;
    }

    /** The valid keys in the order the log registered them; 404 {@code book.not-found} for a book that does not exist. */
    public List<RegisteredKey> valid(String book) {
        return valid(book, proofs.lastKeyEntry(book));
    }

    /**
     * The valid keys of each of {@code books} (books the directory lists): their latest key entries
     * found in one query, and only a book whose keys changed since they were kept is read again.
     */
    public Map<String, List<RegisteredKey>> valid(Collection<String> books) {
        Map<String, Long> last = proofs.lastKeyEntries(books);
        Map<String, List<RegisteredKey>> valid = new HashMap<>();
        for (String book : books) {
            valid.put(book, valid(book, last.getOrDefault(book, -1L)));
        }
        return valid;
    }

    private List<RegisteredKey> valid(String book, long last) {
        Known keys = known.get(book);
        if (keys != null && keys.lastKeyEntry() == last) {
            return keys.valid();
        }
        List<RegisteredKey> valid = proofs.registry(book).all().stream().filter(key -> !key.revoked()).toList();
        if (last >= 0) {
            known.put(book, new Known(last, valid));
        }
        return valid;
    }
}
