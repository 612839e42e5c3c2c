package org.impactledger.core.fund;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.fund.command.AdvanceWorkingCapital;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;

/**
 * Test-only commands and handler that drive the fund's budget and advance methods the way the contract
 * side's command handler does: load the fund from the repository and call the public method.
 */
final class BudgetTestCommands {

    private BudgetTestCommands() {
    }

    record ReserveBudget(@TargetAggregateIdentifier FundId fundId, BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount) {
    }

    record ReceivePayment(@TargetAggregateIdentifier FundId fundId, BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount,
                          String bankReference, LocalDate valueDate) {
    }

    record ReleaseBudget(@TargetAggregateIdentifier FundId fundId, BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount,
                         String reason) {
    }

    record RefundPayment(@TargetAggregateIdentifier FundId fundId, BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount,
                         String reason, LocalDate valueDate) {
    }

    record AskBudgetPayer(@TargetAggregateIdentifier FundId fundId, BudgetId budgetId) {
    }

    record AskRemainingBudget(@TargetAggregateIdentifier FundId fundId, BudgetId budgetId) {
    }

    static final class Handler {

        private final Repository<Fund> repository;

        Handler(Repository<Fund> repository) {
            this.repository = repository;
        }

        @CommandHandler
        void handle(ReserveBudget c) {
            repository.load(c.fundId().value()).execute(fund -> fund.reserveOutcomeBudget(c.budgetId(), c.contractId(), c.outcomeId(), c.amount()));
        }

        @CommandHandler
        void handle(ReceivePayment c) {
            repository.load(c.fundId().value()).execute(fund -> fund.receiveOutcomePayment(c.budgetId(), c.contractId(), c.outcomeId(),
                    c.amount(), c.bankReference(), c.valueDate()));
        }

        @CommandHandler
        void handle(ReleaseBudget c) {
            repository.load(c.fundId().value()).execute(fund -> fund.releaseOutcomeBudget(c.budgetId(), c.contractId(), c.outcomeId(),
                    c.amount(), c.reason()));
        }

        @CommandHandler
        void handle(RefundPayment c) {
            repository.load(c.fundId().value()).execute(fund -> fund.refundOutcomePayment(c.budgetId(), c.contractId(), c.outcomeId(),
                    c.amount(), c.reason(), c.valueDate()));
        }

        @CommandHandler
        PayerId handle(AskBudgetPayer c) {
            return repository.load(c.fundId().value()).invoke(fund -> fund.budgetPayer(c.budgetId()));
        }

        @CommandHandler
        Money handle(AskRemainingBudget c) {
            return repository.load(c.fundId().value()).invoke(fund -> fund.remainingBudget(c.budgetId()));
        }

        /** As the contract side's handler does once the contract has agreed to the advance. */
        @CommandHandler
        void handle(AdvanceWorkingCapital c) {
            repository.load(c.fundId().value()).execute(fund -> fund.advanceWorkingCapital(c));
        }
    }
}
