package org.gongzhang.service.axon;

import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The books an append needs, kept in memory: up to {@code capacity} most recently used, of which
 * the {@code strongly} most recent are always held, the rest only while the heap has room for them
 * (soft references: the garbage collector drops the least recently used of those first, and only
 * when it needs the space). Axon's weak-reference cache lost a book at nearly every garbage
 * collection, and each command after that rebuilt it from its snapshot and up to
 * {@value AxonConfiguration#SNAPSHOT_EVERY} entries (2 % of a large book's); a cache holding every
 * book strongly instead grew with the books' history (a book keeps every voucher's state) until it
 * no longer fitted the heap. A book another node appended to is evicted before this node's next
 * append to it ({@link #evict}, by the entry path, which sees the book's size in the database).
 */
public final class BookCache implements Cache {

    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Object, Reference<Object>> entries;
    private final Map<Object, Object> held;
    private final Function<Object, Reference<Object>> references;

    BookCache(int capacity) {
        this(capacity, capacity);
    }

    BookCache(int capacity, int strongly) {
        this(capacity, strongly, SoftReference::new);
    }

    /** With the references the values are kept by; a test passes its own to clear them as the GC would. */
    BookCache(int capacity, int strongly, Function<Object, Reference<Object>> references) {
        if (capacity < 1 || strongly < 0 || strongly > capacity) {
            throw new IllegalArgumentException("a book cache holds 1 or more books, of which 0 to all strongly: "
                    + capacity + " / " + strongly);
        }
        this.references = references;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Reference<Object>> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                held.remove(eldest.getKey());
                listeners.forEach(l -> l.onEntryExpired(eldest.getKey()));
                return true;
            }
        };
        this.held = new LinkedHashMap<>(Math.min(strongly, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > strongly;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        Object value = live(key);
        if (value != null) {
            held.put(key, value);
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        Reference<Object> previous = entries.put(key, references.apply(value));
        held.put(key, value);
        listeners.forEach(l -> {
            if (previous == null) {
                l.onEntryCreated(key, value);
            } else {
                l.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (live(key) != null) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        Object value = live(key);
        if (value != null) {
            held.put(key, value);
        } else {
            value = valueSupplier.get();
            put(key, value);
        }
        return (T) value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object value = live(key);
        if (value == null) {
            return;
        }
        V updated = update.apply((V) value);
        if (updated == null) {
            remove(key);
        } else {
            put(key, updated);
        }
    }

    /** Drops a book, so that the next command loads it from the event store. */
    public void evict(String bookId) {
        remove(bookId);
    }

    @Override
    public synchronized boolean remove(Object key) {
        held.remove(key);
        if (entries.remove(key) == null) {
            return false;
        }
        listeners.forEach(l -> l.onEntryRemoved(key));
        return true;
    }

    @Override
    public synchronized void removeAll() {
        List.copyOf(entries.keySet()).forEach(this::remove);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return live(key) != null;
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Books in the cache, whether the garbage collector has dropped some of them since or not. */
    synchronized int size() {
        return entries.size();
    }

    /** The value under {@code key}, or null; a book the garbage collector dropped leaves the cache as expired. */
    private Object live(Object key) {
        Reference<Object> reference = entries.get(key);
        if (reference == null) {
            return null;
        }
        Object value = held.get(key);
        if (value == null) {
            value = reference.get();
        }
        if (value == null) {
            entries.remove(key);
            held.remove(key);
            listeners.forEach(l -> l.onEntryExpired(key));
        }
        return value;
    }
}
