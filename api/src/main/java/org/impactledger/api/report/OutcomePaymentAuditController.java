package org.impactledger.api.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.impactledger.api.security.LedgerPrincipal;
import org.impactledger.api.web.QueryRunner;
import org.impactledger.core.contract.query.FindContract;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.projections.state.contract.ContractView;
import org.impactledger.projections.payments.FindPaymentChain;
import org.impactledger.projections.payments.ListOutcomePayments;
import org.impactledger.projections.payments.PaymentCursor;
import org.impactledger.projections.payments.PaymentChain;
import org.impactledger.projections.payments.PaymentPage;
import org.impactledger.projections.report.TimeTravel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outcome payments and the chain behind each: report, verification, approval, transfer, corrections.
 * A caller who reads only its own payer's payments ({@link LedgerPrincipal#readsOnlyPayer()}) gets
 * the list filtered to the contracts it pays, and {@code 403 NOT_OWNER} for another payer's chain.
 */
@RestController
@RequestMapping("/api/reports/outcome-payments")
@Tag(name = "Reports")
public class OutcomePaymentAuditController {

    private final QueryRunner queries;
    private final ReportFilters filters;
    private final Clock clock;

    public OutcomePaymentAuditController(QueryRunner queries, ReportFilters filters, Clock clock) {
        this.queries = queries;
        this.filters = filters;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Outcome payments (outcomes that were approved), by first approval; page from 0, size up to 200; "
            + "or after=<nextCursor of the previous page> instead of page")
    public PaymentPage list(@RequestParam(required = false) String fundId, @RequestParam(required = false) String contractId,
                            @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                            @RequestParam(required = false) String after) {
        ListOutcomePayments query = new ListOutcomePayments(
                fundId == null || fundId.isBlank() ? null : FundId.of(fundId.strip()),
                contractId == null || contractId.isBlank() ? null : ContractId.of(contractId.strip()),
                LedgerPrincipal.current().readsOnlyPayer(), page, size, TimeTravel.parse(asOf, knownAt, clock),
                after == null || after.isBlank() ? null : PaymentCursor.decode(after));
        // a filter naming no fund or contract the ledger knows is a 404, not an empty list
        filters.fund(query.fundId(), "fundId");
        filters.contract(query.contractId(), "contractId");
        return queries.one(query, PaymentPage.class, "page", Integer.toString(page));
    }

    @GetMapping("/{contractId}/{outcomeId}")
    @Operation(summary = "One payment's chain, each step with its event id and global position (to look up its audit-trail proof)")
    public PaymentChain chain(@PathVariable String contractId, @PathVariable String outcomeId, @RequestParam(required = false) String asOf,
                              @RequestParam(required = false) String knownAt) {
        PayerId only = LedgerPrincipal.current().readsOnlyPayer();
        FindPaymentChain query = new FindPaymentChain(ContractId.of(contractId), OutcomeId.of(outcomeId), TimeTravel.parse(asOf, knownAt, clock));
        if (only != null) {
            ContractView contract = queries.one(new FindContract(ContractId.of(contractId)), ContractView.class, "contract", contractId);
            if (!only.value().equals(contract.payerId())) {
                // the other payer's id is not echoed: the refusal tells nothing of whose contract it is
                throw new DomainException(ErrorCode.NOT_OWNER, "contractId", "payer " + only + " reads only the payments on contracts it pays");
            }
        }
        return queries.one(query, PaymentChain.class, "outcome payment", contractId + "/" + outcomeId);
    }
}
