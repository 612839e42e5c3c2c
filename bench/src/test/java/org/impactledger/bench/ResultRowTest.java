package org.impactledger.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultRowTest {

    @Test
    void aRowSurvivesTheResultsFile() {
        ResultRow row = new ResultRow("ingest", "8", 123.456, 1.5, 2.5, 3.5, Map.of("events", "42", "errors", "0"),
                "3× HTTP 500; on\tAPPROVE");
        ResultRow back = ResultRow.fromTsv(row.toTsv());
        assertEquals("ingest", back.scenario());
        assertEquals("8", back.clients());
        assertEquals(123.456, back.throughput(), 1e-9);
        assertEquals(3.5, back.p99(), 1e-9);
        assertEquals(42.0, back.extraNumber("events"));
        assertEquals("3× HTTP 500, on APPROVE", back.note());
    }

    @Test
    void absentFiguresStayAbsent() {
        ResultRow back = ResultRow.fromTsv("startup\t\t\t\t\t\tseconds=7.5\tnote");
        assertNull(back.throughput());
        assertNull(back.p50());
        assertEquals(7.5, back.extraNumber("seconds"));
    }

    @Test
    void theShellWritesTheSameFormat() {
        // run.sh: printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' pgbench-append 8 2777.2 1.098 9.664 23.776 "tx=1;row_bytes=1073" ""
        ResultRow back = ResultRow.fromTsv("pgbench-append\t8\t2777.2\t1.098\t9.664\t23.776\ttx=1;row_bytes=1073\t");
        assertEquals(2777.2, back.throughput(), 1e-9);
        assertEquals(1073.0, back.extraNumber("row_bytes"));
    }
}
