package org.gongzhang.service.log;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.entry.LedgerIndex;
import org.gongzhang.service.entry.StoredEntries;
import org.gongzhang.verifier.Finding;
import org.gongzhang.verifier.VerificationReport;
import org.gongzhang.verifier.Verifier;
import org.gongzhang.verifier.bundle.BundleManifest;
import org.gongzhang.verifier.bundle.BundleWriter;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audits a book as it is stored now: the offline verifier's checks (signatures, keys, chain,
 * Merkle root, latest signed checkpoint) over the rows read straight from the event table, plus
 * the service's own entry index as a second witness of what it accepted.
 */
@Component
public class BookAudit {

    /** Bytes of an entry hash (SHA-256). */
    private static final int HASH_BYTES = 32;
    private static final String UNREADABLE = "entry.unreadable";

    private final BookDirectory books;
    private final StoredEntries stored;
    private final LedgerIndex index;
    private final Checkpoints checkpoints;
    private final LogKey logKey;
    private final Clock clock;
    private final TransactionTemplate consistentRead;
    private final java.util.Map<String, Object> signers = new java.util.concurrent.ConcurrentHashMap<>();

    BookAudit(BookDirectory books, StoredEntries stored, LedgerIndex index, Checkpoints checkpoints, LogKey logKey,
            Clock clock, PlatformTransactionManager transactions) {
        this.consistentRead = new TransactionTemplate(transactions);
        this.consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.consistentRead.setReadOnly(true);
        // Its own transaction: joined to a caller's (e.g. the checkpoint processor's READ COMMITTED
        // one) the isolation level would be ignored and the two reads could see different logs.
        this.consistentRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.books = books;
        this.stored = stored;
        this.index = index;
        this.checkpoints = checkpoints;
        this.logKey = logKey;
        this.clock = clock;
    }

    /** The verdict on a stored book. */
    public record Audit(String book, long entries, String root, Optional<Checkpoints.Stored> checkpoint,
            List<Finding> findings) {
        public boolean ok() {
            return findings.isEmpty();
        }
    }

    /**
     * Verifies exactly what {@link #spool(String)} would hand an auditor, read as {@code ./ledger
     * verify} reads it, plus the service's own witness: its index of the entries it accepted,
     * entry by entry, and the Merkle subtrees it stored for proofs.
     */
    public Audit audit(String book) {
        List<Finding> witness = new ArrayList<>();
        Whole whole = spoolWhole(book, witness);
        Spooled bundle = whole.bundle();
        VerificationReport report;
        List<Finding> findings = new ArrayList<>();
        try {
            report = Verifier.verify(bundle.file(), Optional.of(logKey.first()));
        } catch (IOException e) {
            throw new UncheckedIOException("verifying the bundle of book " + book, e);
        } finally {
            bundle.discard();
        }
        // as the service has always listed them: unreadable rows, the verifier's findings, the witness's
        witness.stream().filter(f -> f.code().equals(UNREADABLE)).forEach(findings::add);
        findings.addAll(report.findings());
        witness.stream().filter(f -> !f.code().equals(UNREADABLE)).forEach(findings::add);
        // the subtrees against the index's hashes as the scan read them, not read a second time
        consistentRead.executeWithoutResult(status -> index.firstWrongSubtree(book, whole.scan().acceptedHashes())
                .ifPresent(first -> findings.add(new Finding(first, "witness.subtree-wrong",
                        "a Merkle subtree the service stored for proofs over entry " + first
                                + " is missing or is not the hash of the entries the service accepted"))));
        findings.sort(Comparator.comparingLong(Finding::index));
        return new Audit(book, report.entries(), report.root(), checkpoints.latest(book), findings);
    }

    /**
     * A bundle written to a file of its own (a temporary file, deleted once read or discarded): the
     * way a bundle is handed out, so that a book of any size costs the service its leaf hashes and
     * a buffer, not its log held in memory several times over.
     *
     * @param file       the bundle ZIP
     * @param bytes      its length
     * @param manifest   its {@code bundle.json}
     * @param checkpoint its {@code checkpoint.txt}
     */
    public record Spooled(Path file, long bytes, BundleManifest manifest, Optional<String> checkpoint) {

        /** The ZIP, read once: the file is deleted when the stream is closed. */
        public InputStream open() throws IOException {
            return Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
        }

        /** Deletes the file unread. */
        public void discard() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /**
     * The book as a bundle, written to a file. A new checkpoint is signed when the stored log
     * extends the last one; when it does not (someone rewrote it), or a witness caught a split
     * view, the bundle carries the latest checkpoint signed, so the verifier shows the break.
     */
    public Spooled spool(String book) {
        return spoolWhole(book, null).bundle();
    }

    /** {@link #spool(String)}, adding the service's witness findings to {@code witness} when given. */
    private Whole spoolWhole(String book, List<Finding> witness) {
        Scan scan;
        Optional<SignedNote> note;
        synchronized (signing(book)) {
            scan = scan(book, witness);
            try {
                note = Optional.of(checkpoints.checkpoint(book, scan.acceptedLeaves(book)).signedNote());
            } catch (Checkpoints.InconsistentLog | SplitViews.SplitViewDetected e) {
                note = checkpoints.latest(book).map(Checkpoints.Stored::signedNote);
            }
        }
        return new Whole(scan, spool(book, scan.leaves(), scan.rows(), note, entry -> { }, Optional::empty));
    }

    /** The whole log's bundle and the scan it was written after. */
    private record Whole(Scan scan, Spooled bundle) {
    }

    /**
     * The first {@code size} entries (every accepted entry when null) as a bundle written to a
     * file, with the checkpoint over exactly them as stored, cosignatures included (signed now if
     * the service has none at that size), and {@code statement} as its {@code statement.json}.
     */
    public Spooled spool(String book, Long size, Optional<String> statement) {
        return spool(book, size, entry -> { }, checkpoint -> statement);
    }

    /**
     * {@link #spool(String, Long, Optional)} with a {@code statement.json} computed from the
     * entries as they are written: each goes to {@code reader}, in order, and {@code statement}
     * is asked for after the last one, given the bundle's checkpoint. The log is read twice in all
     * (once to check it and sign, once to write it), never held.
     */
    public Spooled spool(String book, Long size, Consumer<SignedEntry> reader,
            Function<Checkpoints.Stored, Optional<String>> statement) {
        Sized sized = sized(book, size);
        return spool(book, sized.leaves(), sized.leaves().size(), Optional.of(sized.checkpoint().signedNote()), reader,
                () -> statement.apply(sized.checkpoint()));
    }

    /**
     * Hands the first {@code size} entries (every accepted entry when null) to {@code entries}, in
     * log order, provided the stored log is the one the service accepted; answers the checkpoint
     * over exactly them (signed now if the service has none at that size). This is what a
     * statement is computed from.
     */
    public Checkpoints.Stored read(String book, Long size, Consumer<SignedEntry> entries) {
        Sized sized = sized(book, size);
        consistentRead.executeWithoutResult(status -> readAgain(book, sized.leaves(), sized.leaves().size(), entries));
        return sized.checkpoint();
    }

    /** The leaf hashes of the first entries of a log that are exactly the accepted ones, and their checkpoint. */
    private record Sized(List<byte[]> leaves, Checkpoints.Stored checkpoint) {
    }

    private Sized sized(String book, Long requestedSize) {
        synchronized (signing(book)) {
            List<byte[]> leaves = scan(book, null).acceptedLeaves(book);
            long size = requestedSize != null ? requestedSize : leaves.size();
            if (size < 1 || size > leaves.size()) {
                throw new LedgerRefusal(Kind.INVALID, "proof.size.out-of-range", "size", String.valueOf(size),
                        String.valueOf(leaves.size()));
            }
            Checkpoints.Stored checkpoint = checkpoints.checkpoint(book, leaves, size);
            return new Sized(leaves.subList(0, (int) size), checkpoint);
        }
    }

    /**
     * Writes the bundle of the readable entries among the first {@code rows} stored rows, which a
     * scan found to have {@code leaves}; they are read again (in a transaction of their own, after
     * the checkpoint was signed) and must be the same.
     */
    private Spooled spool(String book, List<byte[]> leaves, long rows, Optional<SignedNote> note,
            Consumer<SignedEntry> reader, Supplier<Optional<String>> statement) {
        LogKey.BundleSigner signer = logKey.bundleSigner(note);
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, book, leaves.size(),
                Digests.hex(MerkleTree.root(leaves)), clock.instant(), signer.key().toString());
        Optional<String> checkpoint = note.map(SignedNote::toString);
        Path file = null;
        try {
            file = Files.createTempFile("gongzhang-bundle-", ".zip");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                consistentRead.executeWithoutResult(status -> {
                    try {
                        BundleWriter.write(manifest, sink -> readAgain(book, leaves, rows, entry -> {
                            reader.accept(entry);
                            try {
                                sink.line(entry.leaf());
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }), checkpoint, statement, signer.rotationsText(), out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            return new Spooled(file, Files.size(file), manifest, checkpoint);
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                new Spooled(file, 0, manifest, checkpoint).discard();
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("writing the bundle of book " + book + " to a temporary file", io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Hands over the readable entries among the book's first {@code rows} stored rows, provided
     * they are still the ones with {@code leaves} (only a rewrite of the stored log between the two
     * reads changes them); inside a transaction.
     */
    private void readAgain(String book, List<byte[]> leaves, long rows, Consumer<SignedEntry> entries) {
        int[] seen = {0};
        stored.forEach(book, rows, row -> {
            SignedEntry entry = row.entry();
            if (entry == null) {
                return;
            }
            if (seen[0] >= leaves.size() || !Arrays.equals(entry.leafHash(), leaves.get(seen[0]))) {
                throw new Checkpoints.InconsistentLog(book, leaves.size(), seen[0]);
            }
            seen[0]++;
            entries.accept(entry);
        });
        if (seen[0] != leaves.size()) {
            throw new Checkpoints.InconsistentLog(book, leaves.size(), seen[0]);
        }
    }

    /** Signs a checkpoint over the stored log now (on demand, at period close, at publication). */
    public Checkpoints.Stored checkpoint(String book) {
        synchronized (signing(book)) {
            return checkpoints.checkpoint(book, scan(book, null).acceptedLeaves(book));
        }
    }

    /**
     * Signs a checkpoint over the first {@code size} entries, e.g. up to and including a period's
     * close, provided the whole stored log is the one the service accepted.
     */
    public Checkpoints.Stored checkpoint(String book, long size) {
        synchronized (signing(book)) {
            return checkpoints.checkpoint(book, scan(book, null).acceptedLeaves(book), size);
        }
    }

    /**
     * One signer at a time per book on this node, from reading the log to signing: two at once (the
     * checkpoint processor at a period close, a statement published) read the log one after the
     * other and signed in the other order, and the older read no longer extended the newer
     * signature.
     */
    private Object signing(String book) {
        return signers.computeIfAbsent(book, b -> new Object());
    }

    /**
     * The stored log read once, row by row, against the service's own index, keeping only what a
     * checkpoint and a bundle's manifest need: the leaf hashes of the readable rows, and whether the
     * rows are exactly the entries the service accepted (its index agrees, entry by entry). The
     * log key never signs over a row that reached the table any other way. A book of a million
     * entries takes some 90 MB here: its index's hashes, packed, and the leaf hashes.
     *
     * @param leaves   the leaf hashes of the readable stored rows, in log order
     * @param rows     the stored rows read, readable or not
     * @param acceptedHashes the index's hashes, packed, kept for the audit only (null otherwise, so that
     *                 a bundle being written does not hold them)
     * @param acceptedCount the entries the service accepted
     * @param asAccepted whether the stored rows are exactly the accepted entries
     */
    private record Scan(List<byte[]> leaves, long rows, byte[] acceptedHashes, long acceptedCount, boolean asAccepted) {

        /** The leaf hashes, provided the stored log is the accepted one. */
        List<byte[]> acceptedLeaves(String book) {
            if (!asAccepted) {
                throw new Checkpoints.InconsistentLog(book, acceptedCount, leaves.size());
            }
            return leaves;
        }
    }

    /**
     * Reads the stored log once (see {@link Scan}). Given {@code witness}, adds to it what the
     * service's index says of each stored row, by its sequence number: unreadable, altered (not
     * the entry accepted at that index), missing (accepted but no longer stored) or unknown (stored
     * but never accepted).
     */
    private Scan scan(String book, List<Finding> witness) {
        books.require(book);
        return consistentRead.execute(status -> {
            byte[] accepted = index.packedHashes(book);
            int acceptedCount = accepted.length / HASH_BYTES;
            List<byte[]> leaves = new ArrayList<>(acceptedCount);
            var read = new Object() {
                long rows;
                boolean same = true;
                /** The next accepted index that no stored row has been found for yet. */
                long next;

                boolean acceptedAt(long index, byte[] leaf) {
                    int from = (int) index * HASH_BYTES;
                    return Arrays.equals(leaf, 0, HASH_BYTES, accepted, from, from + HASH_BYTES);
                }

                void witness(long sequence, SignedEntry entry, String problem) {
                    if (entry == null) {
                        witness.add(new Finding(sequence, UNREADABLE, problem));
                    }
                    if (sequence >= acceptedCount) {
                        witness.add(new Finding(sequence, "witness.entry-unknown",
                                "stored entry " + sequence + " was never accepted by the service"));
                        return;
                    }
                    if (sequence < 0) {
                        return;
                    }
                    missingUpTo(sequence);
                    next = Math.max(next, sequence + 1);
                    if (entry != null && !acceptedAt(sequence, entry.leafHash())) {
                        witness.add(new Finding(sequence, "witness.entry-altered", "stored entry " + sequence
                                + " is not the entry the service accepted (hash " + acceptedHash(sequence) + ")"));
                    }
                }

                void missingUpTo(long end) {
                    for (; next < end; next++) {
                        witness.add(new Finding(next, "witness.entry-missing", "the service accepted entry " + next
                                + " (hash " + acceptedHash(next) + ") but it is no longer stored"));
                    }
                }

                String acceptedHash(long index) {
                    int from = (int) index * HASH_BYTES;
                    return Digests.hex(Arrays.copyOfRange(accepted, from, from + HASH_BYTES));
                }
            };
            stored.forEach(book, Long.MAX_VALUE, row -> {
                long position = read.rows++;
                SignedEntry entry = row.entry();
                if (witness != null) {
                    read.witness(row.sequence(), entry, row.problem());
                }
                if (entry == null) {
                    read.same = false;
                    return;
                }
                byte[] leaf = entry.leafHash();
                leaves.add(leaf);
                if (read.same && (position >= acceptedCount || !read.acceptedAt(position, leaf))) {
                    read.same = false;
                }
            });
            if (witness != null) {
                read.missingUpTo(acceptedCount);
            }
            return new Scan(leaves, read.rows, witness != null ? accepted : null, acceptedCount,
                    read.same && read.rows == acceptedCount);
        });
    }
}
