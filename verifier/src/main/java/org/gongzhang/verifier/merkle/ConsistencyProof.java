package org.gongzhang.verifier.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gongzhang.verifier.crypto.Digests;

/**
 * A consistency proof (一致性证明): the hashes showing that the tree of {@code size1} leaves is a
 * prefix of the tree of {@code size2} leaves, i.e. the log only grew. Verified as in RFC 9162
 * §2.1.4.2; a proof from the empty tree proves nothing and is refused. Between equal sizes the
 * proof is empty and the two roots must be the same bytes.
 *
 * @param size1  the older tree size, at least 1
 * @param size2  the newer tree size
 * @param hashes the proof, each 32 bytes; empty when the sizes are equal
 */
public record ConsistencyProof(long size1, long size2, List<byte[]> hashes) {

    public ConsistencyProof {
        hashes = List.copyOf(hashes);
    }

    /** Reads a proof given as hex strings. */
    public static ConsistencyProof fromHex(long size1, long size2, List<String> hexHashes) {
        return new ConsistencyProof(size1, size2, hexHashes.stream().map(Digests::unhex).toList());
    }

    public List<String> hexHashes() {
        return hashes.stream().map(Digests::hex).toList();
    }

    /** True when {@code root2} extends {@code root1} by this proof; false on any malformed input. */
    public boolean verify(byte[] root1, byte[] root2) {
        if (size1 <= 0 || size2 < size1) {
            return false;
        }
        if (size1 == size2) {
            return hashes.isEmpty() && root1 != null && Arrays.equals(root1, root2);
        }
        if (hashes.isEmpty() || !hashes.stream().allMatch(MerkleHash::isHash)) {
            return false;
        }
        return walk(root1, root2);
    }

    private boolean walk(byte[] root1, byte[] root2) {
        List<byte[]> path = new ArrayList<>(hashes);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MerkleHash.same(fr, root1) && MerkleHash.same(sr, root2);
    }
}
