package org.impactledger.api.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.impactledger.api.security.LedgerPrincipal;
import org.impactledger.api.web.QueryRunner;
import org.impactledger.core.contract.query.FindContract;
import org.impactledger.core.contract.query.FindOutcome;
import org.impactledger.core.contract.query.ListContracts;
import org.impactledger.core.contract.query.ListOutcomes;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.ProviderId;
import org.impactledger.projections.state.contract.ContractPage;
import org.impactledger.projections.state.contract.ContractView;
import org.impactledger.projections.state.contract.OutcomePage;
import org.impactledger.projections.state.contract.OutcomeStatus;
import org.impactledger.projections.state.contract.OutcomeView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Contracts, their rate cards and the outcomes reported under them, from the contract read model. */
@RestController
@RequestMapping("/api/contracts")
@Tag(name = "Contracts and outcomes (queries)")
public class ContractQueryController {

    private final QueryRunner queries;

    public ContractQueryController(QueryRunner queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List contracts, optionally of one fund, ordered by id (a provider sees only its own)")
    public ContractPage list(@RequestParam(required = false) String fundId, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        return queries.one(new ListContracts(fundId == null ? null : FundId.of(fundId), LedgerPrincipal.current().readsOnlyProvider(), page,
                size), ContractPage.class, "page", Integer.toString(page));
    }

    @GetMapping("/{contractId}")
    @Operation(summary = "A contract: term, cap, approved and paid totals, rate card with its dated versions")
    public ContractView contract(@PathVariable String contractId) {
        ContractView contract = queries.one(new FindContract(ContractId.of(contractId)), ContractView.class, "contract", contractId);
        ProviderId only = LedgerPrincipal.current().readsOnlyProvider();
        if (only != null && !only.value().equals(contract.providerId())) {
            throw new DomainException(ErrorCode.NOT_OWNER, "contractId", "provider " + only + " reads only the contracts signed with it");
        }
        return contract;
    }

    @GetMapping("/{contractId}/outcomes")
    @Operation(summary = "The contract's outcomes by outcome date, optionally of one status")
    public OutcomePage outcomes(@PathVariable String contractId, @RequestParam(required = false) String status,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        contract(contractId);
        String statusFilter = status == null || status.isBlank() ? null : OutcomeStatus.parse(status, "status").name();
        return queries.one(new ListOutcomes(ContractId.of(contractId), statusFilter, page, size), OutcomePage.class, "page",
                Integer.toString(page));
    }

    @GetMapping("/{contractId}/outcomes/{outcomeId}")
    @Operation(summary = "One outcome with its whole chain: report, verification, approval, payment, corrections")
    public OutcomeView outcome(@PathVariable String contractId, @PathVariable String outcomeId) {
        contract(contractId);
        return queries.one(new FindOutcome(ContractId.of(contractId), OutcomeId.of(outcomeId)), OutcomeView.class, "outcome",
                contractId + "/" + outcomeId);
    }
}
