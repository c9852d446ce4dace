package org.gongzhang.core.book.api;

/** What the log answers for an accepted entry: its index and hash. */
public record EntryReceipt(String bookId, long index, String hash) {
}
