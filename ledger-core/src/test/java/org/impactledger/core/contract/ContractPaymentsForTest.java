package org.impactledger.core.contract;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.impactledger.core.contract.command.ApproveOutcomePayment;
import org.impactledger.core.contract.command.ExecuteOutcomePayment;
import org.impactledger.core.contract.command.ReversePayment;
import org.impactledger.core.contract.command.SignContract;
import org.impactledger.core.contract.event.OutcomePaymentExecuted;
import org.impactledger.core.contract.event.OutcomePaymentReversed;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.Money;

/**
 * Test-only stand-in for {@link OutcomePaymentHandler} without a fund: it drives the same public
 * contract methods, with a fixed fund currency and payer and a {@link RecordingBudget}, so that the
 * fixture can test every contract rule of these commands.
 */
final class ContractPaymentsForTest {

    private final Repository<Contract> contracts;
    private final PayerBudget budget;

    ContractPaymentsForTest(Repository<Contract> contracts, PayerBudget budget) {
        this.contracts = contracts;
        this.budget = budget;
    }

    @CommandHandler
    public ContractId handle(SignContract command) throws Exception {
        contracts.newInstance(() -> new Contract(command, ContractTestData.EUR, ContractTestData.PAYER));
        return command.contractId();
    }

    @CommandHandler
    public Money handle(ApproveOutcomePayment command) {
        return contracts.load(command.contractId().value()).invoke(c -> c.approvePayment(command, budget));
    }

    @CommandHandler
    public OutcomePaymentExecuted handle(ExecuteOutcomePayment command) {
        return contracts.load(command.contractId().value()).invoke(c -> c.executePayment(command, budget));
    }

    @CommandHandler
    public OutcomePaymentReversed handle(ReversePayment command) {
        return contracts.load(command.contractId().value()).invoke(c -> c.reversePayment(command, budget));
    }
}
