package org.impactledger.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.impactledger.bench.LedgerClient.Response;

/**
 * The read models' state through {@code GET /api/admin/projections}: the head of the event store
 * (to count the events a run appended) and whether every read model has caught up (so that one
 * scenario's projection work does not spill into the next one's figures).
 */
public final class Projections {

    private static final Pattern HEAD = Pattern.compile("\"head\"\\s*:\\s*(\\d+)");
    private static final Pattern BEHIND = Pattern.compile("\"behind\"\\s*:\\s*(\\d+)");

    private Projections() {
    }

    /** The highest global index in the event store, or -1 if the ledger did not answer. */
    public static long head(LedgerClient client) {
        Response r = client.get("api/admin/projections");
        if (!r.ok()) {
            return -1;
        }
        long head = -1;
        Matcher m = HEAD.matcher(r.body());
        while (m.find()) {
            head = Math.max(head, Long.parseLong(m.group(1)));
        }
        return head;
    }

    /** Events the slowest read model is behind, or -1 if unknown. */
    public static long behind(LedgerClient client) {
        Response r = client.get("api/admin/projections");
        if (!r.ok()) {
            return -1;
        }
        long behind = -1;
        Matcher m = BEHIND.matcher(r.body());
        while (m.find()) {
            behind = Math.max(behind, Long.parseLong(m.group(1)));
        }
        return behind;
    }

    /**
     * Waits, at most {@code timeoutNanos}, until no read model is behind.
     *
     * @return the seconds it took, or -1 if they had not caught up in time
     */
    public static double awaitCaughtUp(LedgerClient client, long timeoutNanos) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < timeoutNanos) {
            if (behind(client) == 0) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(100);
        }
        return -1;
    }
}
