package org.gongzhang.service.log;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.entry.LedgerIndex;
import org.gongzhang.service.entry.StoredEntries;
import org.gongzhang.verifier.Finding;
import org.gongzhang.verifier.VerificationReport;
import org.gongzhang.verifier.Verifier;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.SignedEntry;
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

    /** Verifies exactly what {@link #bundle} would hand an auditor, plus the service's own witness. */
    public Audit audit(String book) {
        Snapshot snapshot = snapshot(book);
        List<StoredEntries.Stored> rows = snapshot.rows();
        List<Finding> findings = new ArrayList<>();
        rows.stream().filter(r -> r.entry() == null)
                .forEach(r -> findings.add(new Finding(r.sequence(), "entry.unreadable", r.problem())));
        Bundle bundle = bundle(book, snapshot);
        VerificationReport report = Verifier.verify(bundle, Optional.of(logKey.first()));
        findings.addAll(report.findings());
        findings.addAll(witness(snapshot.accepted(), rows));
        List<byte[]> accepted = snapshot.accepted().stream().map(Digests::unhex).toList();
        index.firstWrongSubtree(book, accepted).ifPresent(first -> findings.add(new Finding(first,
                "witness.subtree-wrong", "a Merkle subtree the service stored for proofs over entry " + first
                        + " is missing or is not the hash of the entries the service accepted")));
        findings.sort(Comparator.comparingLong(Finding::index));
        return new Audit(book, report.entries(), report.root(), checkpoints.latest(book), findings);
    }

    /**
     * The book as a bundle. A new checkpoint is signed when the stored log extends the last one;
     * when it does not (someone rewrote it), or a witness caught a split view, the bundle carries
     * the latest checkpoint signed, so the verifier shows the break.
     */
    public Bundle bundle(String book) {
        synchronized (signing(book)) {
            return bundle(book, snapshot(book));
        }
    }

    /**
     * The first {@code size} entries as a bundle, with the checkpoint over exactly them as stored,
     * cosignatures included (signed now if the service has none at that size). This is the bundle
     * behind a statement, which rests on a checkpoint of a given size. A null size means every
     * accepted entry.
     */
    public Bundle bundle(String book, Long requestedSize) {
        synchronized (signing(book)) {
            return sizedBundle(book, requestedSize);
        }
    }

    private Bundle sizedBundle(String book, Long requestedSize) {
        Snapshot snapshot = snapshot(book);
        List<byte[]> leaves = acceptedLeafHashes(book, snapshot);
        long size = requestedSize != null ? requestedSize : leaves.size();
        if (size < 1 || size > leaves.size()) {
            throw new LedgerRefusal(Kind.INVALID, "proof.size.out-of-range", "size", String.valueOf(size),
                    String.valueOf(leaves.size()));
        }
        Checkpoints.Stored checkpoint = checkpoints.checkpoint(book, leaves, size);
        return logKey.bundle(book, readable(snapshot.rows()).subList(0, (int) size), Optional.of(checkpoint.signedNote()),
                clock.instant());
    }

    private Bundle bundle(String book, Snapshot snapshot) {
        List<SignedEntry> entries = readable(snapshot.rows());
        Optional<SignedNote> note;
        try {
            note = Optional.of(checkpoints.checkpoint(book, acceptedLeafHashes(book, snapshot)).signedNote());
        } catch (Checkpoints.InconsistentLog | SplitViews.SplitViewDetected e) {
            note = checkpoints.latest(book).map(Checkpoints.Stored::signedNote);
        }
        return logKey.bundle(book, entries, note, clock.instant());
    }

    /** Signs a checkpoint over the stored log now (on demand, at period close, at publication). */
    public Checkpoints.Stored checkpoint(String book) {
        synchronized (signing(book)) {
            return checkpoints.checkpoint(book, acceptedLeafHashes(book, snapshot(book)));
        }
    }

    /**
     * Signs a checkpoint over the first {@code size} entries, e.g. up to and including a period's
     * close, provided the whole stored log is the one the service accepted.
     */
    public Checkpoints.Stored checkpoint(String book, long size) {
        synchronized (signing(book)) {
            return checkpoints.checkpoint(book, acceptedLeafHashes(book, snapshot(book)), size);
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
     * The stored entries' leaf hashes, provided they are exactly the entries the service accepted
     * (its own index agrees, entry by entry). The log key never signs over a row that reached the
     * table any other way.
     */
    private static List<byte[]> acceptedLeafHashes(String book, Snapshot snapshot) {
        List<String> accepted = snapshot.accepted();
        List<SignedEntry> entries = readable(snapshot.rows());
        List<String> stored = entries.stream().map(SignedEntry::hash).toList();
        if (entries.size() != snapshot.rows().size() || !stored.equals(accepted)) {
            throw new Checkpoints.InconsistentLog(book, accepted.size(), stored.size());
        }
        return entries.stream().map(SignedEntry::leafHash).toList();
    }

    private static List<SignedEntry> readable(List<StoredEntries.Stored> rows) {
        return rows.stream().map(StoredEntries.Stored::entry).filter(e -> e != null).toList();
    }

    private static List<Finding> witness(List<String> accepted, List<StoredEntries.Stored> rows) {
        List<Finding> findings = new ArrayList<>();
        java.util.Map<Long, StoredEntries.Stored> bySequence = new java.util.HashMap<>();
        rows.forEach(r -> bySequence.put(r.sequence(), r));
        for (int i = 0; i < accepted.size(); i++) {
            StoredEntries.Stored row = bySequence.get((long) i);
            if (row == null) {
                findings.add(new Finding(i, "witness.entry-missing", "the service accepted entry " + i
                        + " (hash " + accepted.get(i) + ") but it is no longer stored"));
            } else if (row.entry() != null && !row.entry().hash().equals(accepted.get(i))) {
                findings.add(new Finding(i, "witness.entry-altered", "stored entry " + i
                        + " is not the entry the service accepted (hash " + accepted.get(i) + ")"));
            }
        }
        rows.stream().filter(r -> r.sequence() >= accepted.size())
                .forEach(r -> findings.add(new Finding(r.sequence(), "witness.entry-unknown",
                        "stored entry " + r.sequence() + " was never accepted by the service")));
        return findings;
    }

    /** The stored rows and the service's own index, read in one consistent database snapshot. */
    private record Snapshot(List<StoredEntries.Stored> rows, List<String> accepted) {
    }

    private Snapshot snapshot(String book) {
        books.require(book);
        return consistentRead.execute(status -> new Snapshot(stored.all(book), index.hashes(book)));
    }
}
