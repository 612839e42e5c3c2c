package org.impactledger.api.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.impactledger.api.web.QueryRunner;
import org.impactledger.projections.nrrp.NrrpReconciliationCsv;
import org.impactledger.projections.nrrp.NrrpReconciliationExports;
import org.impactledger.projections.nrrp.NrrpReconciliationPage;
import org.impactledger.projections.nrrp.NrrpReconciliationPageQuery;
import org.impactledger.projections.nrrp.NrrpReconciliationQuery;
import org.impactledger.projections.nrrp.NrrpReconciliationReport;
import org.impactledger.projections.report.TimeTravel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The NRRP reconciliation for the city's finance office: as JSON with the long lists (discrepancies,
 * matches) in pages, or as one CSV table to file with every row, streamed. The CSV carries the time
 * bounds it was computed for in headers ({@code X-As-Of}, {@code X-Known-At}).
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
public class NrrpReconciliationReportController {

    private final QueryRunner queries;
    private final Clock clock;
    private final NrrpReconciliationExports exports;

    public NrrpReconciliationReportController(QueryRunner queries, Clock clock, NrrpReconciliationExports exports) {
        this.queries = queries;
        this.clock = clock;
        this.exports = exports;
    }

    @GetMapping("/nrrp-reconciliation")
    @Operation(summary = "NRRP reconciliation per CUP and measure: allocated, committed, paid, reported, confirmed by bank; a summary of the "
            + "discrepancies and matches; discrepancies (with the events behind each) and bank matches in pages of `limit`; target progress. "
            + "Without asOf/knownAt: the materialised reconciliation, as known at its last refresh (`knownAt`)")
    public ResponseEntity<?> reconciliation(
            @Parameter(description = "one CUP") @RequestParam(required = false) String cup,
            @Parameter(description = "one measure, any national form (M5C2I1.3, M5C2I1.03, M5C2I1.03.00)") @RequestParam(required = false) String measure,
            @Parameter(description = "business date yyyy-MM-dd: what had happened by then") @RequestParam(required = false) String asOf,
            @Parameter(description = "ISO-8601 instant: what the ledger had recorded by then (default: the materialised reconciliation's instant)")
            @RequestParam(required = false) String knownAt,
            @Parameter(description = "discrepancies and matches per page, 1-" + NrrpReconciliationPageQuery.MAX_LIMIT + " (default "
                    + NrrpReconciliationPageQuery.DEFAULT_LIMIT + "); JSON only") @RequestParam(required = false) String limit,
            @Parameter(description = "discrepanciesNextCursor of the previous page: the next page of discrepancies") @RequestParam(required = false) String after,
            @Parameter(description = "matchesNextCursor of the previous page: the next page of matches") @RequestParam(required = false) String matchesAfter,
            @Parameter(description = "json (default) or csv (the whole reconciliation, every discrepancy); Accept: text/csv also gives CSV")
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) throws IOException {
        ReportFormat form = ReportFormat.of(format, accept);
        if (form == ReportFormat.CSV) {
            TimeTravel time = TimeTravel.parse(asOf, knownAt, clock);
            boolean latest = (asOf == null || asOf.isBlank()) && (knownAt == null || knownAt.isBlank());
            NrrpReconciliationQuery query = NrrpReconciliationQuery.parse(cup, measure, time).latest(latest);
            // the whole reconciliation is held from this read to the last row written: a bounded number at once (503 when busy)
            exports.run(() -> {
                NrrpReconciliationReport report = queries.one(query, NrrpReconciliationReport.class, "NRRP reconciliation", "-");
                // written straight to the response, row by row (chunked), rather than built as one string first
                response.setStatus(200);
                response.setContentType(ReportFormat.TEXT_CSV.toString());
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"nrrp-reconciliation.csv\"");
                response.setHeader("X-As-Of", report.asOf() == null ? "" : report.asOf().toString());
                response.setHeader("X-Known-At", report.knownAt().toString());
                Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
                NrrpReconciliationCsv.write(report, writer);
                writer.flush();
            });
            return null;
        }
        NrrpReconciliationPageQuery query = NrrpReconciliationPageQuery.parse(cup, measure, asOf, knownAt, limit, after, matchesAfter, clock);
        NrrpReconciliationPage page = queries.one(query, NrrpReconciliationPage.class, "NRRP reconciliation", "-");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(page);
    }
}
