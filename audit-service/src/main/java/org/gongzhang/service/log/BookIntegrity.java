package org.gongzhang.service.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.entry.StoredEntries;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Whether the service still vouches for a book: its stored log must extend the last checkpoint
 * the service signed for it, as kept outside the database ({@link LastSignedCheckpoints}) — the
 * same root at that size. Checked for every book at start, before the service takes requests, and
 * before every checkpoint signature. A book that fails stays failed until the service restarts
 * on a log that passes: nothing more is signed for it, {@code /actuator/health} names it, and
 * everything derived from it answers 409 {@code book.integrity.failed} ({@link BookIntegrityGate}).
 */
@Component
public class BookIntegrity implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BookIntegrity.class);

    private final LastSignedCheckpoints lastSigned;
    private final StoredEntries stored;
    private final BookDirectory books;
    private final LogKey logKey;
    private final Map<String, Failure> failed = new ConcurrentHashMap<>();

    BookIntegrity(LastSignedCheckpoints lastSigned, StoredEntries stored, BookDirectory books, LogKey logKey) {
        this.lastSigned = lastSigned;
        this.stored = stored;
        this.books = books;
        this.logKey = logKey;
    }

    /** Why a book failed: the checkpoint the service signed last, and what the database holds now. */
    public record Failure(long trustedSize, String trustedRoot, String found) {
    }

    /** Checks every book the service ever signed a checkpoint for, once all beans exist. */
    @Override
    public void afterSingletonsInstantiated() {
        for (String book : lastSigned.books()) {
            Optional<String> problem = books.find(book).isEmpty()
                    ? Optional.of("the book is no longer in the database")
                    : problem(book, storedLeafHashes(book));
            problem.ifPresent(p -> fail(book, p));
        }
    }

    /**
     * Refuses with {@link BookIntegrityFailed} unless {@code leafHashes} (the book's whole stored
     * log) extends the last checkpoint signed for it; called before every checkpoint signature.
     */
    public void requireExtends(String book, List<byte[]> leafHashes) {
        require(book);
        problem(book, leafHashes).ifPresent(p -> {
            // leaves read before another signer's checkpoint (on this node or another) are merely
            // old: judged again as the database is now, read after the note, before anything fails
            Optional<SignedNote> note = lastSigned.last(book);
            if (note.isPresent() && leafHashes.size() < Checkpoint.parse(note.get().text()).size()
                    && problem(note, storedLeafHashes(book)).isEmpty()) {
                throw new Checkpoints.InconsistentLog(book, Checkpoint.parse(note.get().text()).size(),
                        leafHashes.size());
            }
            fail(book, p);
            require(book);
        });
    }

    /** Refuses with {@link BookIntegrityFailed} if the book failed its integrity check. */
    public void require(String book) {
        Failure failure = failed.get(book);
        if (failure != null) {
            throw new BookIntegrityFailed(book, failure.trustedSize());
        }
    }

    /** Whether the book failed its integrity check (and is served nothing derived from it). */
    public boolean failed(String book) {
        return failed.containsKey(book);
    }

    /** The books that failed, by id. */
    public Map<String, Failure> failed() {
        return new TreeMap<>(failed);
    }

    private Optional<String> problem(String book, List<byte[]> leafHashes) {
        return problem(lastSigned.last(book), leafHashes);
    }

    private Optional<String> problem(Optional<SignedNote> note, List<byte[]> leafHashes) {
        if (note.isEmpty()) {
            return Optional.empty();
        }
        if (!logKey.signedByAnyKey(note.get())) {
            return Optional.of("the kept checkpoint is not signed by this service's log key nor by a key it was rotated from");
        }
        Checkpoint trusted = Checkpoint.parse(note.get().text());
        if (leafHashes.size() < trusted.size()) {
            return Optional.of("the database holds only " + leafHashes.size() + " entries in order");
        }
        byte[] root = MerkleTree.root(leafHashes.subList(0, (int) trusted.size()));
        if (!Digests.hex(root).equals(Digests.hex(trusted.root()))) {
            return Optional.of("its first " + trusted.size() + " entries have the root " + Digests.hex(root));
        }
        return Optional.empty();
    }

    private void fail(String book, String found) {
        SignedNote note = lastSigned.last(book).orElseThrow();
        Checkpoint trusted = Checkpoint.parse(note.text());
        Failure failure = new Failure(trusted.size(), Digests.hex(trusted.root()), found);
        if (failed.putIfAbsent(book, failure) == null) {
            log.error("Book {} fails its integrity check: the service signed a checkpoint of {} entries with root {},"
                    + " but {}; it signs nothing more for this book and serves nothing derived from it"
                    + " (409 book.integrity.failed) until it restarts on a log that extends that checkpoint",
                    book, trusted.size(), failure.trustedRoot(), found);
        }
    }

    /**
     * The leaf hashes of the book's stored rows, up to the first missing or unreadable one, and no
     * more than the last checkpoint signed for it covers (all the checks here look at); read
     * through a cursor, so a large book costs its leaf hashes, not its rows.
     */
    private List<byte[]> storedLeafHashes(String book) {
        long covered = lastSigned.last(book).map(note -> Checkpoint.parse(note.text()).size()).orElse(0L);
        List<byte[]> leaves = new ArrayList<>();
        boolean[] broken = {false};
        stored.forEach(book, covered, row -> {
            if (broken[0] || row.sequence() != leaves.size() || row.entry() == null) {
                broken[0] = true;
                return;
            }
            leaves.add(row.entry().leafHash());
        });
        return leaves;
    }
}
