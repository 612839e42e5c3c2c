package org.impactledger.api.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.impactledger.api.security.LedgerPrincipal;
import org.impactledger.api.web.QueryRunner;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.projections.performance.FindFundPerformance;
import org.impactledger.projections.performance.FindInvestorPerformance;
import org.impactledger.projections.performance.FundPerformance;
import org.impactledger.projections.performance.InvestorPerformance;
import org.impactledger.projections.report.TimeTravel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A fund's performance, and one investor's, as of a business date and as known at a moment. */
@RestController
@RequestMapping("/api/reports/fund-performance")
@Tag(name = "Reports")
public class FundPerformanceReportController {

    private final QueryRunner queries;
    private final Clock clock;

    public FundPerformanceReportController(QueryRunner queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/{fundId}")
    @Operation(summary = "Committed, paid-in, distributed, residual value, DPI/RVPI/TVPI, IRR (XIRR, Actual/365) with its cash flows; "
            + "outcome payments against each contract's cap and each payer's budget; cost per verified outcome")
    public FundPerformance fund(@PathVariable String fundId, @RequestParam(required = false) String asOf,
                                @RequestParam(required = false) String knownAt) {
        FundId id = FundId.of(fundId);
        FundPerformance report = queries.one(new FindFundPerformance(id, TimeTravel.parse(asOf, knownAt, clock)), FundPerformance.class, "fund", fundId);
        LedgerPrincipal caller = LedgerPrincipal.current();
        // an investor sees the fund's figures and its own row; the other investors' contributions stay in the cash
        // flows, unnamed and summed per date, so that the IRR shown is still the XIRR of the flows shown
        return caller.seesOnlyOwnInvestor() ? report.readBy(caller::mayReadInvestor) : report;
    }

    @GetMapping("/{fundId}/investors/{investorId}")
    @Operation(summary = "One investor's own flows, multiples and IRR; its residual value is the NAV pro rata to paid-in")
    public InvestorPerformance investor(@PathVariable String fundId, @PathVariable String investorId,
                                        @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt) {
        FundId fund = FundId.of(fundId);
        InvestorId investor = InvestorId.of(investorId);
        return queries.one(new FindInvestorPerformance(fund, investor, TimeTravel.parse(asOf, knownAt, clock)), InvestorPerformance.class,
                "investor in fund " + fundId, investorId);
    }
}
