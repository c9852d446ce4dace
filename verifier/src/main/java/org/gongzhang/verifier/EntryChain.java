package org.gongzhang.verifier;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongzhang.verifier.canonical.NotCanonicalizable;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.EntryKind;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.MalformedEntry;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.statement.StatementLog;

/**
 * Walks a book's leaves in order and checks each entry against the ones before it: form, book,
 * dense index, hash chain (哈希链), time order and the signer's key; and recomputes the result of
 * each owners' joint decision from its tally. It never stops at a finding,
 * so every tampered index is reported.
 *
 * <p>The expensive work runs on every core, a batch of leaves at a time: all threads read the
 * batch's lines (hash, parse); one thread walks them in order, deciding from the key registry as it
 * stands at each index which key must verify each signature; then all threads verify those
 * signatures. An entry that registers or revokes a key is verified during the walk, because
 * whether it counts changes the registry for the entries after it. Findings come out in index
 * order, exactly as a single thread would find them.
 */
final class EntryChain {

    /** Leaves per batch: enough to keep every core busy, few enough to hold their parsed form. */
    static final int BATCH = 2048;

    private final String book;
    private final List<Finding> findings;
    private final EntryWorkers workers;
    private final KeyRegistry keys = new KeyRegistry();
    private final Map<RegisteredKey, Optional<PublicKey>> publicKeys = new HashMap<>();
    private final List<byte[]> leafHashes = new ArrayList<>();
    private final List<EntryHeader> statementEntries = new ArrayList<>();
    private StatementLog statements;
    private String expectedPrev = SignedEntry.GENESIS_PREV;
    private Instant lastRecordedAt;
    private final List<Finding> batchFindings = new ArrayList<>();
    private final List<PendingSignature> pending = new ArrayList<>();
    private final TenderSeals tenderSeals = new TenderSeals();

    private EntryChain(String book, List<Finding> findings, EntryWorkers workers) {
        this.book = book;
        this.findings = findings;
        this.workers = workers;
    }

    /**
     * Checks every leaf on all cores, adds the findings in index order and returns the Merkle leaf
     * hashes in order. A leaf's index is the number of leaves before it, its line in
     * {@code entries.jsonl} one more.
     */
    static List<byte[]> check(String book, List<String> leaves, List<Finding> findings) {
        return run(book, leaves, findings, EntryWorkers.allCores(), BATCH).leafHashes;
    }

    /**
     * {@link #check(String, List, List)} with given threads and batch size. On one thread every
     * signature is verified during the walk, in index order, as a plain sequential verifier would.
     */
    static List<byte[]> check(String book, List<String> leaves, List<Finding> findings, EntryWorkers workers, int batch) {
        return run(book, leaves, findings, workers, batch).leafHashes;
    }

    /** Checks every leaf on all cores, like {@link #check(String, List, List)}, and answers the chain as it ended. */
    static EntryChain run(String book, List<String> leaves, List<Finding> findings) {
        return run(book, leaves, findings, EntryWorkers.allCores(), BATCH);
    }

    private static EntryChain run(String book, List<String> leaves, List<Finding> findings, EntryWorkers workers,
            int batch) {
        EntryChain chain = new EntryChain(book, findings, workers);
        for (int from = 0; from < leaves.size(); from += batch) {
            chain.checkBatch(leaves.subList(from, Math.min(from + batch, leaves.size())));
        }
        return chain;
    }

    /** The Merkle leaf hashes of every leaf seen, in order. */
    List<byte[]> leafHashes() {
        return leafHashes;
    }

    /** The statements (公示表) the readable entries draft, sign off and publish. */
    StatementLog statements() {
        if (statements == null) {
            statements = StatementLog.of(statementEntries);
        }
        return statements;
    }

    /** The keys registered by the entries checked, with the index of their revocation if any. */
    Collection<RegisteredKey> registeredKeys() {
        return keys.all();
    }

    private void checkBatch(List<String> leaves) {
        workers.map(leaves, LeafReading::read).forEach(this::walk);
        List<Boolean> holds = workers.map(pending, PendingSignature::holds);
        int reported = 0;
        for (int i = 0; i < pending.size(); i++) {
            if (!holds.get(i)) {
                PendingSignature failed = pending.get(i);
                findings.addAll(batchFindings.subList(reported, failed.findingsBefore()));
                reported = failed.findingsBefore();
                findings.add(signatureInvalid(failed.position(), failed.header()));
            }
        }
        findings.addAll(batchFindings.subList(reported, batchFindings.size()));
        batchFindings.clear();
        pending.clear();
    }

    private void walk(LeafReading reading) {
        long position = leafHashes.size();
        leafHashes.add(reading.leafHash());
        try {
            check(position, reading);
        } catch (MalformedEntry | NotCanonicalizable e) {
            malformed(position, e.getMessage());
        }
        expectedPrev = reading.hash();
    }

    private void check(long position, LeafReading reading) {
        if (reading.signed() == null) {
            malformed(position, reading.failure());
            return;
        }
        if (!reading.canonical()) {
            report(position, "entry.malformed", "line " + (position + 1) + " is not in canonical form");
        }
        EntryHeader header = reading.header();
        if (header == null) {
            malformed(position, reading.failure());
            return;
        }
        if (StatementLog.replays(header)) {
            statementEntries.add(header);
        }
        checkPlace(position, header);
        checkTime(position, header.recordedAt());
        DecisionCheck.check(position, header).ifPresent(batchFindings::add);
        checkSigner(position, reading.signed(), header);
        tenderSeals.check(position, header, batchFindings);
    }

    private void checkPlace(long position, EntryHeader header) {
        if (!header.book().equals(book)) {
            report(position, "book.mismatch", "entry belongs to book " + header.book() + ", not " + book);
        }
        if (header.index() != position) {
            report(position, "index.gap", "expected index " + position + ", found " + header.index());
        }
        if (!header.prev().equals(expectedPrev)) {
            report(position, "chain.prev-mismatch", "prev is " + header.prev() + " but the entry before hashes to "
                    + expectedPrev);
        }
    }

    private void checkTime(long position, Instant recordedAt) {
        if (lastRecordedAt != null && recordedAt.isBefore(lastRecordedAt)) {
            report(position, "time.backwards", "recorded at " + recordedAt + ", before the entry before it ("
                    + lastRecordedAt + ")");
        }
        lastRecordedAt = recordedAt;
    }

    private void checkSigner(long position, SignedEntry signed, EntryHeader header) {
        boolean genesis = EntryKind.BOOK_OPENED.wireName().equals(header.kind());
        if (genesis && position != 0) {
            report(position, "genesis.misplaced", "book.opened may only be entry 0");
            return;
        }
        if (!genesis && position == 0) {
            report(position, "genesis.missing", "entry 0 must be book.opened");
        }
        Optional<KeyRegistry.Refusal> refusal = keys.checkSigner(header);
        if (refusal.isPresent()) {
            report(position, refusal.get().code(), refusalMessage(refusal.get(), header));
            return;
        }
        RegisteredKey key = keys.signingKey(header).orElseThrow();
        PendingSignature signature = new PendingSignature(position, signed, header, key, publicKey(key),
                batchFindings.size());
        if (workers.parallel() && !KeyRegistry.changesKeys(header)) {
            pending.add(signature);
        } else if (signature.holds()) {
            keys.apply(header);
        } else {
            batchFindings.add(signatureInvalid(position, header));
        }
    }

    /** The decoded public key, decoded once per registered key; empty when it cannot be decoded. */
    private Optional<PublicKey> publicKey(RegisteredKey key) {
        return publicKeys.computeIfAbsent(key, k -> {
            try {
                return Optional.of(k.suite().publicKey(k.publicKeyDer()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private static Finding signatureInvalid(long position, EntryHeader header) {
        KeyRegistry.Refusal refusal = KeyRegistry.Refusal.SIGNATURE_INVALID;
        return new Finding(position, refusal.code(), refusalMessage(refusal, header));
    }

    private static String refusalMessage(KeyRegistry.Refusal refusal, EntryHeader header) {
        return switch (refusal) {
            case KEY_UNKNOWN -> "key " + header.keyId() + " is not registered in this book";
            case KEY_REVOKED -> "key " + header.keyId() + " was revoked before this entry";
            case KEY_NOT_ACTORS -> "key " + header.keyId() + " does not belong to " + header.actor();
            case KEY_ROLE_MISMATCH -> "key " + header.keyId() + " is not registered for role " + header.role();
            case KEY_SUITE_MISMATCH -> "key " + header.keyId() + " is not a " + header.suite() + " key";
            case ROLE_NOT_PERMITTED -> header.role() + " may not sign " + header.kind();
            case KIND_UNKNOWN -> "unknown entry kind " + header.kind();
            case SIGNATURE_INVALID -> "signature does not verify under key " + header.keyId();
        };
    }

    private void malformed(long position, String message) {
        report(position, "entry.malformed", "line " + (position + 1) + ": " + message);
    }

    private void report(long index, String code, String message) {
        batchFindings.add(new Finding(index, code, message));
    }

    /**
     * A signature the walk has tied to its key but not yet verified. Its finding, if any, is the
     * last one at its index: it goes after the first {@code findingsBefore} findings of the batch.
     */
    private record PendingSignature(long position, SignedEntry signed, EntryHeader header, RegisteredKey key,
            Optional<PublicKey> publicKey, int findingsBefore) {

        boolean holds() {
            return publicKey.isPresent() && KeyRegistry.signatureHolds(key.suite(), publicKey.get(), signed);
        }
    }
}
