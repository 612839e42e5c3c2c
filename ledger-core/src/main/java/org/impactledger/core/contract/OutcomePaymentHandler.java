package org.impactledger.core.contract;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.impactledger.core.contract.command.ApproveOutcomePayment;
import org.impactledger.core.contract.command.ExecuteOutcomePayment;
import org.impactledger.core.contract.command.ReversePayment;
import org.impactledger.core.contract.command.SignContract;
import org.impactledger.core.fund.Fund;
import org.impactledger.core.fund.command.AdvanceWorkingCapital;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.Repositories;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;

/**
 * Handles the contract commands that also touch the fund: signing (the payer budget must exist and
 * fixes the contract's currency), the payment steps (each moves the payer budget) and working capital
 * advanced under a contract (the fund pays, the contract says to whom). Both
 * aggregates are changed in one unit of work, so a refusal by either side appends nothing at all.
 *
 * <p>The rules stay in the aggregates; this class only loads them, and lends the contract the
 * fund's budget as a {@link PayerBudget}. Infra constructs it with the two repositories.
 */
public class OutcomePaymentHandler {

    private final Repository<Contract> contracts;
    private final Repository<Fund> funds;

    public OutcomePaymentHandler(Repository<Contract> contracts, Repository<Fund> funds) {
        this.contracts = contracts;
        this.funds = funds;
    }

    /**
     * Signs a contract against a committed payer budget of the fund.
     *
     * <p>A duplicate id is refused by loading the contract first. Two signings of the same id racing
     * each other are caught by the event store at commit (Axon's {@code AggregateStreamCreationException}),
     * which the API must also answer as {@code ALREADY_EXISTS}.
     *
     * @return the id of the new contract
     */
    @CommandHandler
    public ContractId handle(SignContract command) {
        ContractId contractId = required(command.contractId(), "contractId");
        FundId fundId = required(command.fundId(), "fundId");
        BudgetId budgetId = required(command.budgetId(), "budgetId");
        refuseExistingContract(contractId);
        Aggregate<Fund> fund = loadFund(fundId);
        PayerId payerId = fund.invoke(f -> f.budgetPayer(budgetId));
        String currency = fund.invoke(Fund::currency);

        create(contractId, () -> new Contract(command, currency, payerId));
        return contractId;
    }

    /**
     * Advances working capital from a fund to the provider of one of its contracts. The contract must
     * exist, be the fund's, be open and be signed with that provider ({@link Contract#checkWorkingCapitalAdvance});
     * then the fund's own rules apply (available cash, a new advance id). Only the fund's stream gets an event.
     */
    @CommandHandler
    public void handle(AdvanceWorkingCapital command) {
        FundId fundId = required(command.fundId(), "fundId");
        Aggregate<Fund> fund = loadFund(fundId);
        Aggregate<Contract> contract = loadContract(command.contractId());
        contract.execute(c -> c.checkWorkingCapitalAdvance(fundId, command.providerId()));
        fund.execute(f -> f.advanceWorkingCapital(command));
    }

    /** @return the amount approved (verified quantity × unit price at the outcome date) */
    @CommandHandler
    public Money handle(ApproveOutcomePayment command) {
        Aggregate<Contract> contract = loadContract(command.contractId());
        return contract.invoke(c -> c.approvePayment(command, new FundBudget(c.fundId())));
    }

    /** Allowed on a closed contract: the payment was approved before. */
    @CommandHandler
    public void handle(ExecuteOutcomePayment command) {
        Aggregate<Contract> contract = loadContract(command.contractId());
        contract.execute(c -> c.executePayment(command, new FundBudget(c.fundId())));
    }

    /** Allowed on a closed contract: a wrong payment must remain correctable. */
    @CommandHandler
    public void handle(ReversePayment command) {
        Aggregate<Contract> contract = loadContract(command.contractId());
        contract.execute(c -> c.reversePayment(command, new FundBudget(c.fundId())));
    }

    private void refuseExistingContract(ContractId contractId) {
        Repositories.refuseExisting(contracts, contractId, "contractId", "contract");
    }

    private void create(ContractId contractId, Callable<Contract> factory) {
        Repositories.create(contracts, contractId, "contract", factory);
    }

    private Aggregate<Contract> loadContract(ContractId contractId) {
        return Repositories.load(contracts, contractId, "contractId", "contract");
    }

    private Aggregate<Fund> loadFund(FundId fundId) {
        return Repositories.load(funds, fundId, "fundId", "fund");
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        return value;
    }

    /** The fund's payer budget, loaded only when the contract gets as far as moving money. */
    private final class FundBudget implements PayerBudget {

        private final FundId fundId;
        private Aggregate<Fund> fund;

        private FundBudget(FundId fundId) {
            this.fundId = fundId;
        }

        private Aggregate<Fund> fund() {
            if (fund == null) {
                fund = loadFund(fundId);
            }
            return fund;
        }

        @Override
        public void reserveOutcomeBudget(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount) {
            fund().execute(f -> f.reserveOutcomeBudget(budgetId, contractId, outcomeId, amount));
        }

        @Override
        public void receiveOutcomePayment(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount, String bankReference,
                                          LocalDate valueDate) {
            fund().execute(f -> f.receiveOutcomePayment(budgetId, contractId, outcomeId, amount, bankReference, valueDate));
        }

        @Override
        public void releaseOutcomeBudget(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount, String reason) {
            fund().execute(f -> f.releaseOutcomeBudget(budgetId, contractId, outcomeId, amount, reason));
        }

        @Override
        public void refundOutcomePayment(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount, String reason,
                                         LocalDate valueDate) {
            fund().execute(f -> f.refundOutcomePayment(budgetId, contractId, outcomeId, amount, reason, valueDate));
        }
    }
}
