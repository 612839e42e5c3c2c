package org.impactledger.bench;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.impactledger.bench.LedgerClient.Response;

/**
 * What one client thread saw: latencies of accepted (2xx) commands, in total and per command, and
 * the failures counted by reason with a sample answer each. Confined to its thread while it runs;
 * merged afterwards.
 */
public final class Recorder {

    private final Latencies all = new Latencies();
    private final Map<Op, Latencies> byOp = new EnumMap<>(Op.class);
    private final Map<String, Long> errors = new TreeMap<>();
    private final Map<String, String> samples = new LinkedHashMap<>();
    private long ok;

    public void record(Op op, Response response, long nanos) {
        if (response.ok()) {
            ok++;
            all.add(nanos);
            byOp.computeIfAbsent(op, o -> new Latencies()).add(nanos);
        } else {
            String reason = response.reason() + " on " + op;
            errors.merge(reason, 1L, Long::sum);
            if (!samples.containsKey(reason) && samples.size() < 20) {
                samples.put(reason, response.body() == null ? "" : OutcomeFundLane.abbreviate(response.body()));
            }
        }
    }

    public void merge(Recorder other) {
        ok += other.ok;
        all.addAll(other.all);
        other.byOp.forEach((op, l) -> byOp.computeIfAbsent(op, o -> new Latencies()).addAll(l));
        other.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
        other.samples.forEach((k, v) -> {
            if (samples.size() < 20) {
                samples.putIfAbsent(k, v);
            }
        });
    }

    public long ok() {
        return ok;
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> errors() {
        return errors;
    }

    public Map<String, String> errorSamples() {
        return samples;
    }

    public Latencies all() {
        return all;
    }

    public Map<Op, Latencies> byOp() {
        return byOp;
    }

    /** "3× HTTP 500 on APPROVE_PAYMENT, 1× HttpTimeoutException on VERIFY_OUTCOME" (empty if none). */
    public String errorSummary() {
        StringBuilder s = new StringBuilder();
        errors.forEach((reason, count) -> {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(count).append("× ").append(reason);
        });
        return s.toString();
    }
}
