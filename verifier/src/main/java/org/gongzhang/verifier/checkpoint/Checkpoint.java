package org.gongzhang.verifier.checkpoint;

import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import org.gongzhang.verifier.merkle.MerkleHash;

/**
 * A C2SP tlog-checkpoint (检查点): the log's statement that the book named by {@code origin} has
 * {@code size} entries whose Merkle tree hash is {@code root}. Its body is
 * {@code <origin>\n<size>\n<base64 root>\n}; it travels as a {@link SignedNote}.
 *
 * @param origin the log's name, {@link #bookOrigin(String)} for a book
 * @param size   number of entries covered
 * @param root   Merkle tree hash of those entries, 32 bytes
 */
public record Checkpoint(String origin, long size, byte[] root) {

    private static final String BOOK_ORIGIN_PREFIX = "gongzhang.org/book/";
    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        if (origin.isBlank() || origin.contains("\n") || size < 0 || root.length != MerkleHash.SIZE) {
            throw new MalformedNote("a checkpoint has an origin, a size ≥ 0 and a 32-byte root");
        }
        root = root.clone();
    }

    /** The origin line of a book's log: {@code gongzhang.org/book/<bookId>}. */
    public static String bookOrigin(String bookId) {
        return BOOK_ORIGIN_PREFIX + bookId;
    }

    /** The checkpoint of book {@code bookId}. */
    public static Checkpoint forBook(String bookId, long size, byte[] root) {
        return new Checkpoint(bookOrigin(bookId), size, root);
    }

    /** Reads a checkpoint body; extension lines after the root are allowed and ignored. */
    public static Checkpoint parse(String body) {
        String[] lines = body.split("\n", -1);
        if (lines.length < 4 || Arrays.stream(lines, 0, lines.length - 1).anyMatch(String::isEmpty)
                || !lines[lines.length - 1].isEmpty()) {
            throw new MalformedNote("a checkpoint body is origin, size and root, each ending in a newline");
        }
        if (!SIZE.matcher(lines[1]).matches()) {
            throw new MalformedNote("checkpoint size is a decimal without leading zeros: " + lines[1]);
        }
        try {
            return new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
        } catch (IllegalArgumentException e) {
            throw new MalformedNote("checkpoint root is not base64");
        }
    }

    /** The signed-note text: {@code <origin>\n<size>\n<base64 root>\n}. */
    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /** This checkpoint as a note signed by the log key. */
    public SignedNote sign(NoteSigner logKey) {
        return SignedNote.sign(body(), logKey);
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c && c.origin.equals(origin) && c.size == size && Arrays.equals(c.root, root);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(size) * 17 + Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return body();
    }
}
