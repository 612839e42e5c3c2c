package org.impactledger.projections.nrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NrrpReconciliationExportsTest {

    @Test
    void an_export_waits_for_the_one_running_and_is_refused_as_busy_when_it_outlasts_the_wait() throws Exception {
        NrrpReconciliationExports exports = new NrrpReconciliationExports(1, Duration.ofMillis(200));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = pool.submit(() -> {
                exports.run(() -> {
                    running.countDown();
                    try {
                        finish.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                return null;
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicInteger ran = new AtomicInteger();
            assertThatThrownBy(() -> exports.run(ran::incrementAndGet))
                    .isInstanceOf(NrrpReconciliationBusyException.class)
                    .hasMessageContaining("being exported by another request");
            assertThat(ran).hasValue(0);
            finish.countDown();
            first.get(10, TimeUnit.SECONDS);
            exports.run(ran::incrementAndGet);
            assertThat(ran).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_failing_export_gives_its_permit_back() throws Exception {
        NrrpReconciliationExports exports = new NrrpReconciliationExports(1, Duration.ZERO);
        assertThatThrownBy(() -> exports.run(() -> {
            throw new java.io.IOException("client went away");
        })).isInstanceOf(java.io.IOException.class);
        AtomicInteger ran = new AtomicInteger();
        exports.run(ran::incrementAndGet);
        assertThat(ran).hasValue(1);
    }
}
