package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.BOOK_NAME_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.BOOK_NOT_OPENED;
import static org.gongzhang.core.book.api.RefusalCode.ENTRY_BOOK_MISMATCH;
import static org.gongzhang.core.book.api.RefusalCode.ENTRY_INDEX_STALE;
import static org.gongzhang.core.book.api.RefusalCode.ENTRY_MALFORMED;
import static org.gongzhang.core.book.api.RefusalCode.ENTRY_PREV_MISMATCH;

import java.time.Clock;
import java.util.Optional;
import org.gongzhang.core.book.api.payload.BookOpened;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.EntryKind;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.MalformedEntry;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * 建账: the genesis entry {@code book.opened} is entry 0 of the book, cites 64 zeros, names the
 * compound, community, street and fund, writes out a valid chart and lists the keys, its signer's
 * among them.
 */
final class GenesisRules {

    private GenesisRules() {
    }

    static BookOpened check(String bookId, SignedEntry entry, Clock clock) {
        EntryHeader header = EnvelopeRules.parse(entry);
        if (!header.book().equals(bookId)) {
            throw ENTRY_BOOK_MISMATCH.at("entry.book", bookId);
        }
        if (EnvelopeRules.kind(header) != EntryKind.BOOK_OPENED) {
            throw BOOK_NOT_OPENED.at("entry.kind", header.kind());
        }
        if (header.index() != 0) {
            throw ENTRY_INDEX_STALE.at("entry.index", 0);
        }
        if (!header.prev().equals(SignedEntry.GENESIS_PREV)) {
            throw ENTRY_PREV_MISMATCH.at("entry.prev", SignedEntry.GENESIS_PREV);
        }
        EnvelopeRules.checkRecordedAt(header.recordedAt(), null, clock);
        EnvelopeRules.signer(entry, header, genesisSigner(entry, header).orElse(null));
        BookOpened opened = BookOpened.from(entry);
        names(opened);
        ChartRules.check(opened.accounts());
        return opened;
    }

    private static Optional<KeyRegistry.Refusal> genesisSigner(SignedEntry entry, EntryHeader header) {
        try {
            return new KeyRegistry().check(entry, header);
        } catch (MalformedEntry e) {
            throw ENTRY_MALFORMED.at(e.field(), e.field());
        }
    }

    private static void names(BookOpened opened) {
        Require.nonBlank(opened.compound().name(), BOOK_NAME_BLANK, "entry.payload.compound.name");
        Require.nonBlank(opened.community().name(), BOOK_NAME_BLANK, "entry.payload.community.name");
        Require.nonBlank(opened.street().name(), BOOK_NAME_BLANK, "entry.payload.street.name");
        Require.nonBlank(opened.name(), BOOK_NAME_BLANK, "entry.payload.name");
    }
}
