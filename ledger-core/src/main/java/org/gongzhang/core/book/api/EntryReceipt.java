package org.gongzhang.core.book.api;

/**
 * What the log answers for an accepted entry: its index and hash, and the Merkle root of the log
 * of {@code index + 1} entries that ends with it. A client can keep the root and later check it
 * against a signed checkpoint of that size, or a consistency proof to a later one.
 *
 * @param bookId the book
 * @param index  the entry's index
 * @param hash   the entry's hash (its RFC 6962 leaf hash, hex)
 * @param root   the Merkle tree hash of entries 0 … index (hex)
 */
public record EntryReceipt(String bookId, long index, String hash, String root) {
}
