package org.impactledger.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static String lineOf(String table, String title, String clients) {
        return table.lines().filter(l -> l.contains(title) && l.matches(".*\\|\\s+" + clients + " \\|.*")).findFirst().orElseThrow();
    }

    @Test
    void ingestIsARatioToPgbenchAtTheSameClientCountJudgedAtEight() {
        Report report = new Report(List.of(
                new ResultRow("pgbench-append", "8", 4000.0, 1.0, 2.0, 3.0, Map.of(), ""),
                new ResultRow("pgbench-append", "1", 1000.0, 1.0, 2.0, 3.0, Map.of(), ""),
                new ResultRow("ingest", "1", 100.0, 5.0, 6.0, 7.0, Map.of("events_per_s", "130"), ""),
                new ResultRow("ingest", "8", 2400.0, 5.0, 6.0, 7.0, Map.of("events_per_s", "3100"), "")), Map.of());
        String table = report.figures().render();
        String eight = lineOf(table, Catalogue.INGEST.title(), "8");
        assertTrue(eight.contains("0.60×"), eight);
        assertTrue(eight.matches(".*\\| yes +\\|$"), eight);
        String one = lineOf(table, Catalogue.INGEST.title(), "1");
        assertTrue(one.contains("0.10×"), one);
        assertTrue(one.matches(".*\\| — +\\| — +\\|$"), one);
    }

    @Test
    void pendingScenariosNeverGetAFigure() {
        String table = new Report(List.of(), Map.of()).figures().render();
        for (Catalogue c : Catalogue.values()) {
            String line = table.lines().filter(l -> l.contains(c.title())).findFirst().orElseThrow();
            assertTrue(line.contains(c.pending() ? Report.PENDING : "not measured in this run"), line);
            assertFalse(line.matches(".*\\| +[0-9][0-9,.]* \\|.*"), line);
        }
    }

    @Test
    void theFixedRateTargetNeedsTheRateSustainedAndTheP99() {
        ResultRow slow = new ResultRow(FixedRateScenario.ID, "50 lanes", 400.0, 100.0, 900.0, 1200.0,
                Map.of("offered_per_s", "1000", "sustained", "false", "missed", "9000"), "");
        ResultRow fast = new ResultRow(FixedRateScenario.ID, "50 lanes", 1000.0, 3.0, 9.0, 20.0,
                Map.of("offered_per_s", "1000", "sustained", "true", "missed", "0"), "");
        ResultRow other = new ResultRow(FixedRateScenario.ID, "50 lanes", 100.0, 3.0, 9.0, 20.0,
                Map.of("offered_per_s", "100", "sustained", "true"), "");
        assertTrue(Catalogue.INGEST_FIXED_RATE.judge(slow, null).equals("no"));
        assertTrue(Catalogue.INGEST_FIXED_RATE.judge(fast, null).equals("yes"));
        assertTrue(Catalogue.INGEST_FIXED_RATE.judge(other, null).startsWith("not judged"));
    }

    @Test
    void memoryIsJudgedOnlyAtAMillionEventsUnlessAlreadyAbove() {
        ResultRow small = new ResultRow("resident-memory", "", null, null, null, null, Map.of("rss_mb", "300", "hwm_mb", "310", "events", "5000"), "");
        ResultRow big = new ResultRow("resident-memory", "", null, null, null, null, Map.of("rss_mb", "700", "hwm_mb", "710", "events", "5000"), "");
        ResultRow million = new ResultRow("resident-memory", "", null, null, null, null,
                Map.of("rss_mb", "400", "hwm_mb", "410", "events", "1000000"), "");
        assertTrue(Catalogue.RESIDENT_MEMORY.judge(small, null).startsWith("not judged"));
        assertTrue(Catalogue.RESIDENT_MEMORY.judge(big, null).startsWith("no"));
        assertTrue(Catalogue.RESIDENT_MEMORY.judge(million, null).equals("yes"));
    }

    @Test
    void startUpIsTheMedianOfItsStartsWithEveryStartBeside() {
        ResultRow three = new ResultRow("startup", "", null, null, null, null,
                Map.of("seconds", "9.610", "starts", "9.839/9.013/9.610"), "");
        assertEquals("median 9.61 s of 3 starts (9.84, 9.01, 9.61 s)", Catalogue.STARTUP.figure(three));
        assertEquals("yes", Catalogue.STARTUP.judge(three, null));
        // one start, as before the harness timed several, or as BENCH_STARTS=1 gives
        ResultRow one = new ResultRow("startup", "", null, null, null, null, Map.of("seconds", "10.5", "starts", "10.5"), "");
        assertEquals("10.50 s", Catalogue.STARTUP.figure(one));
        assertEquals("no", Catalogue.STARTUP.judge(one, null));
        assertEquals("7.50 s", Catalogue.STARTUP.figure(new ResultRow("startup", "", null, null, null, null, Map.of("seconds", "7.5"), "")));
    }

    @Test
    void aFailedScenarioSaysSo() {
        String table = new Report(List.of(new ResultRow("startup", "", null, null, null, null, Map.of("failed", "true"), "not ready")),
                Map.of()).figures().render();
        assertTrue(table.contains("failed (see notes)"));
        assertTrue(table.contains("not measured (failed)"));
    }
}
