package org.impactledger.api.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.impactledger.api.web.QueryRunner;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.sdg.SdgImpactCsv;
import org.impactledger.projections.sdg.SdgImpactQuery;
import org.impactledger.projections.sdg.SdgImpactReport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SDG impact report, as JSON (tree and totals) or CSV (one row per goal, target and metric).
 * The CSV carries the time bounds it was computed for in headers ({@code X-As-Of},
 * {@code X-Known-At}), so that the same figures can be asked for again.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
public class SdgImpactReportController {

    private final QueryRunner queries;
    private final ReportFilters filters;
    private final Clock clock;

    public SdgImpactReportController(QueryRunner queries, ReportFilters filters, Clock clock) {
        this.queries = queries;
        this.filters = filters;
        this.clock = clock;
    }

    @GetMapping("/sdg-impact")
    @Operation(summary = "SDG impact per goal, target and metric: verified outcomes, beneficiaries, money approved and paid, cost per "
            + "verified outcome; an outcome counts under every target it serves, the totals count it once")
    public ResponseEntity<?> sdgImpact(
            @Parameter(description = "OUTCOME_FUND, HOMES4ALL or EXCHANGE (default: all); for HOMES4ALL the contract is the property, "
                    + "for EXCHANGE the issuer; housing and exchange outcomes have no payer") @RequestParam(required = false) String programme,
            @RequestParam(required = false) String fundId,
            @RequestParam(required = false) String contractId,
            @RequestParam(required = false) String payerId,
            @Parameter(description = "first outcome period: 2026, 2026-03, 2026-Q1 or 2026-03-15") @RequestParam(required = false) String periodFrom,
            @Parameter(description = "last outcome period, same forms") @RequestParam(required = false) String periodTo,
            @Parameter(description = "business date yyyy-MM-dd: what had happened by then") @RequestParam(required = false) String asOf,
            @Parameter(description = "ISO-8601 instant: what the ledger had recorded by then (default now)") @RequestParam(required = false) String knownAt,
            @Parameter(description = "json (default) or csv; Accept: text/csv also gives CSV") @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportFormat form = ReportFormat.of(format, accept);
        TimeTravel time = TimeTravel.parse(asOf, knownAt, clock);
        SdgImpactQuery query = SdgImpactQuery.parse(programme, fundId, contractId, payerId, periodFrom, periodTo, time);
        // a filter naming no fund, contract (property, issuer) or payer the ledger knows is a 404, not an empty report
        filters.fund(query.fundId(), "fundId");
        filters.sdgContract(query.contractId(), "contractId");
        filters.payer(query.payerId(), "payerId");
        SdgImpactReport report = queries.one(query, SdgImpactReport.class, "SDG impact report", "-");
        if (form == ReportFormat.CSV) {
            return ResponseEntity.ok()
                    .contentType(ReportFormat.TEXT_CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"sdg-impact.csv\"")
                    .header("X-As-Of", time.asOf() == null ? "" : time.asOf().toString())
                    .header("X-Known-At", time.knownAt().toString())
                    .body(SdgImpactCsv.render(report));
        }
        // the content type is set, not negotiated: an explicit ?format=json wins over an Accept header asking for CSV
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }
}
