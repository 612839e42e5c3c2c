package org.impactledger.api.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.impactledger.api.web.QueryRunner;
import org.impactledger.projections.nrrp.NrrpReconciliationCsv;
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
 * The NRRP reconciliation for the city's finance office, as JSON or as one CSV table to file. The
 * CSV carries the time bounds it was computed for in headers ({@code X-As-Of}, {@code X-Known-At}).
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
public class NrrpReconciliationReportController {

    private final QueryRunner queries;
    private final Clock clock;

    public NrrpReconciliationReportController(QueryRunner queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/nrrp-reconciliation")
    @Operation(summary = "NRRP reconciliation per CUP and measure: allocated, committed, paid, reported, confirmed by bank; every "
            + "discrepancy with the events behind it; bank matches; target progress")
    public ResponseEntity<?> reconciliation(
            @Parameter(description = "one CUP") @RequestParam(required = false) String cup,
            @Parameter(description = "one measure, any national form (M5C2I1.3, M5C2I1.03, M5C2I1.03.00)") @RequestParam(required = false) String measure,
            @Parameter(description = "business date yyyy-MM-dd: what had happened by then") @RequestParam(required = false) String asOf,
            @Parameter(description = "ISO-8601 instant: what the ledger had recorded by then (default now)") @RequestParam(required = false) String knownAt,
            @Parameter(description = "json (default) or csv; Accept: text/csv also gives CSV") @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportFormat form = ReportFormat.of(format, accept);
        TimeTravel time = TimeTravel.parse(asOf, knownAt, clock);
        NrrpReconciliationQuery query = NrrpReconciliationQuery.parse(cup, measure, time);
        NrrpReconciliationReport report = queries.one(query, NrrpReconciliationReport.class, "NRRP reconciliation", "-");
        if (form == ReportFormat.CSV) {
            return ResponseEntity.ok()
                    .contentType(ReportFormat.TEXT_CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"nrrp-reconciliation.csv\"")
                    .header("X-As-Of", time.asOf() == null ? "" : time.asOf().toString())
                    .header("X-Known-At", time.knownAt().toString())
                    .body(NrrpReconciliationCsv.render(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }
}
