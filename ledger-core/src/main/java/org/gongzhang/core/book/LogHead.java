package org.gongzhang.core.book;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.SignedEntry;

/** The tip of a book's hash chain: where the next entry goes and what it must cite. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class LogHead {

    private long nextIndex;
    private String hash = SignedEntry.GENESIS_PREV;
    private String lastRecordedAt;

    long nextIndex() {
        return nextIndex;
    }

    String hash() {
        return hash;
    }

    /** When the latest entry was recorded, or null before the first. */
    Instant lastRecordedAt() {
        return lastRecordedAt == null ? null : Instant.parse(lastRecordedAt);
    }

    void advance(SignedEntry entry, EntryHeader header) {
        nextIndex = header.index() + 1;
        hash = entry.hash();
        lastRecordedAt = header.recordedAt().toString();
    }
}
