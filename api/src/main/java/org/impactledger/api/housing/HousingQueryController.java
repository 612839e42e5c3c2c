package org.impactledger.api.housing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.impactledger.api.web.QueryRunner;
import org.impactledger.core.fund.query.FindFund;
import org.impactledger.core.housing.query.FindHousingReport;
import org.impactledger.core.housing.query.FindLease;
import org.impactledger.core.housing.query.FindProperty;
import org.impactledger.core.housing.query.ListProperties;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.projections.housing.HousingReport;
import org.impactledger.projections.housing.LeaseView;
import org.impactledger.projections.housing.PropertyDetailView;
import org.impactledger.projections.housing.PropertyPage;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.state.fund.FundView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Homes4All queries: properties (with units and current leases), a lease's rent ledger, and the
 * housing report. Reads follow writes by a few milliseconds (tracking processors).
 */
@RestController
@Tag(name = "Homes4All (queries and housing report)")
public class HousingQueryController {

    private static final String AS_OF = "business date (yyyy-MM-dd): what had happened by the end of that day; default the day of knownAt (UTC)";
    private static final String KNOWN_AT = "recording time (ISO-8601 instant, e.g. 2026-10-05T12:00:00Z): only what was recorded by then; default now";

    private final QueryRunner queries;
    private final Clock clock;

    public HousingQueryController(QueryRunner queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/housing/properties")
    @Operation(summary = "List properties by id, optionally one fund's and one district's (1-8); page from 0, size up to 200")
    public PropertyPage properties(@RequestParam(required = false) String fundId, @RequestParam(required = false) String district,
                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        FundId fund = fundId == null || fundId.isBlank() ? null : FundId.of(fundId.trim());
        return queries.one(new ListProperties(fund, district, page, size), PropertyPage.class, "page", Integer.toString(page));
    }

    @GetMapping("/api/housing/properties/{propertyId}")
    @Operation(summary = "A property with its units in acquisition order, each with the lease it is let under now and that lease's arrears")
    public PropertyDetailView property(@PathVariable String propertyId) {
        return queries.one(new FindProperty(PropertyId.of(propertyId)), PropertyDetailView.class, "property", propertyId);
    }

    @GetMapping("/api/housing/properties/{propertyId}/leases/{leaseId}")
    @Operation(summary = "A lease with its rent ledger: due, collected and arrears per month, with each collection and reversal")
    public LeaseView lease(@PathVariable String propertyId, @PathVariable String leaseId) {
        return queries.one(new FindLease(PropertyId.of(propertyId), LeaseId.of(leaseId)), LeaseView.class, "lease",
                propertyId + "/" + leaseId);
    }

    @GetMapping("/api/reports/housing")
    @Operation(summary = "Housing report by district and in total: occupancy, rent due and collected, discount to market, tenancy outcomes")
    public HousingReport report(@RequestParam(required = false) String fundId, @RequestParam(required = false) String district,
                                @Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
                                @Parameter(description = KNOWN_AT) @RequestParam(required = false) String knownAt) {
        TimeTravel when = TimeTravel.parse(asOf, knownAt, clock);
        LocalDate businessDate = when.asOf() != null ? when.asOf() : LocalDate.ofInstant(when.knownAt(), ZoneOffset.UTC);
        FundId fund = fundId == null || fundId.isBlank() ? null : FundId.of(fundId.trim());
        // every parameter's form is checked before the fund is looked up: a bad district is 400 whatever the fund
        FindHousingReport query = new FindHousingReport(fund, district, businessDate, when.knownAt());
        if (fund != null) {
            queries.existing(new FindFund(fund), FundView.class, "fundId", "fund", fund.value());
        }
        return queries.one(query, HousingReport.class, "housing report", "all");
    }
}
