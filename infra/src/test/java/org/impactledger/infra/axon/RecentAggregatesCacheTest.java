package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The most recently used entries are held strongly: they survive a collection that clears weak references. */
class RecentAggregatesCacheTest {

    @Test
    void recent_entries_survive_garbage_collection_and_old_ones_may_go() throws Exception {
        RecentAggregatesCache cache = new RecentAggregatesCache(2);
        cache.put("a", new StringBuilder("aggregate a"));
        cache.put("b", new StringBuilder("aggregate b"));
        cache.put("c", new StringBuilder("aggregate c"));
        assertThat((Object) cache.get("b")).hasToString("aggregate b");
        for (int i = 0; i < 5 && cache.containsKey("a"); i++) {
            System.gc();
            Thread.sleep(20);
            cache.get("zz"); // lets the weak cache purge its cleared entries
        }
        assertThat((Object) cache.get("b")).hasToString("aggregate b");
        assertThat((Object) cache.get("c")).hasToString("aggregate c");
        assertThat((Object) cache.get("a")).as("neither recent nor referenced: the weak cache lets it go").isNull();
    }

    @Test
    void removed_entries_are_gone() {
        RecentAggregatesCache cache = new RecentAggregatesCache(8);
        cache.put("a", "state");
        assertThat(cache.remove("a")).isTrue();
        assertThat((Object) cache.get("a")).isNull();
        assertThat(cache.putIfAbsent("a", "again")).isTrue();
        assertThat((Object) cache.get("a")).isEqualTo("again");
        cache.removeAll();
        assertThat(cache.containsKey("a")).isFalse();
    }
}
