package org.gongzhang.verifier.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gongzhang.verifier.merkle.MerkleVectors.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MerkleVectorsTest {

    static List<Vector> inclusionVectors() {
        return MerkleVectors.all("inclusion");
    }

    static List<Vector> consistencyVectors() {
        return MerkleVectors.all("consistency");
    }

    @Test
    void everyVectorFileIsFound() {
        assertThat(inclusionVectors()).hasSize(98);
        assertThat(consistencyVectors()).hasSize(98);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionVectors")
    void inclusionProofVerifiesExactlyWhenTheVectorSaysSo(Vector vector) {
        var json = vector.json();
        var proof = new InclusionProof(json.get("leafIdx").asLong(), json.get("treeSize").asLong(),
                MerkleVectors.list(json.get("proof")));

        boolean verified = proof.verify(MerkleVectors.bytes(json.get("leafHash")), MerkleVectors.bytes(json.get("root")));

        assertThat(verified).isEqualTo(vector.mustVerify());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyVectors")
    void consistencyProofVerifiesExactlyWhenTheVectorSaysSo(Vector vector) {
        var json = vector.json();
        var proof = new ConsistencyProof(json.get("size1").asLong(), json.get("size2").asLong(),
                MerkleVectors.list(json.get("proof")));

        boolean verified = proof.verify(MerkleVectors.bytes(json.get("root1")), MerkleVectors.bytes(json.get("root2")));

        assertThat(verified).isEqualTo(vector.mustVerify());
    }
}
