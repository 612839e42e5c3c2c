package org.impactledger.api.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Read models follow the event store by a few milliseconds: retry an assertion until it holds or time runs out. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T within(Duration timeout, Supplier<T> attempt) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return attempt.get();
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public static void holds(Runnable assertion) {
        within(Duration.ofSeconds(15), () -> {
            assertion.run();
            return null;
        });
    }
}
