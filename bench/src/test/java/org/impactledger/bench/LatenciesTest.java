package org.impactledger.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRank() {
        Latencies l = new Latencies();
        for (int i = 100; i >= 1; i--) {
            l.add(i * 1_000_000L);
        }
        Latencies.Summary s = l.summary();
        assertEquals(100, s.count());
        assertEquals(50.0, s.p50());
        assertEquals(95.0, s.p95());
        assertEquals(99.0, s.p99());
        assertEquals(100.0, s.max());
        assertEquals(50.5, s.mean(), 1e-9);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Latencies l = new Latencies();
        l.add(2_500_000L);
        assertEquals(2.5, l.summary().p50());
        assertEquals(2.5, l.summary().p99());
    }

    @Test
    void noSamplesNoSummary() {
        assertNull(new Latencies().summary());
    }

    @Test
    void mergingKeepsEverySample() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        for (int i = 0; i < 3000; i++) {
            a.add(i);
            b.add(i);
        }
        a.addAll(b);
        assertEquals(6000, a.size());
        assertEquals(0, a.dropped());
    }
}
