package org.gongzhang.verifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.gongzhang.verifier.canonical.NotCanonicalizable;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.EntryKind;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.MalformedEntry;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.MerkleHash;

/**
 * Walks a book's leaves in order and checks each entry against the ones before it: form, book,
 * dense index, hash chain (哈希链), time order and the signer's key. It never stops at a finding,
 * so every tampered index is reported.
 */
final class EntryChain {

    private final String book;
    private final List<Finding> findings;
    private final KeyRegistry keys = new KeyRegistry();
    private final List<byte[]> leafHashes = new ArrayList<>();
    private String expectedPrev = SignedEntry.GENESIS_PREV;
    private Instant lastRecordedAt;

    EntryChain(String book, List<Finding> findings) {
        this.book = book;
        this.findings = findings;
    }

    /** The Merkle leaf hashes of every leaf seen, in order. */
    List<byte[]> leafHashes() {
        return leafHashes;
    }

    /** The keys registered by the entries accepted so far, with the index of their revocation if any. */
    Collection<RegisteredKey> registeredKeys() {
        return keys.all();
    }

    /** Checks the next leaf; its index is the number of leaves before it, its line in {@code entries.jsonl} one more. */
    void accept(String leaf) {
        long position = leafHashes.size();
        byte[] leafHash = MerkleHash.leaf(leaf.getBytes(StandardCharsets.UTF_8));
        leafHashes.add(leafHash);
        try {
            check(position, leaf);
        } catch (MalformedEntry | NotCanonicalizable e) {
            report(position, "entry.malformed", "line " + (position + 1) + ": " + e.getMessage());
        }
        expectedPrev = Digests.hex(leafHash);
    }

    private void check(long position, String leaf) {
        SignedEntry signed = SignedEntry.fromLeaf(leaf);
        if (!signed.leaf().equals(leaf)) {
            report(position, "entry.malformed", "line " + (position + 1) + " is not in canonical form");
        }
        EntryHeader header = signed.header();
        checkPlace(position, header);
        checkTime(position, header.recordedAt());
        checkSigner(position, signed, header);
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
        Optional<KeyRegistry.Refusal> refusal = keys.check(signed, header);
        if (refusal.isPresent()) {
            report(position, refusal.get().code(), refusalMessage(refusal.get(), header));
        } else {
            keys.apply(header);
        }
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

    private void report(long index, String code, String message) {
        findings.add(new Finding(index, code, message));
    }
}
