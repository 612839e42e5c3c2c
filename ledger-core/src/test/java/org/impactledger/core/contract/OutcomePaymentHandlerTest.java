package org.impactledger.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.impactledger.core.contract.ContractTestData.APPROVER;
import static org.impactledger.core.contract.ContractTestData.BUDGET;
import static org.impactledger.core.contract.ContractTestData.CONTRACT;
import static org.impactledger.core.contract.ContractTestData.END;
import static org.impactledger.core.contract.ContractTestData.EUR;
import static org.impactledger.core.contract.ContractTestData.FUND;
import static org.impactledger.core.contract.ContractTestData.PAYER;
import static org.impactledger.core.contract.ContractTestData.VERIFIER;
import static org.impactledger.core.contract.ContractTestData.closeContract;
import static org.impactledger.core.contract.ContractTestData.contractClosed;
import static org.impactledger.core.contract.ContractTestData.contractSigned;
import static org.impactledger.core.contract.ContractTestData.date;
import static org.impactledger.core.contract.ContractTestData.eur;
import static org.impactledger.core.contract.ContractTestData.outcome;
import static org.impactledger.core.contract.ContractTestData.signContract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.Repository;
import org.impactledger.core.contract.ContractTestData.OutcomeSpec;
import org.impactledger.core.contract.command.SignContract;
import org.impactledger.core.contract.event.OutcomePaymentApproved;
import org.impactledger.core.contract.event.OutcomePaymentReversed;
import org.impactledger.core.fund.Fund;
import org.impactledger.core.fund.command.AdvanceWorkingCapital;
import org.impactledger.core.fund.command.CallCapital;
import org.impactledger.core.fund.command.CommitCapital;
import org.impactledger.core.fund.command.ReceiveCapital;
import org.impactledger.core.fund.event.WorkingCapitalAdvanced;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.ProviderId;
import org.impactledger.core.fund.command.CommitOutcomeBudget;
import org.impactledger.core.fund.command.OpenFund;
import org.impactledger.core.fund.event.OutcomeBudgetReleased;
import org.impactledger.core.fund.event.OutcomeBudgetReserved;
import org.impactledger.core.fund.event.OutcomePaymentReceived;
import org.impactledger.core.fund.event.OutcomePaymentRefunded;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handler against the real fund and contract aggregates on an in-memory event store: what the
 * two streams hold after each command, and that a refusal on either side appends nothing to either.
 *
 * <p>Wired by hand with the same Axon parts {@code DefaultConfigurer} would assemble (event store,
 * event-sourcing repositories, aggregate command handlers, the external handler), because
 * {@code axon-configuration} is not a dependency of ledger-core.
 */
class OutcomePaymentHandlerTest {

    private EventStore eventStore;
    private Repository<Fund> funds;
    private CommandGateway commands;

    private final OutcomeSpec outcome = outcome("O-1").quantity("2");

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        CommandBus commandBus = SimpleCommandBus.builder().build();
        // the contract's command handlers receive its limits, as the application's Spring bean gives them
        ParameterResolverFactory resources = MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(Contract.class),
                new SimpleResourceParameterResolverFactory(List.of(ContractLimits.defaults())));
        Repository<Contract> contracts = EventSourcingRepository.builder(Contract.class).eventStore(eventStore)
                .parameterResolverFactory(resources).build();
        funds = EventSourcingRepository.builder(Fund.class).eventStore(eventStore).build();
        AggregateAnnotationCommandHandler.<Contract>builder().aggregateType(Contract.class).repository(contracts)
                .parameterResolverFactory(resources).build().subscribe(commandBus);
        AggregateAnnotationCommandHandler.<Fund>builder().aggregateType(Fund.class).repository(funds).build().subscribe(commandBus);
        new AnnotationCommandHandlerAdapter<>(new OutcomePaymentHandler(contracts, funds)).subscribe(commandBus);
        commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    private void openFundWithBudget(String budget) {
        commands.sendAndWait(new OpenFund(FUND, "Torino Outcome Fund", EUR, "Fondazione per il Sociale", new BigDecimal("1.30")));
        commands.sendAndWait(new CommitOutcomeBudget(FUND, BUDGET, PAYER, eur(budget), null, date("2025-01-01")));
    }

    /** Fund with a budget, contract signed, outcome O-1 (2 × 1500 EUR) reported and verified. */
    private void verifiedOutcomeUnderBudget(String budget) {
        openFundWithBudget(budget);
        commands.sendAndWait(signContract());
        commands.sendAndWait(outcome.report());
        commands.sendAndWait(outcome.verify());
    }

    private List<Object> stream(Object aggregateId) {
        return eventStore.readEvents(aggregateId.toString()).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    private Money remainingBudget() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return funds.load(FUND.value()).invoke(fund -> fund.remainingBudget(BUDGET));
        } finally {
            unitOfWork.rollback();
        }
    }

    private static DomainException refusalOf(Runnable command) {
        Throwable thrown = catchThrowable(command::run);
        assertThat(thrown).isInstanceOf(DomainException.class);
        return (DomainException) thrown;
    }

    // ---------------------------------------------------------------- signing

    @Test
    void signs_a_contract_for_the_payer_and_in_the_currency_of_the_fund_budget() {
        openFundWithBudget("50000");

        Object id = commands.sendAndWait(signContract());

        assertThat(id).isEqualTo(CONTRACT);
        assertThat(stream(CONTRACT)).containsExactly(contractSigned());
    }

    @Test
    void refuses_to_sign_for_a_fund_that_does_not_exist() {
        DomainException refusal = refusalOf(() -> commands.sendAndWait(signContract()));

        assertThat(refusal.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(refusal.field()).isEqualTo("fundId");
        assertThat(refusal.getMessage()).isEqualTo("no fund F-TORINO-OUTCOMES");
        assertThat(stream(CONTRACT)).isEmpty();
    }

    @Test
    void refuses_to_sign_against_a_budget_the_fund_does_not_have() {
        openFundWithBudget("50000");
        SignContract command = new SignContract(CONTRACT, FUND, ContractTestData.PROVIDER,
                BudgetId.of("B-UNKNOWN"), ContractTestData.TITLE, ContractTestData.START, END, ContractTestData.CAP, ContractTestData.rateCard());

        DomainException refusal = refusalOf(() -> commands.sendAndWait(command));

        assertThat(refusal.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(refusal.field()).isEqualTo("budgetId");
        assertThat(stream(CONTRACT)).isEmpty();
    }

    @Test
    void refuses_a_cap_in_another_currency_than_the_fund() {
        openFundWithBudget("50000");

        DomainException refusal = refusalOf(() -> commands.sendAndWait(signContract(Money.of("10000", "USD"))));

        assertThat(refusal.code()).isEqualTo(ErrorCode.CURRENCY_MISMATCH);
        assertThat(refusal.field()).isEqualTo("cap");
        assertThat(stream(CONTRACT)).isEmpty();
    }

    @Test
    void refuses_a_contract_id_that_already_exists() {
        openFundWithBudget("50000");
        commands.sendAndWait(signContract());

        DomainException refusal = refusalOf(() -> commands.sendAndWait(signContract()));

        assertThat(refusal.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(refusal.field()).isEqualTo("contractId");
        assertThat(refusal.getMessage()).isEqualTo("contract C-HOUSING-FIRST-1 already exists");
        assertThat(stream(CONTRACT)).containsExactly(contractSigned());
    }

    // ---------------------------------------------------------------- working capital advanced under a contract

    /** The fund with its budget, 10,000.00 EUR of cash paid in, and the contract signed. */
    private void signedContractWithFundCash() {
        openFundWithBudget("50000");
        InvestorId investor = InvestorId.of("INV-1");
        commands.sendAndWait(new CommitCapital(FUND, investor, eur("10000.00"), date("2025-01-02")));
        commands.sendAndWait(new CallCapital(FUND, "call-1", investor, eur("10000.00"), date("2025-01-10")));
        commands.sendAndWait(new ReceiveCapital(FUND, "call-1", eur("10000.00"), date("2025-01-09"), "SEPA-CALL-1"));
        commands.sendAndWait(signContract());
    }

    private AdvanceWorkingCapital advance(FundId fund, ProviderId provider, ContractId contract) {
        return new AdvanceWorkingCapital(fund, "adv-1", provider, contract, eur("1000.00"), date("2025-02-01"));
    }

    @Test
    void advances_working_capital_to_the_provider_of_one_of_the_funds_contracts() {
        signedContractWithFundCash();

        commands.sendAndWait(advance(FUND, ContractTestData.PROVIDER, CONTRACT));

        assertThat(stream(FUND)).last().isEqualTo(new WorkingCapitalAdvanced(FUND, "adv-1", ContractTestData.PROVIDER, CONTRACT,
                eur("1000.00"), date("2025-02-01")));
        assertThat(stream(CONTRACT)).containsExactly(contractSigned());
    }

    @Test
    void refuses_an_advance_under_a_contract_that_does_not_exist() {
        signedContractWithFundCash();
        List<Object> fundBefore = stream(FUND);

        DomainException refusal = refusalOf(() -> commands.sendAndWait(advance(FUND, ContractTestData.PROVIDER, ContractId.of("C-NONE"))));

        assertThat(refusal.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(refusal.field()).isEqualTo("contractId");
        assertThat(refusal.getMessage()).isEqualTo("no contract C-NONE");
        assertThat(stream(FUND)).isEqualTo(fundBefore);
    }

    @Test
    void refuses_an_advance_to_another_provider_than_the_contracts() {
        signedContractWithFundCash();
        List<Object> fundBefore = stream(FUND);

        DomainException refusal = refusalOf(() -> commands.sendAndWait(advance(FUND, ProviderId.of("P-OTHER"), CONTRACT)));

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_VALUE);
        assertThat(refusal.field()).isEqualTo("providerId");
        assertThat(refusal.getMessage()).isEqualTo("contract C-HOUSING-FIRST-1 is signed with provider P-COOP-CASA, not P-OTHER");
        assertThat(stream(FUND)).isEqualTo(fundBefore);
    }

    @Test
    void refuses_an_advance_by_a_fund_under_another_funds_contract() {
        signedContractWithFundCash();
        FundId other = FundId.of("F-OTHER");
        commands.sendAndWait(new OpenFund(other, "Other Fund", EUR, "Fondazione per il Sociale", new BigDecimal("1.30")));

        DomainException refusal = refusalOf(() -> commands.sendAndWait(advance(other, ContractTestData.PROVIDER, CONTRACT)));

        assertThat(refusal.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(refusal.field()).isEqualTo("contractId");
        assertThat(refusal.getMessage()).isEqualTo("fund F-OTHER has no contract C-HOUSING-FIRST-1");
        assertThat(stream(other)).hasSize(1);
    }

    @Test
    void refuses_an_advance_under_a_closed_contract() {
        signedContractWithFundCash();
        commands.sendAndWait(closeContract(date("2025-01-31")));
        List<Object> fundBefore = stream(FUND);

        DomainException refusal = refusalOf(() -> commands.sendAndWait(advance(FUND, ContractTestData.PROVIDER, CONTRACT)));

        assertThat(refusal.code()).isEqualTo(ErrorCode.CONTRACT_CLOSED);
        assertThat(refusal.field()).isEqualTo("contractId");
        assertThat(stream(FUND)).isEqualTo(fundBefore);
    }

    @Test
    void the_funds_own_rules_still_apply_to_an_advance_under_its_contract() {
        signedContractWithFundCash();

        DomainException refusal = refusalOf(() -> commands.sendAndWait(new AdvanceWorkingCapital(FUND, "adv-1", ContractTestData.PROVIDER,
                CONTRACT, eur("10000.01"), date("2025-02-01"))));

        assertThat(refusal.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(refusal.field()).isEqualTo("amount");
    }

    // ---------------------------------------------------------------- approving

    @Test
    void approval_reserves_the_budget_and_approves_the_payment_in_one_unit_of_work() {
        verifiedOutcomeUnderBudget("50000");
        int fundEventsBefore = stream(FUND).size();

        Object approved = commands.sendAndWait(outcome.approve());

        assertThat(approved).isEqualTo(eur("3000.00"));
        assertThat(stream(FUND)).hasSize(fundEventsBefore + 1)
                .last().isEqualTo(new OutcomeBudgetReserved(FUND, BUDGET, CONTRACT, outcome.id(), eur("3000.00")));
        assertThat(stream(CONTRACT)).last().isEqualTo(outcome.approved("2", eur("1500"), ContractTestData.HOUSED_TARGETS));
        assertThat(remainingBudget()).isEqualTo(eur("47000.00"));
    }

    @Test
    void refuses_an_approval_beyond_the_payer_budget_and_appends_nothing() {
        verifiedOutcomeUnderBudget("2000");
        List<Object> contractBefore = stream(CONTRACT);
        List<Object> fundBefore = stream(FUND);

        DomainException refusal = refusalOf(() -> commands.sendAndWait(outcome.approve()));

        assertThat(refusal.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(stream(CONTRACT)).isEqualTo(contractBefore);
        assertThat(stream(FUND)).isEqualTo(fundBefore);
        assertThat(remainingBudget()).isEqualTo(eur("2000.00"));
    }

    @Test
    void refuses_an_approval_the_contract_forbids_without_touching_the_budget() {
        verifiedOutcomeUnderBudget("50000");
        List<Object> fundBefore = stream(FUND);

        DomainException refusal = refusalOf(() -> commands.sendAndWait(outcome.approve(VERIFIER)));

        assertThat(refusal.code()).isEqualTo(ErrorCode.FOUR_EYES_VIOLATION);
        assertThat(stream(CONTRACT)).last().isNotInstanceOf(OutcomePaymentApproved.class);
        assertThat(stream(FUND)).isEqualTo(fundBefore);
    }

    @Test
    void refuses_to_approve_under_a_contract_that_does_not_exist() {
        openFundWithBudget("50000");

        DomainException refusal = refusalOf(() -> commands.sendAndWait(outcome.approve(APPROVER)));

        assertThat(refusal.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(refusal.field()).isEqualTo("contractId");
    }

    // ---------------------------------------------------------------- executing and reversing

    @Test
    void execution_records_the_transfer_on_the_contract_and_the_payment_received_by_the_fund() {
        verifiedOutcomeUnderBudget("50000");
        commands.sendAndWait(outcome.approve());
        LocalDate valueDate = date("2025-06-10");

        commands.sendAndWait(outcome.execute("TRN-2025-0610-1", valueDate));

        assertThat(stream(CONTRACT)).last().isEqualTo(outcome.executed(eur("3000.00"), "TRN-2025-0610-1", valueDate));
        assertThat(stream(FUND)).last()
                .isEqualTo(new OutcomePaymentReceived(FUND, BUDGET, PAYER, CONTRACT, outcome.id(), eur("3000.00"), "TRN-2025-0610-1", valueDate));
    }

    @Test
    void still_executes_an_approved_payment_after_the_contract_is_closed() {
        verifiedOutcomeUnderBudget("50000");
        commands.sendAndWait(outcome.approve());
        commands.sendAndWait(closeContract(END));

        commands.sendAndWait(outcome.execute("TRN-2027-0115-1", date("2027-01-15")));

        assertThat(stream(CONTRACT)).contains(contractClosed(END))
                .last().isEqualTo(outcome.executed(eur("3000.00"), "TRN-2027-0115-1", date("2027-01-15")));
    }

    @Test
    void reversing_an_approved_payment_releases_the_reservation() {
        verifiedOutcomeUnderBudget("50000");
        commands.sendAndWait(outcome.approve());

        commands.sendAndWait(outcome.reverse("wrong beneficiary id", date("2025-06-01")));

        assertThat(stream(CONTRACT)).last()
                .isEqualTo(new OutcomePaymentReversed(CONTRACT, outcome.id(), FUND, eur("3000.00"), false, "wrong beneficiary id", date("2025-06-01"), APPROVER));
        assertThat(stream(FUND)).last()
                .isEqualTo(new OutcomeBudgetReleased(FUND, BUDGET, CONTRACT, outcome.id(), eur("3000.00"), "wrong beneficiary id"));
        assertThat(remainingBudget()).isEqualTo(eur("50000.00"));
    }

    @Test
    void reversing_an_executed_payment_refunds_the_payer() {
        verifiedOutcomeUnderBudget("50000");
        commands.sendAndWait(outcome.approve());
        commands.sendAndWait(outcome.execute("TRN-1", date("2025-06-10")));

        commands.sendAndWait(outcome.reverse("tenancy was not registered", date("2025-06-20")));

        assertThat(stream(CONTRACT)).last()
                .isEqualTo(new OutcomePaymentReversed(CONTRACT, outcome.id(), FUND, eur("3000.00"), true, "tenancy was not registered",
                        date("2025-06-20"), APPROVER));
        assertThat(stream(FUND)).last()
                .isEqualTo(new OutcomePaymentRefunded(FUND, BUDGET, PAYER, CONTRACT, outcome.id(), eur("3000.00"), "tenancy was not registered",
                        date("2025-06-20")));
        assertThat(remainingBudget()).isEqualTo(eur("50000.00"));
    }

    @Test
    void refuses_to_reverse_an_outcome_without_a_payment_and_appends_nothing() {
        verifiedOutcomeUnderBudget("50000");
        List<Object> contractBefore = stream(CONTRACT);
        List<Object> fundBefore = stream(FUND);

        DomainException refusal = refusalOf(() -> commands.sendAndWait(outcome.reverse("mistake", date("2025-06-01"))));

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(stream(CONTRACT)).isEqualTo(contractBefore);
        assertThat(stream(FUND)).isEqualTo(fundBefore);
    }
}
