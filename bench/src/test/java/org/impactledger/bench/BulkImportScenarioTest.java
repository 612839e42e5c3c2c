package org.impactledger.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkImportScenarioTest {

    @Test
    void theGeneratedFileHasTheHeaderAndOneDistinctRowPerOutcome() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new BulkImportScenario.OutcomeCsv("lane-1", 1000),
                StandardCharsets.UTF_8))) {
            List<String> lines = reader.lines().toList();
            assertEquals(1001, lines.size());
            assertEquals(BulkImportScenario.HEADER.strip(), lines.get(0));
            assertTrue(lines.get(1).startsWith("b-0,ben-lane-1-0,HOUSED-6M,2026-Q3,2026-08-01,1,"), lines.get(1));
            assertEquals(1000, lines.stream().skip(1).map(l -> l.split(",")[1]).distinct().count());
            assertTrue(lines.stream().allMatch(l -> l.split(",").length == 8));
        }
    }

    @Test
    void theTargetIsJudgedOnAcceptedOutcomesPerSecond() {
        ResultRow fast = new ResultRow(BulkImportScenario.ID, "", 52_000.0, null, null, null, Map.of("ok", "100000", "seconds", "1.9"), "");
        ResultRow slow = new ResultRow(BulkImportScenario.ID, "", 9_000.0, null, null, null, Map.of("ok", "100000", "seconds", "11.1"), "");
        assertEquals("yes", Catalogue.BULK_IMPORT.judge(fast, null));
        assertEquals("no", Catalogue.BULK_IMPORT.judge(slow, null));
        assertTrue(Catalogue.BULK_IMPORT.figure(slow).startsWith("100,000 outcomes in 11.10 s"), Catalogue.BULK_IMPORT.figure(slow));
    }
}
