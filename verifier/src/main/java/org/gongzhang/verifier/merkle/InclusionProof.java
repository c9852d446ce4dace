package org.gongzhang.verifier.merkle;

import java.util.List;
import org.gongzhang.verifier.crypto.Digests;

/**
 * An inclusion proof (包含证明): the audit path showing that leaf {@code leafIndex} is in the tree
 * of {@code treeSize} leaves. Verified as in RFC 9162 §2.1.3.2.
 *
 * @param leafIndex the leaf's index, from 0
 * @param treeSize  number of leaves of the tree
 * @param hashes    the audit path, nearest sibling first; each 32 bytes
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> hashes) {

    public InclusionProof {
        hashes = List.copyOf(hashes);
    }

    /** Reads a proof whose path is given as hex strings. */
    public static InclusionProof fromHex(long leafIndex, long treeSize, List<String> hexHashes) {
        return new InclusionProof(leafIndex, treeSize, hexHashes.stream().map(Digests::unhex).toList());
    }

    public List<String> hexHashes() {
        return hashes.stream().map(Digests::hex).toList();
    }

    /** True when this path leads from {@code leafHash} to {@code root}; false on any malformed input. */
    public boolean verify(byte[] leafHash, byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize || !MerkleHash.isHash(leafHash)) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : hashes) {
            if (sn == 0 || !MerkleHash.isHash(p)) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MerkleHash.same(r, root);
    }
}
