package org.gongzhang.verifier.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gongzhang.verifier.crypto.Digests;

/**
 * The compact range (紧凑范围) of a log of {@code size} leaves: the roots of the perfect subtrees
 * its leaves form, largest (leftmost) first, one per set bit of {@code size}. It is all an append
 * needs, so an aggregate keeps these O(log n) hashes instead of the whole tree.
 *
 * <p>Immutable: {@link #append} returns the range of one more leaf.
 */
public final class CompactRange {

    private final long size;
    private final List<byte[]> hashes;

    private CompactRange(long size, List<byte[]> hashes) {
        this.size = size;
        this.hashes = hashes;
    }

    /** The range of the empty log. */
    public static CompactRange empty() {
        return new CompactRange(0, List.of());
    }

    /** The range of a log whose leaf hashes are given in index order. */
    public static CompactRange of(List<byte[]> leafHashes) {
        CompactRange range = empty();
        for (byte[] leafHash : leafHashes) {
            range = range.append(leafHash);
        }
        return range;
    }

    /**
     * Restores a range from {@link #hexHashes()}.
     *
     * @throws IllegalArgumentException when the number of hashes does not fit {@code size} or a hash is not 32 bytes
     */
    public static CompactRange fromHex(long size, List<String> hexHashes) {
        if (size < 0 || Long.bitCount(size) != hexHashes.size()) {
            throw new IllegalArgumentException("a range of size " + size + " has " + Long.bitCount(Math.max(size, 0))
                    + " hashes, not " + hexHashes.size());
        }
        List<byte[]> hashes = new ArrayList<>();
        for (String hex : hexHashes) {
            hashes.add(checked(Digests.unhex(hex)));
        }
        return new CompactRange(size, Collections.unmodifiableList(hashes));
    }

    /** The range after appending one leaf hash; O(log n). */
    public CompactRange append(byte[] leafHash) {
        List<byte[]> next = new ArrayList<>(hashes);
        byte[] carry = checked(leafHash).clone();
        for (long bits = size; (bits & 1) == 1; bits >>>= 1) {
            carry = MerkleHash.node(next.remove(next.size() - 1), carry);
        }
        next.add(carry);
        return new CompactRange(size + 1, Collections.unmodifiableList(next));
    }

    /** The Merkle tree hash of all leaves so far. */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(hashes.get(i), root);
        }
        return root.clone();
    }

    /** Number of leaves. */
    public long size() {
        return size;
    }

    /** The subtree roots as lowercase hex, largest subtree first; pair with {@link #size()} to store. */
    public List<String> hexHashes() {
        return hashes.stream().map(Digests::hex).toList();
    }

    private static byte[] checked(byte[] hash) {
        if (!MerkleHash.isHash(hash)) {
            throw new IllegalArgumentException("a Merkle hash has " + MerkleHash.SIZE + " bytes");
        }
        return hash;
    }
}
