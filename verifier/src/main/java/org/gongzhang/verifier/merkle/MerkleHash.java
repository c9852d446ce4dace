package org.gongzhang.verifier.merkle;

import java.security.MessageDigest;
import java.util.Arrays;
import org.gongzhang.verifier.crypto.Digests;

/**
 * The two hash functions of an RFC 6962 / 9162 Merkle tree over SHA-256. Domain separation keeps a
 * leaf from ever passing for an inner node.
 */
public final class MerkleHash {

    /** Length of every hash in the tree, in bytes. */
    public static final int SIZE = 32;

    private static final byte[] LEAF_PREFIX = {0x00};
    private static final byte[] NODE_PREFIX = {0x01};
    private static final byte[] EMPTY_ROOT = Digests.sha256();

    private MerkleHash() {
    }

    /** SHA-256(0x00 ‖ data): the hash of one leaf. */
    public static byte[] leaf(byte[] data) {
        return Digests.sha256(LEAF_PREFIX, data);
    }

    /** SHA-256(0x01 ‖ left ‖ right): the hash of an inner node. */
    public static byte[] node(byte[] left, byte[] right) {
        return Digests.sha256(NODE_PREFIX, left, right);
    }

    /** {@link #node(byte[], byte[])} with a digest the caller reuses (it is reset by {@code digest()}). */
    static byte[] node(MessageDigest sha256, byte[] left, byte[] right) {
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** SHA-256 of nothing: the root of the empty tree. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    static boolean isHash(byte[] hash) {
        return hash != null && hash.length == SIZE;
    }

    static boolean same(byte[] a, byte[] b) {
        return isHash(a) && isHash(b) && Arrays.equals(a, b);
    }
}
