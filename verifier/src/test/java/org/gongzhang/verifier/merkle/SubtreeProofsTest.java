package org.gongzhang.verifier.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.merkle.SubtreeProofs.Node;
import org.junit.jupiter.api.Test;

class SubtreeProofsTest {

    private static final int LEAVES = 70;

    @Test
    void rootsAndProofsFromStoredSubtreesAreTheWholeTreeOnesAtEverySize() {
        List<byte[]> leaves = leaves(LEAVES);
        Map<Node, byte[]> store = store(leaves);
        for (int size = 1; size <= LEAVES; size++) {
            List<byte[]> prefix = leaves.subList(0, size);
            assertThat(SubtreeProofs.root(size, store)).as("root of %d", size).isEqualTo(MerkleTree.root(prefix));
            for (int leaf = 0; leaf < size; leaf++) {
                assertThat(SubtreeProofs.inclusionProof(leaf, size, store).hexHashes()).as("path %d of %d", leaf, size)
                        .isEqualTo(MerkleTree.inclusionProof(prefix, leaf).hexHashes());
            }
            for (int from = 1; from <= size; from++) {
                assertThat(SubtreeProofs.consistencyProof(from, size, store).hexHashes())
                        .as("consistency %d → %d", from, size)
                        .isEqualTo(MerkleTree.consistencyProof(prefix, from).hexHashes());
            }
        }
    }

    @Test
    void eachComputationReadsOnlyTheNodesItNames() {
        Map<Node, byte[]> store = store(leaves(LEAVES));
        long size = 53;
        Map<Node, byte[]> named = new HashMap<>();
        SubtreeProofs.nodesForInclusion(17, size).forEach(n -> named.put(n, store.get(n)));
        SubtreeProofs.nodesForRoot(size).forEach(n -> named.put(n, store.get(n)));

        assertThat(SubtreeProofs.inclusionProof(17, size, named).verify(store.get(new Node(0, 17)),
                SubtreeProofs.root(size, named))).isTrue();
    }

    @Test
    void aMillionEntryTreeNeedsFewerThanEightyNodesForAnyProof() {
        long size = 1_000_003;
        assertThat(SubtreeProofs.nodesForRoot(size)).hasSize(Long.bitCount(size));
        for (long leaf : new long[] {0, 1, 524_287, 524_288, 999_999, 1_000_002}) {
            assertThat(SubtreeProofs.nodesForInclusion(leaf, size).size()).as("leaf %d", leaf).isLessThan(80);
        }
        for (long from : new long[] {1, 2, 3, 65_536, 700_001, 1_000_002, 1_000_003}) {
            assertThat(SubtreeProofs.nodesForConsistency(from, size).size()).as("from %d", from).isLessThan(80);
        }
    }

    @Test
    void appendingCompletesOneNodePerLevelItCloses() {
        assertThat(SubtreeProofs.completedBy(0)).containsExactly(new Node(0, 0));
        assertThat(SubtreeProofs.completedBy(1)).containsExactly(new Node(0, 1), new Node(1, 0));
        assertThat(SubtreeProofs.completedBy(6)).containsExactly(new Node(0, 6));
        assertThat(SubtreeProofs.completedBy(7)).containsExactly(new Node(0, 7), new Node(1, 3), new Node(2, 1),
                new Node(3, 0));
    }

    @Test
    void aMissingNodeIsAnErrorNotAWrongRoot() {
        Map<Node, byte[]> store = store(leaves(8));
        store.remove(new Node(1, 2));

        assertThatThrownBy(() -> SubtreeProofs.root(6, store)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level=1, index=2");
    }

    @Test
    void refusesSizesAndLeavesOutsideTheTree() {
        Map<Node, byte[]> store = store(leaves(4));
        assertThatThrownBy(() -> SubtreeProofs.root(0, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubtreeProofs.inclusionProof(4, 4, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubtreeProofs.consistencyProof(3, 2, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubtreeProofs.consistencyProof(0, 2, store)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Every node a log stores as its leaves are appended one by one. */
    private static Map<Node, byte[]> store(List<byte[]> leaves) {
        Map<Node, byte[]> store = new HashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            for (Node node : SubtreeProofs.completedBy(i)) {
                store.put(node, node.level() == 0 ? leaves.get(i)
                        : MerkleHash.node(store.get(new Node(node.level() - 1, node.index() * 2)),
                                store.get(new Node(node.level() - 1, node.index() * 2 + 1))));
            }
        }
        return store;
    }

    private static List<byte[]> leaves(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> MerkleHash.leaf(Digests.sha256(("entry " + i).getBytes()))).toList();
    }
}
