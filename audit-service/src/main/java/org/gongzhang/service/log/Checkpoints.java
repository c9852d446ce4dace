package org.gongzhang.service.log;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs and keeps checkpoints (tree size + Merkle root of a book's entries). Before signing it
 * checks that the new tree extends the latest signed one; a log that was rewritten or truncated
 * behind the service's back gets no new checkpoint, nor does a book whose witnesses caught a split
 * view ({@link SplitViews}). Each new checkpoint is announced ({@link CheckpointSigned}) for the
 * witnesses to cosign.
 */
@Component
public class Checkpoints {

    private final JdbcTemplate jdbc;
    private final LogKey logKey;
    private final BookIntegrity integrity;
    private final LastSignedCheckpoints lastSigned;
    private final Clock clock;
    private final SplitViews splitViews;
    private final ApplicationEventPublisher events;

    Checkpoints(JdbcTemplate jdbc, LogKey logKey, BookIntegrity integrity, LastSignedCheckpoints lastSigned,
            Clock clock, SplitViews splitViews, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.logKey = logKey;
        this.integrity = integrity;
        this.lastSigned = lastSigned;
        this.clock = clock;
        this.splitViews = splitViews;
        this.events = events;
    }

    /** A checkpoint as stored: its size, root (hex) and signed-note text. */
    public record Stored(long size, String root, String note) {
        public SignedNote signedNote() {
            return SignedNote.parse(note);
        }
    }

    public Optional<Stored> latest(String book) {
        return jdbc.query("select tree_size, root, note from checkpoint where book_id = ? order by tree_size desc limit 1",
                (rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3)), book).stream().findFirst();
    }

    /** The stored checkpoint of exactly {@code size} entries, if the service signed one. */
    public Optional<Stored> at(String book, long size) {
        return jdbc.query("select tree_size, root, note from checkpoint where book_id = ? and tree_size = ?",
                (rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3)), book, size).stream().findFirst();
    }

    /**
     * A checkpoint over exactly these leaf hashes (the book's whole log), signing a new one if the
     * log grew. Throws {@link InconsistentLog} when they do not extend the latest checkpoint, and
     * {@link BookIntegrityFailed} when they do not extend the last one the service signed.
     */
    @Transactional
    public Stored checkpoint(String book, List<byte[]> leafHashes) {
        return checkpoint(book, leafHashes, leafHashes.size());
    }

    /**
     * The checkpoint over the first {@code size} of these leaf hashes (the book's whole log), signing
     * it if none exists at that size. The whole log must first extend the latest signed checkpoint,
     * so no checkpoint, not even one over an older prefix, is signed for a rewritten log: neither
     * against the latest checkpoint in the database nor against the last one the service signed,
     * kept outside it ({@link BookIntegrity}). A new signature is kept there too.
     */
    @Transactional
    public Stored checkpoint(String book, List<byte[]> leafHashes, long size) {
        if (size < 1 || size > leafHashes.size()) {
            throw new IllegalArgumentException("size " + size + " outside 1.." + leafHashes.size());
        }
        integrity.requireExtends(book, leafHashes);
        Optional<Stored> latest = latest(book);
        if (latest.isPresent()) {
            Stored last = latest.get();
            if (last.size() > leafHashes.size()
                    || !last.root().equals(Digests.hex(MerkleTree.root(leafHashes.subList(0, (int) last.size()))))) {
                throw new InconsistentLog(book, last.size(), leafHashes.size());
            }
        }
        List<byte[]> prefix = leafHashes.subList(0, (int) size);
        byte[] root = MerkleTree.root(prefix);
        Optional<Stored> existing = at(book, size);
        if (existing.isPresent()) {
            if (!existing.get().root().equals(Digests.hex(root))) {
                throw new InconsistentLog(book, size, leafHashes.size());
            }
            return existing.get();
        }
        splitViews.requireNone(book);
        SignedNote note = logKey.sign(Checkpoint.forBook(book, size, root), latest.map(Stored::signedNote));
        jdbc.update("insert into checkpoint (book_id, tree_size, root, note, created_at) values (?, ?, ?, ?, ?) on conflict do nothing",
                book, size, Digests.hex(root), note.toString(), Timestamp.from(clock.instant()));
        Stored stored = at(book, size).orElseThrow();
        lastSigned.record(book, stored.signedNote());
        events.publishEvent(new CheckpointSigned(book, size));
        return stored;
    }

    /** Every checkpoint signed for the book, oldest (smallest) first. */
    public List<Stored> all(String book) {
        return jdbc.query("select tree_size, root, note from checkpoint where book_id = ? order by tree_size",
                (rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3)), book);
    }

    /** The stored log no longer extends a checkpoint the service signed. */
    public static final class InconsistentLog extends RuntimeException {
        public InconsistentLog(String book, long trustedSize, long storedSize) {
            super("book " + book + ": the stored log of " + storedSize
                    + " entries is not the log of " + trustedSize + " entries the service signed or accepted");
        }
    }
}
