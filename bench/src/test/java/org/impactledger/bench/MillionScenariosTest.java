package org.impactledger.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MillionScenariosTest {

    private static ResultRow row(String scenario, String clients, Double throughput, Double p95, Map<String, String> extras) {
        return new ResultRow(scenario, clients, throughput, null, p95, null, extras, "");
    }

    @Test
    void reportLatencyIsJudgedOnlyAtOneMillionEventsAndWithoutErrors() {
        Catalogue c = Catalogue.REPORT_QUERY;
        assertEquals("yes", c.judge(row(c.id(), "trial balance", 100.0, 15.0, Map.of("events", "1000000", "errors", "0")), null));
        assertEquals("no", c.judge(row(c.id(), "trial balance", 100.0, 25.0, Map.of("events", "1000000", "errors", "0")), null));
        assertEquals("no", c.judge(row(c.id(), "trial balance", 100.0, 15.0, Map.of("events", "1000000", "errors", "3")), null));
        assertTrue(c.judge(row(c.id(), "trial balance", 100.0, 15.0, Map.of("events", "180766", "errors", "0")), null)
                .startsWith("not judged (180,766 events"));
        assertFalse(c.pending());
    }

    @Test
    void rebuildAndVerificationRatesAgainstTheirTargets() {
        Map<String, String> atScale = Map.of("events", "1000000", "seconds", "10.0");
        assertEquals("yes", Catalogue.PROJECTION_REBUILD.judge(row(RebuildScenario.ID, "all", 60_000.0, null, atScale), null));
        assertEquals("no", Catalogue.PROJECTION_REBUILD.judge(row(RebuildScenario.ID, "all", 4_000.0, null, atScale), null));
        assertEquals("yes", Catalogue.AUDIT_VERIFY.judge(row(AuditVerifyScenario.ID, "GET /api/audit/verify", 250_000.0, null, atScale), null));
        assertEquals("no", Catalogue.AUDIT_VERIFY.judge(row(AuditVerifyScenario.ID, "GET /api/audit/verify", 20_000.0, null, atScale), null));
        assertEquals("—", Catalogue.AUDIT_VERIFY.judge(row(AuditVerifyScenario.ID, "chain build at start-up", 9_000.0, null, atScale), null));
        assertEquals("1,000,000 events in 10.00 s", Catalogue.PROJECTION_REBUILD.figure(row(RebuildScenario.ID, "all", 1e5, null, atScale)));
    }

    @Test
    void readsTheProjectionAdminAnswer() {
        String body = "[{\"name\":\"contract-state\",\"running\":true,\"rebuilding\":true,\"position\":4923,\"head\":180766,\"behind\":175843,"
                + "\"progress\":0.027,\"error\":null},{\"name\":\"journal\",\"running\":true,\"rebuilding\":false,\"position\":180766,"
                + "\"head\":180766,\"behind\":0,\"progress\":null,\"error\":\"Failed to create a SQL statement\"}]";
        Map<String, RebuildScenario.Status> statuses = RebuildScenario.parse(body);
        assertEquals(2, statuses.size());
        assertEquals(4923, statuses.get("contract-state").position());
        assertEquals(180766, statuses.get("contract-state").head());
        assertEquals(null, statuses.get("contract-state").error());
        assertEquals("\"Failed to create a SQL statement\"", statuses.get("journal").error());
        assertThrows(IllegalStateException.class, () -> RebuildScenario.parse("[]"));
    }

    @Test
    void settingsFromTheEnvironment() {
        MillionConfig defaults = MillionConfig.from(Map.of());
        assertEquals(4, defaults.queryClients());
        assertEquals(20, defaults.queryDurationSeconds());
        assertEquals(5, defaults.queryRoundWarmupSeconds());
        assertEquals(0, MillionConfig.from(Map.of("BENCH_QUERY_ROUND_WARMUP", "0")).queryRoundWarmupSeconds());
        assertTrue(defaults.rebuildAll());
        assertFalse(defaults.rebuildEach());
        MillionConfig both = MillionConfig.from(Map.of("BENCH_REBUILD", "each,all", "BENCH_QUERY_CLIENTS", "8"));
        assertTrue(both.rebuildAll() && both.rebuildEach());
        assertEquals(8, both.queryClients());
        assertThrows(IllegalArgumentException.class, () -> MillionConfig.from(Map.of("BENCH_QUERY_CLIENTS", "0")));
        assertTrue(defaults.measures("trial balance (as of a past date)"));
        MillionConfig some = MillionConfig.from(Map.of("BENCH_QUERY_ONLY", "as of a past date, investor"));
        assertTrue(some.measures("trial balance (as of a past date)"));
        assertTrue(some.measures("investor performance"));
        assertFalse(some.measures("trial balance"));
    }

    @Test
    void readsTheOfflineVerifiersCount() {
        assertEquals(180766, AuditVerifyScenario.firstNumberAfter("OK: 180766 events, 0 gaps, 180 checkpoints verified", "events"));
        assertEquals(-1, AuditVerifyScenario.firstNumberAfter("MISMATCH at global index 7", "events"));
    }
}
