package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoTest {

    @Test
    void manyRequestsForOneNewKeyComputeItOnce() throws Exception {
        Memo<String, Integer> memo = new Memo<>(10);
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> memo.get("statement-1@42", () -> {
                    computations.incrementAndGet();
                    await(release);
                    return 7;
                })));
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(7);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(computations.get()).isEqualTo(1);
    }

    @Test
    void aNewKeyComputesAgain() {
        Memo<String, Integer> memo = new Memo<>(10);
        assertThat(memo.get("a@1", () -> 1)).isEqualTo(1);
        assertThat(memo.get("a@1", () -> 99)).isEqualTo(1);
        assertThat(memo.get("a@2", () -> 2)).isEqualTo(2);
    }

    @Test
    void aFailureReachesItsCallerAndIsNotKept() {
        Memo<String, Integer> memo = new Memo<>(10);
        assertThatThrownBy(() -> memo.get("k", () -> {
            throw new IllegalStateException("the book failed its integrity check");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("integrity");

        assertThat(memo.get("k", () -> 3)).isEqualTo(3);
    }

    @Test
    void keepsAtMostItsCapacity() {
        Memo<Integer, Integer> memo = new Memo<>(5);
        for (int i = 0; i < 50; i++) {
            int key = i;
            memo.get(key, () -> key);
        }
        assertThat(memo.size()).isLessThanOrEqualTo(6);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
