package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** Opens a book with its genesis entry ({@code book.opened}, index 0). Answers an {@link EntryReceipt}. */
public record OpenBookCommand(BookId bookId, SignedEntry entry) {
}
