package org.impactledger.api.report;

import org.impactledger.api.web.QueryRunner;
import org.impactledger.core.contract.query.FindContract;
import org.impactledger.core.exchange.query.FindIssuer;
import org.impactledger.core.fund.query.FindFund;
import org.impactledger.core.fund.query.FindPayerBudgets;
import org.impactledger.core.housing.query.FindProperty;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.projections.exchange.market.IssuerDetails;
import org.impactledger.projections.housing.PropertyDetailView;
import org.impactledger.projections.state.contract.ContractView;
import org.impactledger.projections.state.fund.BudgetView;
import org.impactledger.projections.state.fund.FundView;
import org.springframework.stereotype.Component;

/**
 * The report filters that name a record: each must name one the ledger knows, or the report is a
 * {@code 404 NOT_FOUND} problem naming the parameter (README, Reports: an unknown fund, investor or
 * payment is a 404). Without this check a typo in {@code fundId} answered 200 with empty totals,
 * which reads as "this fund has no impact" rather than "there is no such fund".
 *
 * <p>Known is decided from the read model that holds every such record from its first event, as
 * of now (whatever the report's {@code asOf} or {@code knownAt}): a fund that exists but has no
 * facts yet, or none in the report's bounds, is known and gets its empty report. A payer has no
 * record of its own: it is known by the budgets it committed (every contract's payer is its budget's).
 * Each check runs after the parameters' form has been checked, so a malformed value stays a 400.
 */
@Component
public class ReportFilters {

    private final QueryRunner queries;

    public ReportFilters(QueryRunner queries) {
        this.queries = queries;
    }

    /** A fund filter: the fund must exist (fund state). */
    public void fund(FundId fundId, String field) {
        if (fundId != null) {
            queries.existing(new FindFund(fundId), FundView.class, field, "fund", fundId.value());
        }
    }

    /** An Outcome Fund contract filter: the contract must exist (contract state). */
    public void contract(ContractId contractId, String field) {
        if (contractId != null) {
            queries.existing(new FindContract(contractId), ContractView.class, field, "contract", contractId.value());
        }
    }

    /**
     * The SDG report's contract dimension: an Outcome Fund contract, a Homes4All property or an exchange
     * issuer (README, SDG impact: "contract (contractId)"); known if any of them has that id.
     */
    public void sdgContract(ContractId contractId, String field) {
        if (contractId == null) {
            return;
        }
        String id = contractId.value();
        if (queries.find(new FindContract(contractId), ContractView.class) == null
                && queries.find(new FindProperty(PropertyId.of(id)), PropertyDetailView.class) == null
                && queries.find(new FindIssuer(IssuerId.of(id)), IssuerDetails.class) == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, field, "no contract, property or issuer with id " + id);
        }
    }

    /** A payer filter: the payer must have committed a budget in some fund. */
    public void payer(PayerId payerId, String field) {
        if (payerId != null && queries.list(new FindPayerBudgets(payerId), BudgetView.class).isEmpty()) {
            throw new DomainException(ErrorCode.NOT_FOUND, field, "no outcome payer with id " + payerId.value() + " (no budget names it)");
        }
    }
}
