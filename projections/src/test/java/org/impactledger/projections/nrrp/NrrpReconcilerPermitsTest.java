package org.impactledger.projections.nrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The permits that bound how many whole reconciliations a node computes at once (each holds its
 * facts in memory): a question beyond them waits, then is refused as busy; a freed permit serves the next.
 */
class NrrpReconcilerPermitsTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void a_computation_beyond_the_permits_waits_then_is_refused_as_busy() throws Exception {
        NrrpReconciler reconciler = new NrrpReconciler(null, 1, Duration.ofMillis(200));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = threads.submit(() -> reconciler.withPermit(() -> {
            holding.countDown();
            await(release);
            return "first";
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> reconciler.withPermit(() -> "second"))
                .isInstanceOf(NrrpReconciliationBusyException.class)
                .hasMessageContaining("another request")
                .satisfies(e -> assertThat(((NrrpReconciliationBusyException) e).retryAfter()).isEqualTo(Duration.ofSeconds(5)));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(reconciler.withPermit(() -> "third")).isEqualTo("third");
    }

    @Test
    void a_waiting_computation_runs_as_soon_as_a_permit_is_freed_and_two_permits_run_two_at_once() throws Exception {
        NrrpReconciler reconciler = new NrrpReconciler(null, 2, Duration.ofSeconds(10));
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> a = threads.submit(() -> reconciler.withPermit(() -> {
            bothRunning.countDown();
            await(release);
            return "a";
        }));
        Future<String> b = threads.submit(() -> reconciler.withPermit(() -> {
            bothRunning.countDown();
            await(release);
            return "b";
        }));
        assertThat(bothRunning.await(10, TimeUnit.SECONDS)).as("two permits: both run at once").isTrue();
        Future<String> c = threads.submit(() -> reconciler.withPermit(() -> "c"));
        Thread.sleep(100);
        assertThat(c.isDone()).as("the third waits").isFalse();
        release.countDown();
        assertThat(c.get(10, TimeUnit.SECONDS)).isEqualTo("c");
        assertThat(a.get(10, TimeUnit.SECONDS) + b.get(10, TimeUnit.SECONDS)).isEqualTo("ab");
    }

    @Test
    void permits_must_be_at_least_one() {
        assertThatThrownBy(() -> new NrrpReconciler(null, 0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
