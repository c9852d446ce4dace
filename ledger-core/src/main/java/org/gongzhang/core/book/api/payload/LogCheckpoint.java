package org.gongzhang.core.book.api.payload;

/**
 * The book's log as of some size, as a statement names what it rests on: the number of entries and
 * their Merkle tree hash.
 *
 * @param size how many entries, from index 0
 * @param root their Merkle root, lowercase hex
 */
public record LogCheckpoint(long size, String root) {

    static LogCheckpoint read(PayloadReader reader) {
        PayloadReader c = reader.object("checkpoint");
        return new LogCheckpoint(c.size("size"), c.string("root"));
    }
}
