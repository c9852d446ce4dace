package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BookCacheTest {

    @Test
    void keepsTheMostRecentlyUsedBooksAndDropsTheLeastRecentlyUsed() {
        BookCache cache = new BookCache(2);
        cache.put("lanyuan", "book 1");
        cache.put("guiyuan", "book 2");
        assertThat((Object) cache.get("lanyuan")).isEqualTo("book 1");

        cache.put("third", "book 3");

        assertThat(cache.containsKey("lanyuan")).as("used last, kept").isTrue();
        assertThat(cache.containsKey("guiyuan")).as("used least recently, dropped").isFalse();
        assertThat(cache.containsKey("third")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aBookStaysHeldWhateverTheGarbageCollectorDoes() {
        BookCache cache = new BookCache(10);
        cache.put("lanyuan", new Object[1024]);
        for (int i = 0; i < 3; i++) {
            byte[][] garbage = new byte[64][];
            for (int j = 0; j < garbage.length; j++) {
                garbage[j] = new byte[1 << 20];
            }
            System.gc();
        }
        assertThat(cache.containsKey("lanyuan")).isTrue();
    }

    @Test
    void theMostRecentlyUsedBooksAreHeldWhenTheGarbageCollectorClearsTheRest() {
        Map<Object, Reference<Object>> references = new HashMap<>();
        BookCache cache = new BookCache(3, 1, value -> references.computeIfAbsent(value, SoftReference::new));
        List<String> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key.toString());
            }
        });
        cache.put("lanyuan", "book 1");
        cache.put("guiyuan", "book 2");
        cache.put("third", "book 3");
        assertThat((Object) cache.get("lanyuan")).as("used last, so held").isEqualTo("book 1");

        references.values().forEach(Reference::clear);

        assertThat((Object) cache.get("lanyuan")).as("held strongly, whatever the collector did").isEqualTo("book 1");
        assertThat((Object) cache.get("guiyuan")).as("held softly, and cleared").isNull();
        assertThat(cache.containsKey("third")).isFalse();
        assertThat(expired).containsExactlyInAnyOrder("guiyuan", "third");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aBookPutAgainAfterTheCollectorClearedItIsCachedAfresh() {
        List<Reference<Object>> references = new ArrayList<>();
        BookCache cache = new BookCache(2, 0, value -> {
            Reference<Object> reference = new SoftReference<>(value);
            references.add(reference);
            return reference;
        });
        cache.put("lanyuan", "book 1");
        references.forEach(Reference::clear);
        assertThat(cache.putIfAbsent("lanyuan", "book 1 loaded again")).isTrue();
        assertThat((Integer) cache.computeIfAbsent("guiyuan", () -> 2)).isEqualTo(2);

        assertThat((Object) cache.get("lanyuan")).isEqualTo("book 1 loaded again");
        assertThat(cache.size()).isEqualTo(2);
    }

    /**
     * In a JVM of 64 MB, 200 books of 1 MB each: held softly beyond the 8 most recent, they all pass
     * through; held strongly (as the cache did), the heap runs out.
     */
    @Test
    void booksBeyondTheHeldOnesGiveWayWhenTheHeapRunsShort() throws Exception {
        assertThat(fill(8)).as("8 held, the rest soft").isEqualTo(0);
        assertThat(fill(200)).as("all 200 held strongly").isNotEqualTo(0);
    }

    private static int fill(int held) throws Exception {
        Process child = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), Fill.class.getName(), String.valueOf(held))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!child.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish");
        }
        return child.exitValue();
    }

    /** Puts 200 books of 1 MB into a cache of 200 that holds {@code args[0]} of them strongly. */
    static final class Fill {
        public static void main(String[] args) {
            BookCache cache = new BookCache(200, Integer.parseInt(args[0]));
            for (int i = 0; i < 200; i++) {
                cache.put("book-" + i, new byte[1 << 20]);
            }
            if (cache.get("book-199") == null) {
                System.exit(3);
            }
        }
    }

    @Test
    void refusesASizeThatCannotHoldABook() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BookCache(0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BookCache(2, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void putIfAbsentComputeAndRemoveBehaveAsAxonExpects() {
        BookCache cache = new BookCache(10);
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat((Object) cache.get("a")).isEqualTo(1);
        assertThat((Integer) cache.computeIfAbsent("b", () -> 5)).isEqualTo(5);
        cache.<Integer>computeIfPresent("b", v -> v + 1);
        assertThat((Object) cache.get("b")).isEqualTo(6);
        cache.<Integer>computeIfPresent("b", v -> null);
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        cache.put("c", 1);
        cache.removeAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void listenersHearOfEveryChangeUntilTheyUnregister() {
        BookCache cache = new BookCache(1);
        List<String> heard = new ArrayList<>();
        var registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });
        cache.put("a", 1);
        cache.put("a", 2);
        cache.put("b", 3);
        cache.remove("b");
        registration.cancel();
        cache.put("c", 4);

        assertThat(heard).containsExactly("created a", "updated a", "expired a", "created b", "removed b");
    }
}
