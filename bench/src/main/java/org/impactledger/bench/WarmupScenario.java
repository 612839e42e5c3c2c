package org.impactledger.bench;

import java.util.List;

/** Warms the JVM up (JIT, pools, caches) with the ingest mix at 8 clients; nothing it measures is kept. */
public final class WarmupScenario implements Scenario {

    @Override
    public String id() {
        return "warmup";
    }

    @Override
    public List<ResultRow> run(BenchContext context) throws Exception {
        int seconds = context.config().warmupSeconds();
        if (seconds == 0) {
            return List.of();
        }
        context.log("warm-up: 8 clients for %d s (not recorded)", seconds);
        ClosedLoop.Measurement m = ClosedLoop.run(context, context.config().runToken() + "-w", 8, seconds);
        context.log("  %s", IngestScenario.describe(m));
        return List.of();
    }
}
