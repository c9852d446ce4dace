package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.ENTRY_BOOK_MISMATCH;
import static org.gongzhang.core.book.api.RefusalCode.ENTRY_INDEX_STALE;
import static org.gongzhang.core.book.api.RefusalCode.ENTRY_KIND_UNKNOWN;
import static org.gongzhang.core.book.api.RefusalCode.ENTRY_MALFORMED;
import static org.gongzhang.core.book.api.RefusalCode.ENTRY_PREV_MISMATCH;
import static org.gongzhang.core.book.api.RefusalCode.ENTRY_RECORDED_AT_BEFORE_PREVIOUS;
import static org.gongzhang.core.book.api.RefusalCode.ENTRY_RECORDED_AT_SKEW;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.EntryKind;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.MalformedEntry;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * The rules every entry passes before its kind's own: it parses, belongs to this book, extends
 * the chain at its head, was recorded now and not before the previous entry, and is signed by a
 * key the log allows to sign it.
 */
final class EnvelopeRules {

    /** How far an entry's recordedAt may be from the service's clock. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private EnvelopeRules() {
    }

    static EntryHeader check(SignedEntry entry, String bookId, LogHead head, BookKeys keys, Clock clock) {
        EntryHeader header = parse(entry);
        if (!header.book().equals(bookId)) {
            throw ENTRY_BOOK_MISMATCH.at("entry.book", bookId);
        }
        if (header.index() != head.nextIndex()) {
            throw ENTRY_INDEX_STALE.at("entry.index", head.nextIndex());
        }
        if (!header.prev().equals(head.hash())) {
            throw ENTRY_PREV_MISMATCH.at("entry.prev", head.hash());
        }
        checkRecordedAt(header.recordedAt(), head.lastRecordedAt(), clock);
        kind(header);
        signer(entry, header, keys.check(entry, header).orElse(null));
        return header;
    }

    static EntryHeader parse(SignedEntry entry) {
        try {
            return entry.header();
        } catch (MalformedEntry e) {
            throw ENTRY_MALFORMED.at(e.field(), e.field());
        }
    }

    static void checkRecordedAt(Instant recordedAt, Instant previous, Clock clock) {
        Instant now = clock.instant();
        if (Duration.between(recordedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            throw ENTRY_RECORDED_AT_SKEW.at("entry.recordedAt", now.toString());
        }
        if (previous != null && recordedAt.isBefore(previous)) {
            throw ENTRY_RECORDED_AT_BEFORE_PREVIOUS.at("entry.recordedAt", previous.toString());
        }
    }

    static EntryKind kind(EntryHeader header) {
        return EntryKind.byWireName(header.kind())
                .orElseThrow(() -> ENTRY_KIND_UNKNOWN.at("entry.kind", header.kind()));
    }

    static void signer(SignedEntry entry, EntryHeader header, KeyRegistry.Refusal refusal) {
        if (refusal != null) {
            throw RefusalCode.of(refusal).at(fieldOf(refusal), header.keyId());
        }
    }

    private static String fieldOf(KeyRegistry.Refusal refusal) {
        return switch (refusal) {
            case KEY_UNKNOWN, KEY_REVOKED -> "entry.keyId";
            case KEY_NOT_ACTORS -> "entry.actor";
            case KEY_ROLE_MISMATCH, ROLE_NOT_PERMITTED -> "entry.role";
            case KEY_SUITE_MISMATCH -> "entry.suite";
            case KIND_UNKNOWN -> "entry.kind";
            case SIGNATURE_INVALID -> "signature";
        };
    }
}
