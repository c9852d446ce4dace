package org.gongzhang.verifier.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.gongzhang.verifier.merkle.MerkleVectors.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MerkleTreeTest {

    static List<Vector> inclusionHappyPaths() {
        return MerkleVectors.all("inclusion").stream().filter(v -> v.name().endsWith("happy-path.json")).toList();
    }

    static List<Vector> consistencyHappyPaths() {
        return MerkleVectors.all("consistency").stream()
                .filter(v -> v.name().endsWith("happy-path.json"))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionHappyPaths")
    void generatesTheInclusionProofOfTheReferenceVector(Vector vector) {
        var json = vector.json();
        var leaves = Rfc6962Leaves.hashes(json.get("treeSize").asInt());

        var proof = MerkleTree.inclusionProof(leaves, json.get("leafIdx").asLong());

        assertThat(proof.hashes()).containsExactlyElementsOf(MerkleVectors.list(json.get("proof")));
        assertThat(MerkleTree.root(leaves)).isEqualTo(MerkleVectors.bytes(json.get("root")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyHappyPaths")
    void generatesTheConsistencyProofOfTheReferenceVector(Vector vector) {
        var json = vector.json();
        var leaves = Rfc6962Leaves.hashes(json.get("size2").asInt());

        var proof = MerkleTree.consistencyProof(leaves, json.get("size1").asLong());

        assertThat(proof.hashes()).containsExactlyElementsOf(MerkleVectors.list(json.get("proof")));
    }

    @Test
    void theRootIsTheRecursiveTreeHashOfTheRfcForEverySizeUpToAHundred() {
        List<byte[]> leaves = IntStream.range(0, 100).mapToObj(i -> MerkleHash.leaf(new byte[] {(byte) i})).toList();
        for (int size = 0; size <= 100; size++) {
            assertThat(MerkleTree.root(leaves.subList(0, size))).as("size %d", size)
                    .isEqualTo(rfcTreeHash(leaves.subList(0, size)));
        }
    }

    /** MTH exactly as RFC 9162 §2.1.1 defines it. */
    private static byte[] rfcTreeHash(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleHash.node(rfcTreeHash(leaves.subList(0, k)), rfcTreeHash(leaves.subList(k, leaves.size())));
    }

    @Test
    void everyGeneratedInclusionProofVerifiesForEveryLeafOfEveryTreeUpToEight() {
        for (int size = 1; size <= 8; size++) {
            var leaves = Rfc6962Leaves.hashes(size);
            byte[] root = MerkleTree.root(leaves);
            for (int index = 0; index < size; index++) {
                assertThat(MerkleTree.inclusionProof(leaves, index).verify(leaves.get(index), root))
                        .as("leaf %d of %d", index, size).isTrue();
            }
        }
    }

    @Test
    void everyGeneratedConsistencyProofVerifiesBetweenEveryPairOfSizesUpToEight() {
        var all = Rfc6962Leaves.hashes(8);
        for (int size2 = 1; size2 <= 8; size2++) {
            for (int size1 = 1; size1 <= size2; size1++) {
                var proof = MerkleTree.consistencyProof(all.subList(0, size2), size1);
                assertThat(proof.verify(MerkleTree.root(all.subList(0, size1)), MerkleTree.root(all.subList(0, size2))))
                        .as("%d to %d", size1, size2).isTrue();
            }
        }
    }

    @Test
    void inclusionProofDoesNotVerifyAnotherLeaf() {
        var leaves = Rfc6962Leaves.hashes(7);

        var proof = MerkleTree.inclusionProof(leaves, 3);

        assertThat(proof.verify(leaves.get(4), MerkleTree.root(leaves))).isFalse();
    }

    @Test
    void refusesAnInclusionProofForALeafOutsideTheTree() {
        var leaves = Rfc6962Leaves.hashes(3);

        assertThatThrownBy(() -> MerkleTree.inclusionProof(leaves, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inclusionProofsSurviveTheirHexForm() {
        var leaves = Rfc6962Leaves.hashes(6);
        var proof = MerkleTree.inclusionProof(leaves, 4);

        var again = InclusionProof.fromHex(4, 6, proof.hexHashes());

        assertThat(again.verify(leaves.get(4), MerkleTree.root(leaves))).isTrue();
    }

    @Test
    void consistencyProofsSurviveTheirHexForm() {
        var leaves = Rfc6962Leaves.hashes(8);
        var proof = MerkleTree.consistencyProof(leaves, 3);

        var again = ConsistencyProof.fromHex(3, 8, proof.hexHashes());

        assertThat(again.verify(MerkleTree.root(leaves.subList(0, 3)), MerkleTree.root(leaves))).isTrue();
    }
}
