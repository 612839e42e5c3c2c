package org.impactledger.infra.axon;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;

/**
 * The aggregate cache: Axon's {@link WeakReferenceCache}, plus soft references to the
 * {@code recentSize} most recently used entries. The weak cache alone lost a busy aggregate at almost
 * every young collection (Axon stores a fresh cache entry after every command, so the entry is young
 * and only weakly reachable): a bulk import then reloaded its contract from the snapshot before each
 * batch (measured: as much time as the import itself). Keeping the recent ones softly reachable
 * makes consecutive commands on one aggregate hit the cache; the others still go when memory is needed.
 *
 * <p>Soft, not strong: a recent entry stays while the heap has room (the collector clears soft
 * references only when memory runs short, least recently used first, and always before it would run
 * out), so a few very large aggregates (contracts of 100,000 outcomes, a third of the heap each) can no
 * longer fill the heap just by being recent.
 */
public class RecentAggregatesCache implements Cache {

    private final WeakReferenceCache weak = new WeakReferenceCache();
    private final Map<Object, SoftReference<Object>> recent;

    public RecentAggregatesCache(int recentSize) {
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, SoftReference<Object>> eldest) {
                return size() > recentSize;
            }
        };
    }

    @Override
    public <K, V> V get(K key) {
        V value = weak.get(key);
        if (value != null) {
            hold(key, value);
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        weak.put(key, value);
        hold(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean put = weak.putIfAbsent(key, value);
        if (put) {
            hold(key, value);
        }
        return put;
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T value = weak.computeIfAbsent(key, valueSupplier);
        hold(key, value);
        return value;
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        weak.computeIfPresent(key, update);
        Object value = weak.get(key);
        if (value != null) {
            hold(key, value);
        } else {
            release(key);
        }
    }

    @Override
    public boolean remove(Object key) {
        release(key);
        return weak.remove(key);
    }

    @Override
    public void removeAll() {
        synchronized (recent) {
            recent.clear();
        }
        weak.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return weak.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return weak.registerCacheEntryListener(cacheEntryListener);
    }

    private void hold(Object key, Object value) {
        if (value == null) {
            return;
        }
        synchronized (recent) {
            recent.put(key, new SoftReference<>(value));
        }
    }

    private void release(Object key) {
        synchronized (recent) {
            recent.remove(key);
        }
    }
}
