package org.impactledger.core.housing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.impactledger.core.housing.HousingTestData.ACQUIRED;
import static org.impactledger.core.housing.HousingTestData.ADDRESS;
import static org.impactledger.core.housing.HousingTestData.FUND;
import static org.impactledger.core.housing.HousingTestData.PROPERTY;
import static org.impactledger.core.housing.HousingTestData.acquire;
import static org.impactledger.core.housing.HousingTestData.acquired;
import static org.impactledger.core.housing.HousingTestData.date;
import static org.impactledger.core.housing.HousingTestData.eur;
import static org.impactledger.core.housing.HousingTestData.lease;

import java.math.BigDecimal;
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
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.Repository;
import org.impactledger.core.fund.Fund;
import org.impactledger.core.fund.command.CallCapital;
import org.impactledger.core.fund.command.CommitCapital;
import org.impactledger.core.fund.command.Distribute;
import org.impactledger.core.fund.command.OpenFund;
import org.impactledger.core.fund.command.ReceiveCapital;
import org.impactledger.core.fund.NrrpTag;
import org.impactledger.core.fund.event.PropertyAcquisitionPaid;
import org.impactledger.core.fund.event.RentIncomeReceived;
import org.impactledger.core.fund.event.RentIncomeReversed;
import org.impactledger.core.housing.HousingTestData.LeaseSpec;
import org.impactledger.core.housing.command.AcquireProperty;
import org.impactledger.core.housing.command.CollectRent;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handler against the real property and fund aggregates on an in-memory event store: what the
 * two streams hold after each command, and that a refusal on either side appends nothing to either.
 * Wired by hand with the Axon parts {@code DefaultConfigurer} would assemble, as
 * {@code OutcomePaymentHandlerTest} is.
 */
class HousingFundHandlerTest {

    private EventStore eventStore;
    private Repository<Fund> funds;
    private CommandGateway commands;

    private final LeaseSpec lease = lease("L-1");

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        CommandBus commandBus = SimpleCommandBus.builder().build();
        Repository<Property> properties = EventSourcingRepository.builder(Property.class).eventStore(eventStore).build();
        funds = EventSourcingRepository.builder(Fund.class).eventStore(eventStore).build();
        AggregateAnnotationCommandHandler.<Property>builder().aggregateType(Property.class).repository(properties).build().subscribe(commandBus);
        AggregateAnnotationCommandHandler.<Fund>builder().aggregateType(Fund.class).repository(funds).build().subscribe(commandBus);
        new AnnotationCommandHandlerAdapter<>(new HousingFundHandler(properties, funds)).subscribe(commandBus);
        commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    /** The housing fund with {@code paidIn} of investor capital in cash. */
    private void fundWithCash(String paidIn) {
        InvestorId investor = InvestorId.of("inv-fondazione");
        commands.sendAndWait(new OpenFund(FUND, "Homes4All Torino", "EUR", "Homes4All SGR", new BigDecimal("1.20")));
        commands.sendAndWait(new CommitCapital(FUND, investor, eur(paidIn), date("2025-01-02")));
        commands.sendAndWait(new CallCapital(FUND, "call-1", investor, eur(paidIn), date("2025-01-10")));
        commands.sendAndWait(new ReceiveCapital(FUND, "call-1", eur(paidIn), date("2025-01-09"), "SEPA-CALL-1"));
    }

    /** Fund with 500,000.00, the property bought for 420,000.00, lease L-1 signed and March charged (400.00). */
    private void marchCharged() {
        fundWithCash("500000.00");
        commands.sendAndWait(acquire());
        commands.sendAndWait(lease.sign());
        commands.sendAndWait(lease.charge("2025-03"));
    }

    private List<Object> stream(Object aggregateId) {
        return eventStore.readEvents(aggregateId.toString()).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    private Money cash() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return funds.load(FUND.value()).invoke(Fund::cash);
        } finally {
            unitOfWork.rollback();
        }
    }

    private static DomainException refusalOf(Runnable command) {
        Throwable thrown = catchThrowable(command::run);
        assertThat(thrown).isInstanceOf(DomainException.class);
        return (DomainException) thrown;
    }

    // ---------------------------------------------------------------- acquiring

    @Test
    void acquires_the_property_and_pays_for_it_from_fund_cash_in_one_unit_of_work() {
        fundWithCash("500000.00");

        Object id = commands.sendAndWait(acquire());

        assertThat(id).isEqualTo(PROPERTY);
        assertThat(stream(PROPERTY)).containsExactly(acquired());
        assertThat(stream(FUND)).last().isEqualTo(new PropertyAcquisitionPaid(FUND, PROPERTY, eur("420000.00"), ACQUIRED));
        assertThat(cash()).isEqualTo(eur("80000.00"));
    }

    @Test
    void an_nrrp_funded_acquisition_carries_the_cup_upper_cased_the_measure_and_the_bank_reference() {
        fundWithCash("500000.00");
        AcquireProperty funded = new AcquireProperty(PROPERTY, FUND, ADDRESS, "6", eur("420000.00"), ACQUIRED, HousingTestData.units(),
                new NrrpTag("c17h21000270001", "M5C2I2.3"), " BONIF-H4A-1 ");

        commands.sendAndWait(funded);

        assertThat(stream(FUND)).last().isEqualTo(new PropertyAcquisitionPaid(FUND, PROPERTY, eur("420000.00"), ACQUIRED,
                new NrrpTag("C17H21000270001", "M5C2I2.3"), "BONIF-H4A-1"));
    }

    @Test
    void refuses_a_malformed_cup_or_an_unknown_measure_and_appends_nothing_to_either_stream() {
        fundWithCash("500000.00");
        List<Object> fundBefore = stream(FUND);

        DomainException badCup = refusalOf(() -> commands.sendAndWait(new AcquireProperty(PROPERTY, FUND, ADDRESS, "6", eur("420000.00"),
                ACQUIRED, HousingTestData.units(), new NrrpTag("C17H2100027", "M5C2I2.3"), null)));
        DomainException badMeasure = refusalOf(() -> commands.sendAndWait(new AcquireProperty(PROPERTY, FUND, ADDRESS, "6", eur("420000.00"),
                ACQUIRED, HousingTestData.units(), new NrrpTag("C17H21000270001", "M9C9I9.9"), null)));

        assertThat(badCup.code()).isEqualTo(ErrorCode.INVALID_VALUE);
        assertThat(badCup.field()).isEqualTo("nrrp.cup");
        assertThat(badMeasure.field()).isEqualTo("nrrp.measure");
        assertThat(stream(PROPERTY)).isEmpty();
        assertThat(stream(FUND)).isEqualTo(fundBefore);
    }

    @Test
    void refuses_an_acquisition_for_a_fund_that_does_not_exist() {
        DomainException refusal = refusalOf(() -> commands.sendAndWait(acquire()));

        assertThat(refusal.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(refusal.field()).isEqualTo("fundId");
        assertThat(refusal.getMessage()).isEqualTo("no fund F-HOMES4ALL");
        assertThat(stream(PROPERTY)).isEmpty();
    }

    @Test
    void refuses_a_price_beyond_fund_cash_and_appends_nothing_to_either_stream() {
        fundWithCash("400000.00");
        List<Object> fundBefore = stream(FUND);

        DomainException refusal = refusalOf(() -> commands.sendAndWait(acquire()));

        assertThat(refusal.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(refusal.field()).isEqualTo("acquisitionPrice");
        assertThat(refusal.getMessage()).isEqualTo("acquisition price of 420000.00 EUR exceeds the fund's available cash of 400000.00 EUR");
        assertThat(stream(PROPERTY)).isEmpty();
        assertThat(stream(FUND)).isEqualTo(fundBefore);
    }

    @Test
    void after_a_refused_acquisition_the_same_property_id_can_be_acquired() {
        fundWithCash("400000.00");
        refusalOf(() -> commands.sendAndWait(acquire()));
        AcquireProperty cheaper = new AcquireProperty(PROPERTY, FUND, ADDRESS, "6", eur("390000.00"), ACQUIRED, HousingTestData.units());

        commands.sendAndWait(cheaper);

        assertThat(stream(PROPERTY)).hasSize(1);
        assertThat(cash()).isEqualTo(eur("10000.00"));
    }

    @Test
    void refuses_a_price_in_another_currency_than_the_fund() {
        fundWithCash("500000.00");
        AcquireProperty inFrancs = new AcquireProperty(PROPERTY, FUND, ADDRESS, "6", Money.of("420000.00", "CHF"), ACQUIRED,
                List.of(HousingTestData.unit(HousingTestData.U1, "48.50", 2, Money.of("620.00", "CHF"))));

        DomainException refusal = refusalOf(() -> commands.sendAndWait(inFrancs));

        assertThat(refusal.code()).isEqualTo(ErrorCode.CURRENCY_MISMATCH);
        assertThat(refusal.field()).isEqualTo("acquisitionPrice");
        assertThat(stream(PROPERTY)).isEmpty();
    }

    @Test
    void refuses_an_unknown_district_before_any_money_moves() {
        fundWithCash("500000.00");
        List<Object> fundBefore = stream(FUND);

        DomainException refusal = refusalOf(() -> commands.sendAndWait(acquire("9", HousingTestData.units())));

        assertThat(refusal.code()).isEqualTo(ErrorCode.UNKNOWN_CODE);
        assertThat(refusal.field()).isEqualTo("district");
        assertThat(stream(PROPERTY)).isEmpty();
        assertThat(stream(FUND)).isEqualTo(fundBefore);
    }

    @Test
    void refuses_a_property_id_that_already_exists() {
        fundWithCash("900000.00");
        commands.sendAndWait(acquire());

        DomainException refusal = refusalOf(() -> commands.sendAndWait(acquire()));

        assertThat(refusal.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(refusal.field()).isEqualTo("propertyId");
        assertThat(refusal.getMessage()).isEqualTo("property P-VIA-CIGNA-14 already exists");
        assertThat(stream(PROPERTY)).hasSize(1);
        assertThat(cash()).isEqualTo(eur("480000.00"));
    }

    // ---------------------------------------------------------------- rent

    @Test
    void rent_collected_is_recorded_on_the_lease_and_reaches_fund_cash() {
        marchCharged();

        Object outstanding = commands.sendAndWait(lease.collect("C-1", "2025-03", "250.00", "2025-03-05"));

        assertThat(outstanding).isEqualTo(eur("150.00"));
        assertThat(stream(PROPERTY)).last().isEqualTo(lease.collected("C-1", "2025-03", "250.00", "2025-03-05", "150.00"));
        assertThat(stream(FUND)).last().isEqualTo(new RentIncomeReceived(FUND, PROPERTY, lease.id(), "C-1", "2025-03", eur("250.00"),
                date("2025-03-05"), "SEPA-C-1"));
        assertThat(cash()).isEqualTo(eur("80250.00"));
    }

    @Test
    void refuses_rent_beyond_what_is_outstanding_and_appends_nothing() {
        marchCharged();
        List<Object> propertyBefore = stream(PROPERTY);
        List<Object> fundBefore = stream(FUND);

        DomainException refusal = refusalOf(() -> commands.sendAndWait(lease.collect("C-1", "2025-03", "400.01", "2025-03-05")));

        assertThat(refusal.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(refusal.field()).isEqualTo("amount");
        assertThat(stream(PROPERTY)).isEqualTo(propertyBefore);
        assertThat(stream(FUND)).isEqualTo(fundBefore);
    }

    @Test
    void refuses_rent_for_a_property_that_does_not_exist() {
        fundWithCash("500000.00");

        DomainException refusal = refusalOf(() -> commands.sendAndWait(new CollectRent(PropertyId.of("P-NOWHERE"), lease.id(), "C-1",
                "2025-03", eur("400.00"), date("2025-03-05"), "SEPA-1")));

        assertThat(refusal.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(refusal.field()).isEqualTo("propertyId");
        assertThat(refusal.getMessage()).isEqualTo("no property P-NOWHERE");
    }

    @Test
    void a_reversed_collection_is_outstanding_again_and_leaves_fund_cash() {
        marchCharged();
        commands.sendAndWait(lease.collect("C-1", "2025-03", "400.00", "2025-03-05"));

        Object outstanding = commands.sendAndWait(lease.reverse("C-1", "returned by the bank", "2025-03-20"));

        assertThat(outstanding).isEqualTo(eur("400.00"));
        assertThat(stream(PROPERTY)).last().isEqualTo(lease.reversed("C-1", "2025-03", "400.00", "returned by the bank", "2025-03-20", "400.00"));
        assertThat(stream(FUND)).last().isEqualTo(new RentIncomeReversed(FUND, PROPERTY, lease.id(), "C-1", "2025-03", eur("400.00"),
                "returned by the bank", date("2025-03-20")));
        assertThat(cash()).isEqualTo(eur("80000.00"));
    }

    @Test
    void refuses_a_reversal_fund_cash_cannot_cover_and_the_collection_stays_unreversed() {
        marchCharged();
        commands.sendAndWait(lease.collect("C-1", "2025-03", "400.00", "2025-03-05"));
        commands.sendAndWait(new Distribute(FUND, "dist-1", eur("80200.00"), date("2025-03-10")));
        List<Object> propertyBefore = stream(PROPERTY);

        DomainException refusal = refusalOf(() -> commands.sendAndWait(lease.reverse("C-1", "returned by the bank", "2025-03-20")));

        assertThat(refusal.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(refusal.field()).isEqualTo("collectionId");
        assertThat(stream(PROPERTY)).isEqualTo(propertyBefore);
        assertThat(cash()).isEqualTo(eur("200.00"));
    }
}
