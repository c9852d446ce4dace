package org.gongzhang.verifier.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongzhang.verifier.crypto.Digests;

/**
 * RFC 9162 §2.1 tree hashes and proofs computed from stored perfect subtrees instead of every
 * leaf. A perfect subtree is named by its {@link Node}: level {@code L} and index {@code i} cover
 * leaves {@code [i·2^L, (i+1)·2^L)}; level 0 is the leaf hash itself. A log that stores each such
 * node once it is complete (one per leaf on average) answers any root, audit path or consistency
 * proof of any size from O(log n) nodes.
 *
 * <p>Each computation comes in two steps so that a store can fetch every node in one query:
 * {@code nodesFor…} names the nodes it reads, then the computation takes them as a map.
 */
public final class SubtreeProofs {

    private SubtreeProofs() {
    }

    /** A perfect subtree: {@code 2^level} leaves starting at leaf {@code index · 2^level}. */
    public record Node(int level, long index) {
        public Node {
            if (level < 0 || level > 62 || index < 0) {
                throw new IllegalArgumentException("no subtree at level " + level + ", index " + index);
            }
        }
    }

    /**
     * The nodes that become complete when leaf {@code leafIndex} is appended, bottom-up: the leaf
     * itself, then one more per level while the new leaf closes a perfect subtree there.
     */
    public static List<Node> completedBy(long leafIndex) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node(0, leafIndex));
        for (int level = 1; ((leafIndex + 1) & ((1L << level) - 1)) == 0; level++) {
            nodes.add(new Node(level, leafIndex >>> level));
        }
        return nodes;
    }

    /** The nodes {@link #root} reads for a tree of {@code size} leaves: its compact range. */
    public static Set<Node> nodesForRoot(long size) {
        requireSize(size);
        Recorder recorder = new Recorder();
        hash(recorder, 0, size);
        return recorder.nodes;
    }

    /** MTH of the first {@code size} leaves. */
    public static byte[] root(long size, Map<Node, byte[]> nodes) {
        requireSize(size);
        return hash(new Lookup(nodes), 0, size).clone();
    }

    /** The nodes {@link #inclusionProof} reads. */
    public static Set<Node> nodesForInclusion(long leafIndex, long size) {
        requireLeaf(leafIndex, size);
        Recorder recorder = new Recorder();
        auditPath(recorder, leafIndex, 0, size, new ArrayList<>());
        return recorder.nodes;
    }

    /** PATH(leafIndex, D[size]), nearest sibling first. */
    public static InclusionProof inclusionProof(long leafIndex, long size, Map<Node, byte[]> nodes) {
        requireLeaf(leafIndex, size);
        List<byte[]> path = new ArrayList<>();
        auditPath(new Lookup(nodes), leafIndex, 0, size, path);
        return new InclusionProof(leafIndex, size, path);
    }

    /** The nodes {@link #consistencyProof} reads. */
    public static Set<Node> nodesForConsistency(long size1, long size2) {
        requireSizes(size1, size2);
        Recorder recorder = new Recorder();
        subproof(recorder, size1, 0, size2, true, new ArrayList<>());
        return recorder.nodes;
    }

    /** PROOF(size1, D[size2]); empty when the sizes are equal. */
    public static ConsistencyProof consistencyProof(long size1, long size2, Map<Node, byte[]> nodes) {
        requireSizes(size1, size2);
        List<byte[]> proof = new ArrayList<>();
        subproof(new Lookup(nodes), size1, 0, size2, true, proof);
        return new ConsistencyProof(size1, size2, proof);
    }

    /** Where hashes of perfect subtrees come from while computing. */
    private interface Source {
        byte[] node(Node node);

        byte[] combine(byte[] left, byte[] right);
    }

    /** Names the nodes read; the hashes it returns are placeholders. */
    private static final class Recorder implements Source {
        private static final byte[] PLACEHOLDER = new byte[MerkleHash.SIZE];
        private final Set<Node> nodes = new LinkedHashSet<>();

        @Override
        public byte[] node(Node node) {
            nodes.add(node);
            return PLACEHOLDER;
        }

        @Override
        public byte[] combine(byte[] left, byte[] right) {
            return PLACEHOLDER;
        }
    }

    private static final class Lookup implements Source {
        private final Map<Node, byte[]> nodes;
        private final MessageDigest sha256 = Digests.newSha256();

        Lookup(Map<Node, byte[]> nodes) {
            this.nodes = nodes;
        }

        @Override
        public byte[] node(Node node) {
            byte[] hash = nodes.get(node);
            if (hash == null || !MerkleHash.isHash(hash)) {
                throw new IllegalArgumentException("subtree " + node + " is missing or not a 32-byte hash");
            }
            return hash;
        }

        @Override
        public byte[] combine(byte[] left, byte[] right) {
            return MerkleHash.node(sha256, left, right);
        }
    }

    /** MTH(D[from:to]) for a range the RFC's recursion reaches. */
    private static byte[] hash(Source source, long from, long to) {
        long width = to - from;
        if (Long.bitCount(width) == 1 && from % width == 0) {
            return source.node(new Node(Long.numberOfTrailingZeros(width), from / width));
        }
        long k = Long.highestOneBit(width - 1);
        return source.combine(hash(source, from, from + k), hash(source, from + k, to));
    }

    private static void auditPath(Source source, long m, long from, long to, List<byte[]> out) {
        if (to - from <= 1) {
            return;
        }
        long k = Long.highestOneBit(to - from - 1);
        if (m < from + k) {
            auditPath(source, m, from, from + k, out);
            out.add(hash(source, from + k, to));
        } else {
            auditPath(source, m, from + k, to, out);
            out.add(hash(source, from, from + k));
        }
    }

    /** SUBPROOF(m, D[from:to], startsAtRoot), with {@code m} counted from {@code from}. */
    private static void subproof(Source source, long m, long from, long to, boolean startsAtRoot, List<byte[]> out) {
        long n = to - from;
        if (m == n) {
            if (!startsAtRoot) {
                out.add(hash(source, from, to));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(source, m, from, from + k, startsAtRoot, out);
            out.add(hash(source, from + k, to));
        } else {
            subproof(source, m - k, from + k, to, false, out);
            out.add(hash(source, from, from + k));
        }
    }

    private static void requireSize(long size) {
        if (size < 1) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has no stored root");
        }
    }

    private static void requireLeaf(long leafIndex, long size) {
        requireSize(size);
        if (leafIndex < 0 || leafIndex >= size) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + size);
        }
    }

    private static void requireSizes(long size1, long size2) {
        if (size1 < 1 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from " + size1 + " to " + size2);
        }
    }
}
