package org.impactledger.infra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The five counters of Axon's {@code MessageCountingMonitor} for one payload type, found in the
 * registry once: {@code <prefix>.ingestedCounter}, {@code .successCounter}, {@code .failureCounter},
 * {@code .processedCounter} (successes and failures) and {@code .ignoredCounter}.
 */
record MessageCounters(Counter ingested, Counter success, Counter failure, Counter processed, Counter ignored) {

    static MessageCounters of(MeterRegistry registry, String prefix, Tags tags) {
        return new MessageCounters(registry.counter(prefix + ".ingestedCounter", tags), registry.counter(prefix + ".successCounter", tags),
                registry.counter(prefix + ".failureCounter", tags), registry.counter(prefix + ".processedCounter", tags),
                registry.counter(prefix + ".ignoredCounter", tags));
    }

    /** A message handled: its outcome's counter and the processed one. */
    void handled(boolean succeeded) {
        (succeeded ? success : failure).increment();
        processed.increment();
    }
}
