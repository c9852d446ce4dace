package org.gongzhang.service.log;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.springframework.stereotype.Component;

/**
 * The keys a book's log registered, and those it has not revoked: who may sign for the book now, and in
 * which role. Asked on every lease request and every action signed with a person's own key, so the keys
 * are kept per book and read again only when the book's log has a newer key entry than the one they
 * were read at (one lookup on the index of kinds instead of replaying the key entries).
 */
@Component
public class BookKeys {

    private final ProofService proofs;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** A book's keys as of its key entry {@code lastKeyEntry}: every one registered, and the valid ones. */
    private record Known(long lastKeyEntry, List<RegisteredKey> all, List<RegisteredKey> valid) {

        static Known of(long lastKeyEntry, List<RegisteredKey> all) {
            return new Known(lastKeyEntry, all, all.stream().filter(key -> !key.revoked()).toList());
        }
    }

    BookKeys(ProofService proofs) {
        this.proofs = proofs;
    }

    /** The valid keys in the order the log registered them; 404 {@code book.not-found} for a book that does not exist. */
    public List<RegisteredKey> valid(String book) {
        return keys(book, proofs.lastKeyEntry(book)).valid();
    }

    /**
     * The valid keys of each of {@code books} (books the directory lists): their latest key entries
     * found in one query, and only a book whose keys changed since they were kept is read again.
     */
    public Map<String, List<RegisteredKey>> valid(Collection<String> books) {
        return each(books, Known::valid);
    }

    /**
     * Every key the log of each of {@code books} registered, revoked ones included (a key id enters a
     * book's log once: a revoked key is never registered there again), read as {@link #valid(Collection)}.
     */
    public Map<String, List<RegisteredKey>> registered(Collection<String> books) {
        return each(books, Known::all);
    }

    /** {@code which} of each book's keys, their latest key entries found in one query. */
    private Map<String, List<RegisteredKey>> each(Collection<String> books, Function<Known, List<RegisteredKey>> which) {
        Map<String, Long> last = proofs.lastKeyEntries(books);
        Map<String, List<RegisteredKey>> keys = new HashMap<>();
        for (String book : books) {
            keys.put(book, which.apply(keys(book, last.getOrDefault(book, -1L))));
        }
        return keys;
    }

    private Known keys(String book, long last) {
        Known keys = known.get(book);
        if (keys != null && keys.lastKeyEntry() == last) {
            return keys;
        }
        keys = Known.of(last, List.copyOf(proofs.registry(book).all()));
        if (last >= 0) {
            known.put(book, keys);
        }
        return keys;
    }
}
