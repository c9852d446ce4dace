package org.gongzhang.core.book;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.CompactRange;

/**
 * The tip of a book's hash chain and Merkle log: where the next entry goes, what it must cite, and
 * the compact range of the tree (at most log2(n) + 1 subtree hashes), so that an append and the new
 * root cost O(log n) without the leaves.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class LogHead {

    private long nextIndex;
    private String hash = SignedEntry.GENESIS_PREV;
    private String lastRecordedAt;
    /** {@link #lastRecordedAt} parsed, kept beside it (not in the snapshot): every append compares with it. */
    @JsonIgnore
    private transient Instant lastRecorded;
    private List<String> range = List.of();

    long nextIndex() {
        return nextIndex;
    }

    String hash() {
        return hash;
    }

    /** When the latest entry was recorded, or null before the first. */
    Instant lastRecordedAt() {
        if (lastRecorded == null && lastRecordedAt != null) {
            lastRecorded = Instant.parse(lastRecordedAt);
        }
        return lastRecorded;
    }

    /** The Merkle root (hex) of the log so far. */
    String root() {
        return Digests.hex(CompactRange.fromHex(nextIndex, range).root());
    }

    void advance(SignedEntry entry, EntryHeader header) {
        range = CompactRange.fromHex(nextIndex, range).append(entry.leafHash()).hexHashes();
        nextIndex = header.index() + 1;
        hash = entry.hash();
        lastRecordedAt = header.recordedAt().toString();
        lastRecorded = header.recordedAt();
    }
}
