package org.gongzhang.verifier.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactRangeTest {

    @Test
    void rootOfTheEmptyRangeIsTheHashOfNothing() {
        assertThat(Base64.getEncoder().encodeToString(CompactRange.empty().root()))
                .isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }

    @Test
    void rootAfterEightAppendsIsTheReferenceRoot() {
        var range = CompactRange.of(Rfc6962Leaves.hashes(8));

        assertThat(Base64.getEncoder().encodeToString(range.root()))
                .isEqualTo("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=");
    }

    @Test
    void keepsOneHashPerSetBitOfItsSize() {
        var range = CompactRange.of(Rfc6962Leaves.hashes(7));

        assertThat(range.size()).isEqualTo(7);
        assertThat(range.hexHashes()).hasSize(3);
    }

    @Test
    void rootMatchesTheRecursiveTreeHashAtEverySize() {
        var leaves = Rfc6962Leaves.hashes(8);
        var range = CompactRange.empty();
        for (int size = 1; size <= 8; size++) {
            range = range.append(leaves.get(size - 1));
            assertThat(range.root()).as("size %d", size).isEqualTo(recursiveRoot(leaves.subList(0, size)));
        }
    }

    @Test
    void appendLeavesTheOriginalRangeUnchanged() {
        var range = CompactRange.of(Rfc6962Leaves.hashes(3));
        byte[] before = range.root();

        range.append(Rfc6962Leaves.hashes(4).get(3));

        assertThat(range.size()).isEqualTo(3);
        assertThat(range.root()).isEqualTo(before);
    }

    @Test
    void survivesItsHexFormAndKeepsGrowingTheSameTree() {
        var leaves = Rfc6962Leaves.hashes(8);
        var stored = CompactRange.of(leaves.subList(0, 5));

        var restored = CompactRange.fromHex(stored.size(), stored.hexHashes())
                .append(leaves.get(5)).append(leaves.get(6)).append(leaves.get(7));

        assertThat(restored.root()).isEqualTo(CompactRange.of(leaves).root());
    }

    @Test
    void refusesHexHashesThatDoNotFitTheSize() {
        List<String> three = CompactRange.of(Rfc6962Leaves.hashes(7)).hexHashes();

        assertThatThrownBy(() -> CompactRange.fromHex(8, three)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesALeafHashThatIsNot32Bytes() {
        assertThatThrownBy(() -> CompactRange.empty().append(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] recursiveRoot(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleHash.node(recursiveRoot(leaves.subList(0, k)), recursiveRoot(leaves.subList(k, leaves.size())));
    }
}
