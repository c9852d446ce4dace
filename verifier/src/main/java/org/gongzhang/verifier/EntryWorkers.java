package org.gongzhang.verifier;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * The threads that do the per-entry work of a verification (reading lines, checking signatures).
 * Results come back in input order, so what is found does not depend on how many threads found it.
 */
final class EntryWorkers {

    private final int threads;

    private EntryWorkers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread, not " + threads);
        }
        this.threads = threads;
    }

    /** Every core: the common fork-join pool plus the calling thread. */
    static EntryWorkers allCores() {
        return new EntryWorkers(Runtime.getRuntime().availableProcessors());
    }

    /** Exactly {@code threads} threads; one means the calling thread alone. */
    static EntryWorkers threads(int threads) {
        return new EntryWorkers(threads);
    }

    /** False when all work runs on the calling thread. */
    boolean parallel() {
        return threads > 1;
    }

    /** {@code work} applied to each item, in item order. */
    <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
        if (!parallel() || items.size() < 2) {
            return items.stream().<R>map(work).toList();
        }
        if (threads == ForkJoinPool.getCommonPoolParallelism() + 1) {
            return items.parallelStream().<R>map(work).toList();
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> items.parallelStream().<R>map(work).toList()).join();
        } finally {
            pool.shutdown();
        }
    }
}
