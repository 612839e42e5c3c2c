package org.impactledger.api.fund;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.impactledger.api.security.LedgerPrincipal;
import org.impactledger.api.web.QueryRunner;
import org.impactledger.core.contract.query.ListPayments;
import org.impactledger.core.fund.query.FindFund;
import org.impactledger.core.fund.query.FindFundBudgets;
import org.impactledger.core.fund.query.FindFundInvestors;
import org.impactledger.core.fund.query.ListFunds;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.projections.state.contract.OutcomePage;
import org.impactledger.projections.state.fund.BudgetView;
import org.impactledger.projections.state.fund.FundInvestorView;
import org.impactledger.projections.state.fund.FundPage;
import org.impactledger.projections.state.fund.FundView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where funds stand, from the fund read model. Reads follow writes by a few milliseconds (tracking
 * processors); {@code lastEventIndex} tells which fund event a view includes.
 */
@RestController
@RequestMapping("/api/funds")
@Tag(name = "Funds (queries)")
public class FundQueryController {

    private final QueryRunner queries;

    public FundQueryController(QueryRunner queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List funds, ordered by id (page from 0, size up to 200)")
    public FundPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queries.one(new ListFunds(page, size), FundPage.class, "page", Integer.toString(page));
    }

    @GetMapping("/{fundId}")
    @Operation(summary = "A fund's capital, cash, outcome payments and latest valuation")
    public FundView fund(@PathVariable String fundId) {
        FundId id = FundId.of(fundId);
        return queries.one(new FindFund(id), FundView.class, "fund", fundId);
    }

    @GetMapping("/{fundId}/investors")
    @Operation(summary = "Each investor's committed, called and paid-in capital and distributions (an investor sees only its own row)")
    public List<FundInvestorView> investors(@PathVariable String fundId) {
        FundId id = fund(fundId) == null ? null : FundId.of(fundId);
        List<FundInvestorView> investors = queries.list(new FindFundInvestors(id), FundInvestorView.class);
        LedgerPrincipal caller = LedgerPrincipal.current();
        return caller.seesOnlyOwnInvestor() ? investors.stream().filter(i -> caller.mayReadInvestor(i.investorId())).toList() : investors;
    }

    @GetMapping("/{fundId}/budgets")
    @Operation(summary = "Each outcome payer's budget: committed, reserved by approvals, paid; NRRP tags (a payer sees only its own)")
    public List<BudgetView> budgets(@PathVariable String fundId) {
        PayerId only = LedgerPrincipal.current().readsOnlyPayer();
        FundId id = fund(fundId) == null ? null : FundId.of(fundId);
        List<BudgetView> budgets = queries.list(new FindFundBudgets(id), BudgetView.class);
        return only == null ? budgets : budgets.stream().filter(b -> only.value().equals(b.payerId())).toList();
    }

    @GetMapping("/{fundId}/payments")
    @Operation(summary = "Outcome payments (approved or paid outcomes) across the fund's contracts (a payer sees only those it pays)")
    public OutcomePage payments(@PathVariable String fundId, @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        PayerId only = LedgerPrincipal.current().readsOnlyPayer();
        FundId id = fund(fundId) == null ? null : FundId.of(fundId);
        return queries.one(new ListPayments(id, only, page, size), OutcomePage.class, "page", Integer.toString(page));
    }
}
