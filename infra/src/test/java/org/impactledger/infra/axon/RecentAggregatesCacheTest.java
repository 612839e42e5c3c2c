package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The most recently used entries are held softly: they survive a collection that clears weak
 * references, and they give way when the heap runs short.
 */
class RecentAggregatesCacheTest {

    /** Run in a JVM of its own with a 64 MB heap: caches ten 16 MB aggregates as the most recent ones. */
    public static void main(String[] args) {
        RecentAggregatesCache cache = new RecentAggregatesCache(64);
        for (int i = 0; i < 10; i++) {
            cache.put("contract-" + i, new byte[16 * 1024 * 1024]);
        }
        System.out.println(cache.containsKey("contract-9") ? "cached the newest" : "lost the newest");
    }

    @Test
    void recent_entries_give_way_when_the_heap_runs_short() throws Exception {
        // 160 MB of recent aggregates in a 64 MB heap: held strongly they would run it out
        Process jvm = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), RecentAggregatesCacheTest.class.getName())
                .redirectErrorStream(true).start();
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).contains("cached the newest").doesNotContain("OutOfMemoryError");
        assertThat(jvm.exitValue()).isZero();
    }

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
