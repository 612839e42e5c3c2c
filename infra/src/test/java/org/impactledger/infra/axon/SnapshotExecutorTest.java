package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapshotExecutorTest {

    @Test
    void snapshots_are_taken_one_at_a_time_in_the_snapshotters_own_thread() throws Exception {
        try (SnapshotExecutor executor = new SnapshotExecutor()) {
            List<String> threads = new CopyOnWriteArrayList<>();
            AtomicInteger running = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(20);
            for (int i = 0; i < 20; i++) {
                executor.execute(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    threads.add(Thread.currentThread().getName());
                    sleep(2);
                    running.decrementAndGet();
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(threads).hasSize(20).containsOnly("aggregate-snapshotter");
            assertThat(mostAtOnce.get()).isEqualTo(1);
        }
    }

    @Test
    void a_full_queue_refuses_a_snapshot_and_a_closed_executor_takes_none() throws Exception {
        SnapshotExecutor executor = new SnapshotExecutor();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        executor.execute(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < SnapshotExecutor.QUEUE; i++) {
            executor.execute(() -> { });
        }
        assertThat(executor.queued()).isEqualTo(SnapshotExecutor.QUEUE);
        // Axon catches the refusal and schedules the aggregate's snapshot again at its next threshold
        assertThatThrownBy(() -> executor.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        executor.close();
        assertThatThrownBy(() -> executor.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        release.countDown();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
