package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
