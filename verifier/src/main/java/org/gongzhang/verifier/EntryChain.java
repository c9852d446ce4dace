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
import org.gongzhang.verifier.entry.Custody;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.EntryKind;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.MalformedEntry;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.statement.StatementLog;
import org.gongzhang.verifier.statement.StatementReplay;

/**
 * Walks a book's leaves in order, one at a time as they are read, and checks each entry against the
 * ones before it: form, book, dense index, hash chain (哈希链), time order and the signer's key; and
 * recomputes the result of each owners' joint decision from its tally. It never stops at a finding,
 * so every tampered index is reported, in index order.
 *
 * <p>It keeps only what the checks after it need, never the entries: the Merkle roots they ask for
 * ({@link LogRoots}), the key registry, the {@code statement.*} entries, the tender seals, the
 * custody counts and, when a statement is checked, its replay. The expensive reading of each line
 * and its signature (on every core, {@link EntryPipeline}) comes in as a {@link LeafReading}; the
 * walk decides from the registry as it stands at each index which key must verify each signature
 * and takes the verdict reached ahead only when it was reached under that key, else verifies itself.
 */
final class EntryChain {

    private final String book;
    private final List<Finding> findings = new ArrayList<>();
    private final KeyRegistry keys = new KeyRegistry();
    private final Map<RegisteredKey, Optional<PublicKey>> publicKeys = new HashMap<>();
    private final List<EntryHeader> statementEntries = new ArrayList<>();
    private final TenderSeals tenderSeals = new TenderSeals();
    private final LogRoots roots;
    private final Optional<StatementReplay> replay;
    private StatementLog statements;
    private String expectedPrev = SignedEntry.GENESIS_PREV;
    private Instant lastRecordedAt;
    private long size;
    private long readable;
    private long withHeader;
    private long custodial;

    /**
     * A walk of {@code book}'s log that folds every leaf into {@code roots} and feeds {@code replay}
     * the readable entries below its statement's checkpoint.
     */
    EntryChain(String book, LogRoots roots, Optional<StatementReplay> replay) {
        this.book = book;
        this.roots = roots;
        this.replay = replay;
    }

    /** Checks the next leaf; its index is the number of leaves before it, its line in {@code entries.jsonl} one more. */
    void accept(LeafReading reading) {
        long position = size++;
        EntryHeader header = reading.header();
        if (header != null && EntryKind.STATEMENT_DRAFTED.wireName().equals(header.kind())) {
            roots.want(header.index());
        }
        roots.append(reading.leafHash());
        if (reading.readable() && readable == position) {
            readable++;
            replay.filter(r -> position < r.size()).ifPresent(r -> {
                if (header != null) {
                    r.apply(header);
                } else {
                    r.unreadable(position, reading.failure());
                }
            });
        }
        if (header != null) {
            withHeader++;
            if (header.custodial()) {
                custodial++;
            }
        }
        try {
            check(position, reading);
        } catch (MalformedEntry | NotCanonicalizable e) {
            malformed(position, e.getMessage());
        }
        expectedPrev = reading.hash();
    }

    /** After the last leaf. */
    void finish() {
        roots.finish();
    }

    /** Everything found, in index order. */
    List<Finding> findings() {
        return findings;
    }

    /** Number of leaves walked. */
    long size() {
        return size;
    }

    /** How many leaves from the first are readable signed entries (up to the first that is not). */
    long readable() {
        return readable;
    }

    /** Entries signed by their actor's own key and by the service for them, of those whose envelope reads. */
    Custody custody() {
        return new Custody(withHeader, custodial);
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

    private void check(long position, LeafReading reading) {
        if (!reading.readable()) {
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
        DecisionCheck.check(position, header).ifPresent(findings::add);
        checkSigner(position, reading, header);
        tenderSeals.check(position, header, findings);
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

    private void checkSigner(long position, LeafReading reading, EntryHeader header) {
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
        if (holds(reading, key)) {
            keys.apply(header);
        } else {
            report(position, KeyRegistry.Refusal.SIGNATURE_INVALID.code(),
                    refusalMessage(KeyRegistry.Refusal.SIGNATURE_INVALID, header));
        }
    }

    /** Whether the entry's signature verifies under {@code key}: as verified ahead under the same key, or now. */
    private boolean holds(LeafReading reading, RegisteredKey key) {
        LeafReading.Verdict verdict = reading.verdict();
        if (verdict != null && verdict.key().isFor(key)) {
            return verdict.holds();
        }
        Optional<PublicKey> publicKey = publicKey(key);
        return publicKey.isPresent() && reading.holdsUnder(key.suite(), publicKey.get());
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
        findings.add(new Finding(index, code, message));
    }
}
