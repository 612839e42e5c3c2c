package org.impactledger.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.impactledger.bench.LedgerClient.Command;
import org.junit.jupiter.api.Test;

class OutcomeFundLaneTest {

    @Test
    void aCycleIsTheSevenCommandsInOrderWithFourEyes() {
        OutcomeFundLane lane = new OutcomeFundLane("t-1", true);
        Set<String> keys = new HashSet<>();
        Command report = null;
        Command verify = null;
        Command approve = null;
        for (Op expected : Op.values()) {
            Command c = lane.next();
            assertEquals(expected, c.op());
            assertTrue(keys.add(c.idempotencyKey()), "idempotency keys are unique");
            if (c.op() == Op.REPORT_OUTCOME) {
                report = c;
            } else if (c.op() == Op.VERIFY_OUTCOME) {
                verify = c;
            } else if (c.op() == Op.APPROVE_PAYMENT) {
                approve = c;
            }
            lane.completed(true);
        }
        assertNotEquals(report.actor(), verify.actor());
        assertNotEquals(report.actor(), approve.actor());
        assertNotEquals(verify.actor(), approve.actor());
        assertNull(approve.json());
        Command next = lane.next();
        assertEquals(Op.COMMIT_CAPITAL, next.op());
        assertTrue(lane.next().path().contains("/commitments"));
    }

    @Test
    void aRefusalStartsAFreshCycleWithANewBeneficiary() {
        OutcomeFundLane lane = new OutcomeFundLane("t-2", false);
        for (int i = 0; i < 3; i++) {
            lane.completed(true);
        }
        Command first = lane.next();
        assertEquals(Op.REPORT_OUTCOME, first.op());
        assertNull(first.idempotencyKey());
        lane.completed(false);
        assertEquals(Op.COMMIT_CAPITAL, lane.next().op());
        for (int i = 0; i < 3; i++) {
            lane.completed(true);
        }
        Command again = lane.next();
        assertEquals(Op.REPORT_OUTCOME, again.op());
        assertNotEquals(first.json(), again.json());
    }

    @Test
    void idsStayWithinTheLedgersIdRules() {
        String id = "b1795826063-i32-31";
        OutcomeFundLane lane = new OutcomeFundLane(id, true);
        for (Command c : lane.setup()) {
            assertTrue(c.json().length() < 2000);
        }
        assertTrue((id + "-foundation").length() <= 64);
    }

    @Test
    void onlyLoopbackTargets() {
        assertThrows(IllegalArgumentException.class, () -> LedgerClient.requireLoopback(URI.create("http://192.0.2.1:8080/")));
        LedgerClient.requireLoopback(URI.create("http://127.0.0.1:18080/"));
        LedgerClient.requireLoopback(URI.create("http://localhost:18080/"));
    }

    @Test
    void theFixedRateScheduleIsSharedOutExactly() {
        long total = 0;
        for (int j = 0; j < 50; j++) {
            total += FixedRateScenario.dueCount(1000 * 15, 50, j);
        }
        assertEquals(15_000, total);
        assertEquals(3, FixedRateScenario.dueCount(10, 4, 1));
        assertEquals(2, FixedRateScenario.dueCount(10, 4, 3));
        assertEquals(0, FixedRateScenario.dueCount(3, 4, 3));
    }
}
