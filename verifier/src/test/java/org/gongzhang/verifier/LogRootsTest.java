package org.gongzhang.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.merkle.MerkleHash;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.junit.jupiter.api.Test;

/** The roots taken from a running fold are those of the whole tree over the same leaves, taken on time or late. */
class LogRootsTest {

    @Test
    void theRootOfEveryPrefixWantedInTimeIsTheTreeHashOfThosePrefixLeaves() {
        for (int size = 0; size <= 70; size++) {
            List<byte[]> leaves = leaves(size);
            AtomicInteger rereads = new AtomicInteger();
            LogRoots roots = new LogRoots(again -> {
                rereads.incrementAndGet();
                leaves.forEach(again);
            });
            for (long n = 0; n <= size + 3; n++) {
                roots.want(n);
            }
            leaves.forEach(roots::append);
            roots.finish();

            for (int n = 0; n <= size; n++) {
                assertThat(Digests.hex(roots.root(n))).as("root of %d of %d leaves", n, size)
                        .isEqualTo(Digests.hex(MerkleTree.root(leaves.subList(0, n))));
            }
            assertThat(rereads).as("nothing read twice").hasValue(0);
        }
    }

    @Test
    void aRootWantedAfterTheFoldPassedItIsTakenByReadingTheLeavesAgainOnceForAll() {
        List<byte[]> leaves = leaves(37);
        AtomicInteger rereads = new AtomicInteger();
        LogRoots roots = new LogRoots(again -> {
            rereads.incrementAndGet();
            leaves.forEach(again);
        });
        leaves.subList(0, 20).forEach(roots::append);
        roots.want(5); // too late
        roots.want(20); // just in time
        roots.want(30); // ahead
        leaves.subList(20, 37).forEach(roots::append);
        roots.finish();

        roots.ensure(List.of(3L, 5L, 11L, 20L, 30L, 37L, 99L));

        assertThat(rereads).hasValue(1);
        for (int n : new int[] {3, 5, 11, 20, 30, 37}) {
            assertThat(roots.root(n)).isEqualTo(MerkleTree.root(leaves.subList(0, n)));
        }
        assertThat(rereads).hasValue(1);
        assertThat(roots.root(12)).isEqualTo(MerkleTree.root(leaves.subList(0, 12)));
        assertThat(rereads).hasValue(2);
    }

    @Test
    void leavesThatReadDifferentlyTheSecondTimeAreRefused() {
        List<byte[]> leaves = leaves(9);
        List<byte[]> changed = new ArrayList<>(leaves);
        changed.set(7, MerkleHash.leaf(new byte[] {42}));
        LogRoots roots = new LogRoots(again -> changed.forEach(again));
        leaves.forEach(roots::append);
        roots.finish();

        assertThatThrownBy(() -> roots.root(4)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("changed while it was being verified");
    }

    @Test
    void noRootOutsideTheLogNorBeforeItIsRead() {
        byte[] leaf = MerkleHash.leaf(new byte[0]);
        LogRoots roots = new LogRoots(again -> again.accept(leaf));
        roots.append(leaf);

        assertThatThrownBy(() -> roots.root(1)).isInstanceOf(IllegalArgumentException.class);
        roots.finish();
        assertThatThrownBy(() -> roots.root(2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(roots.root(0)).isEqualTo(MerkleTree.root(List.of()));
    }

    private static List<byte[]> leaves(int size) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            leaves.add(MerkleHash.leaf(("leaf " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return leaves;
    }
}
