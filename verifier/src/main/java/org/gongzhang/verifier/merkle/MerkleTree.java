package org.gongzhang.verifier.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.verifier.crypto.Digests;

/**
 * The RFC 9162 §2.1 definitions over a whole list of leaf hashes: the tree hash MTH, the audit
 * path PATH and the consistency proof PROOF. Used by whoever holds every leaf (the service, a
 * bundle writer); a verifier needs only {@link InclusionProof} and {@link ConsistencyProof}.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /**
     * MTH(D[n]) of the leaves whose hashes are given in index order. Computed level by level:
     * hashing neighbours in pairs and lifting a lone last node builds the same tree as the RFC's
     * split at the largest power of two below n, with one digest and no copies of the level.
     *
     * @throws IllegalArgumentException when a hash is not 32 bytes
     */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        byte[][] level = leafHashes.toArray(new byte[0][]);
        for (byte[] hash : level) {
            if (!MerkleHash.isHash(hash)) {
                throw new IllegalArgumentException("a Merkle hash has " + MerkleHash.SIZE + " bytes");
            }
        }
        MessageDigest sha256 = Digests.newSha256();
        for (int width = level.length; width > 1; width = (width + 1) / 2) {
            for (int i = 0; i + 1 < width; i += 2) {
                level[i / 2] = MerkleHash.node(sha256, level[i], level[i + 1]);
            }
            if (width % 2 == 1) {
                level[width / 2] = level[width - 1];
            }
        }
        return level[0].clone();
    }

    /** The inclusion proof (audit path) of leaf {@code index} in the tree of all given leaves. */
    public static InclusionProof inclusionProof(List<byte[]> leafHashes, long index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leafHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        auditPath((int) index, leafHashes, path);
        return new InclusionProof(index, leafHashes.size(), path);
    }

    /** The proof that the tree of the first {@code size1} leaves is a prefix of the tree of all given leaves. */
    public static ConsistencyProof consistencyProof(List<byte[]> leafHashes, long size1) {
        if (size1 <= 0 || size1 > leafHashes.size()) {
            throw new IllegalArgumentException("no consistency proof from " + size1 + " to " + leafHashes.size());
        }
        List<byte[]> proof = new ArrayList<>();
        subproof((int) size1, leafHashes, true, proof);
        return new ConsistencyProof(size1, leafHashes.size(), proof);
    }

    private static void auditPath(int m, List<byte[]> leaves, List<byte[]> out) {
        int n = leaves.size();
        if (n <= 1) {
            return;
        }
        int k = splitPoint(n);
        if (m < k) {
            auditPath(m, leaves.subList(0, k), out);
            out.add(root(leaves.subList(k, n)));
        } else {
            auditPath(m - k, leaves.subList(k, n), out);
            out.add(root(leaves.subList(0, k)));
        }
    }

    private static void subproof(int m, List<byte[]> leaves, boolean startsAtRoot, List<byte[]> out) {
        int n = leaves.size();
        if (m == n) {
            if (!startsAtRoot) {
                out.add(root(leaves));
            }
            return;
        }
        int k = splitPoint(n);
        if (m <= k) {
            subproof(m, leaves.subList(0, k), startsAtRoot, out);
            out.add(root(leaves.subList(k, n)));
        } else {
            subproof(m - k, leaves.subList(k, n), false, out);
            out.add(root(leaves.subList(0, k)));
        }
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2). */
    private static int splitPoint(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
