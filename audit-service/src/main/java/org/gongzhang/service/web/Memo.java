package org.gongzhang.service.web;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Results kept by a key that names everything they depend on, so a kept result is never stale:
 * only new keys compute. Concurrent requests for the same new key wait for one computation instead
 * of each running it. At most {@code capacity} results are kept; beyond that, some are dropped.
 * A failed computation is not kept.
 */
final class Memo<K, V> {

    private final int capacity;
    private final ConcurrentHashMap<K, CompletableFuture<V>> kept = new ConcurrentHashMap<>();

    Memo(int capacity) {
        this.capacity = capacity;
    }

    V get(K key, Supplier<V> compute) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = kept.putIfAbsent(key, mine);
        if (existing == null) {
            trim();
            try {
                mine.complete(compute.get());
            } catch (RuntimeException | Error e) {
                kept.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
            return mine.join();
        }
        try {
            return existing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    int size() {
        return kept.size();
    }

    private void trim() {
        Iterator<K> keys = kept.keySet().iterator();
        while (kept.size() > capacity && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
