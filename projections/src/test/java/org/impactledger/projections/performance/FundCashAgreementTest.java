package org.impactledger.projections.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.tuple;
import static org.impactledger.projections.state.LedgerHistory.eur;
import static org.impactledger.projections.state.LedgerHistory.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.impactledger.core.fund.Fund;
import org.impactledger.core.fund.event.CapitalCalled;
import org.impactledger.core.fund.event.CapitalCommitted;
import org.impactledger.core.fund.event.CapitalReceived;
import org.impactledger.core.fund.event.DistributionMade;
import org.impactledger.core.fund.event.DistributionShare;
import org.impactledger.core.fund.event.FundOpened;
import org.impactledger.core.fund.event.OutcomeBudgetCommitted;
import org.impactledger.core.fund.event.OutcomeBudgetReserved;
import org.impactledger.core.fund.event.OutcomePaymentReceived;
import org.impactledger.core.fund.event.OutcomePaymentRefunded;
import org.impactledger.core.fund.event.PropertyAcquisitionPaid;
import org.impactledger.core.fund.event.RentIncomeReceived;
import org.impactledger.core.fund.event.RentIncomeReversed;
import org.impactledger.core.fund.event.ValuationRecorded;
import org.impactledger.core.fund.event.WorkingCapitalAdvanced;
import org.impactledger.core.fund.query.FindFund;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.shared.ProviderId;
import org.impactledger.projections.report.ReportDatabases;
import org.impactledger.projections.report.ReportHistory;
import org.impactledger.projections.report.ReportViews;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.state.LedgerHistory;
import org.impactledger.projections.state.Recorded;
import org.impactledger.projections.state.StateViews;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fund performance's cash is the fund's cash: the figure the {@code Fund} aggregate keeps (folded
 * here from the events by the aggregate itself) and the fund state shows ({@code GET /api/funds/{id}}),
 * for a fund with both Outcome Fund flows and Homes4All flows, after every event ("as known at" each
 * recording time) and "as of" every value date.
 *
 * <p>Hand count, fund "fund-casa-mista" (EUR): paid in 300,000 (2026-01-30) + 200,000 (2026-03-02);
 * 50,000 advanced; two properties bought for 180,000 and 150,000; rent received 450 + 520 + 450 + 610,
 * of which one 450 reversed (rent income 1,580); outcome payments received 4,500 + 4,500, of which one
 * refunded; 20,000 distributed. Cash = 500,000 + 9,000 + 1,580 − 50,000 − 20,000 − 4,500 − 330,000 =
 * 106,080.
 */
class FundCashAgreementTest {

    static final FundId FUND = FundId.of("fund-casa-mista");
    static final InvestorId A = InvestorId.of("inv-fondazione");
    static final InvestorId B = InvestorId.of("inv-banca");
    static final BudgetId BUDGET = BudgetId.of("budget-comune");
    static final PayerId PAYER = PayerId.of("payer-comune-torino");
    static final ContractId CONTRACT = ContractId.of("contract-casa");
    static final PropertyId CIGNA = PropertyId.of("prop-cigna-14");
    static final PropertyId NIZZA = PropertyId.of("prop-nizza-150");
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    private static ReportViews views;
    private static StateViews state;
    private static List<Recorded> recorded;
    private static ReportHistory history;

    @BeforeAll
    static void database() {
        views = new ReportViews(ReportDatabases.postgres());
        state = new StateViews(ReportDatabases.postgres());
        recorded = mixedFund().events();
        history = ReportHistory.of(mixedFund());
    }

    @BeforeEach
    void empty() {
        views.reset();
        state.reset();
    }

    /** A fund with investors, an advance, outcome payments (one refunded), two property purchases and rent (one collection reversed). */
    static LedgerHistory mixedFund() {
        LedgerHistory h = new LedgerHistory();
        h.then(new FundOpened(FUND, "Fondo Casa e Esiti", "EUR", "Impact SGR", new BigDecimal("1.30")))
                .then(new CapitalCommitted(FUND, A, eur("600000"), eur("600000"), date("2026-01-10")))
                .then(new CapitalCommitted(FUND, B, eur("400000"), eur("400000"), date("2026-01-12")))
                .then(new CapitalCalled(FUND, "call-a", A, eur("300000"), date("2026-02-01")))
                .then(new CapitalCalled(FUND, "call-b", B, eur("200000"), date("2026-03-01")))
                .then(new CapitalReceived(FUND, "call-a", A, eur("300000"), date("2026-01-30"), "BNK-IN-A"))
                .then(new OutcomeBudgetCommitted(FUND, BUDGET, PAYER, eur("100000"), null, date("2026-02-05")))
                .then(new WorkingCapitalAdvanced(FUND, "adv-1", ProviderId.of("prov-coop-casa"), CONTRACT, eur("50000"), date("2026-02-10")))
                .then(new PropertyAcquisitionPaid(FUND, CIGNA, eur("180000"), date("2026-02-20")))
                .then(new CapitalReceived(FUND, "call-b", B, eur("200000"), date("2026-03-02"), "BNK-IN-B"))
                .then(new PropertyAcquisitionPaid(FUND, NIZZA, eur("150000"), date("2026-03-15"), null, "BNK-ACQ-NIZZA"))
                .then(rent(CIGNA, "L-A1", "rc-1", "2026-03", "450", "2026-03-05"))
                .then(rent(CIGNA, "L-A2", "rc-2", "2026-03", "520", "2026-03-06"))
                .then(new OutcomeBudgetReserved(FUND, BUDGET, CONTRACT, outcome("o-1"), eur("4500")))
                .then(new OutcomePaymentReceived(FUND, BUDGET, PAYER, CONTRACT, outcome("o-1"), eur("4500"), "BNK-O-1", date("2026-04-10")))
                .then(rent(CIGNA, "L-A1", "rc-3", "2026-04", "450", "2026-04-05"))
                .then(new RentIncomeReversed(FUND, CIGNA, LeaseId.of("L-A1"), "rc-3", "2026-04", eur("450"), "returned by the bank",
                        date("2026-04-20")))
                .then(new OutcomeBudgetReserved(FUND, BUDGET, CONTRACT, outcome("o-2"), eur("4500")))
                .then(new OutcomePaymentReceived(FUND, BUDGET, PAYER, CONTRACT, outcome("o-2"), eur("4500"), "BNK-O-2", date("2026-05-02")))
                .then(new OutcomePaymentRefunded(FUND, BUDGET, PAYER, CONTRACT, outcome("o-2"), eur("4500"), "tenancy failed",
                        date("2026-05-20")))
                .then(rent(NIZZA, "L-B1", "rc-4", "2026-05", "610", "2026-05-05"))
                .then(new DistributionMade(FUND, "dist-1", eur("20000"), date("2026-06-30"), List.of(
                        new DistributionShare(A, eur("12000"), eur("0")), new DistributionShare(B, eur("8000"), eur("0")))))
                .then(new ValuationRecorded(FUND, eur("480000"), date("2026-06-30"), "NAV: cash, properties at cost"));
        return h;
    }

    private static RentIncomeReceived rent(PropertyId property, String lease, String collection, String period, String amount, String paid) {
        return new RentIncomeReceived(FUND, property, LeaseId.of(lease), collection, period, eur(amount), date(paid), "SDD-" + collection);
    }

    private static LocalDate date(String value) {
        return LocalDate.parse(value);
    }

    private static BigDecimal performanceCash(LocalDate asOf, Instant knownAt) {
        return views.performanceQueries.handle(new FindFundPerformance(FUND, new TimeTravel(asOf, knownAt))).fundFlows().cash();
    }

    /** The cash of the {@code Fund} aggregate itself after these events of its stream, folded by its own event sourcing handlers. */
    static BigDecimal aggregateCash(List<Recorded> events) {
        AggregateModel<Fund> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Fund.class);
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(new GenericDomainEventMessage<>("Fund", FUND.value(), i, events.get(i).payload()));
        }
        try {
            Fund root = new GenericAggregateFactory<>(model).createAggregateRoot(FUND.value(), messages.get(0));
            EventSourcedAggregate<Fund> fund = EventSourcedAggregate.initialize(root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
            fund.initializeState(DomainEventStream.of(messages.stream()));
            return fund.invoke(Fund::cash).amount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value date on which an event moves cash, or {@code null} for an event that moves none. */
    private static LocalDate cashDate(Object event) {
        if (event instanceof CapitalReceived e) {
            return e.valueDate();
        }
        if (event instanceof WorkingCapitalAdvanced e) {
            return e.valueDate();
        }
        if (event instanceof OutcomePaymentReceived e) {
            return e.valueDate();
        }
        if (event instanceof OutcomePaymentRefunded e) {
            return e.valueDate();
        }
        if (event instanceof DistributionMade e) {
            return e.valueDate();
        }
        if (event instanceof PropertyAcquisitionPaid e) {
            return e.valueDate();
        }
        if (event instanceof RentIncomeReceived e) {
            return e.valueDate();
        }
        if (event instanceof RentIncomeReversed e) {
            return e.valueDate();
        }
        return null;
    }

    @Test
    void after_every_event_fund_performance_cash_equals_the_fund_aggregates_and_the_fund_states_cash() {
        for (int i = 0; i < recorded.size(); i++) {
            views.apply(history.events().get(i));
            state.apply(recorded.get(i));
            BigDecimal aggregate = aggregateCash(recorded.subList(0, i + 1));
            BigDecimal fundState = state.fundQueries.handle(new FindFund(FUND)).cash();
            Object event = recorded.get(i).payload();

            assertThat(fundState).as("fund state after %s", event).isEqualByComparingTo(aggregate);
            assertThat(performanceCash(null, LATER)).as("fund performance now, after %s", event).isEqualByComparingTo(aggregate);
            assertThat(performanceCash(null, recorded.get(i).timestamp())).as("fund performance as known at %s", event)
                    .isEqualByComparingTo(aggregate);
        }
        assertThat(performanceCash(null, LATER)).isEqualByComparingTo("106080.00");
    }

    @Test
    void as_known_at_each_earlier_recording_time_fund_performance_cash_is_the_aggregates_cash_then() {
        views.applyAll(history.events());
        for (int i = 0; i < recorded.size(); i++) {
            assertThat(performanceCash(null, recorded.get(i).timestamp())).as("as known after %s", recorded.get(i).payload())
                    .isEqualByComparingTo(aggregateCash(recorded.subList(0, i + 1)));
        }
    }

    @Test
    void as_of_every_value_date_fund_performance_cash_is_the_aggregates_cash_from_the_money_moved_by_then() {
        views.applyAll(history.events());
        TreeSet<LocalDate> dates = new TreeSet<>();
        recorded.stream().map(r -> cashDate(r.payload())).filter(d -> d != null).forEach(d -> {
            dates.add(d.minusDays(1));
            dates.add(d);
        });
        for (LocalDate asOf : dates) {
            List<Recorded> movedByThen = recorded.stream().filter(r -> cashDate(r.payload()) == null || !cashDate(r.payload()).isAfter(asOf))
                    .toList();
            assertThat(performanceCash(asOf, LATER)).as("as of %s", asOf).isEqualByComparingTo(aggregateCash(movedByThen));
        }
    }

    @Test
    void fund_flows_show_property_acquisitions_and_rent_income_net_of_reversals_beside_the_outcome_fund_flows() {
        views.applyAll(history.events());

        FundPerformance fund = views.performanceQueries.handle(new FindFundPerformance(FUND, new TimeTravel(null, LATER)));

        // rent 450 + 520 + 450 + 610 received − 450 reversed = 1,580
        assertThat(fund.fundFlows()).isEqualTo(new FundPerformance.FundFlows(new BigDecimal("50000.00"), new BigDecimal("9000.00"),
                new BigDecimal("4500.00"), new BigDecimal("330000.00"), new BigDecimal("1580.00"), new BigDecimal("106080.00")));
        // as of 2026-04-19: both flats bought, rent 450 + 520 + 450 (the reversal on 04-20 not yet), o-1's 4,500 received
        assertThat(views.performanceQueries.handle(new FindFundPerformance(FUND, new TimeTravel(date("2026-04-19"), LATER))).fundFlows())
                .isEqualTo(new FundPerformance.FundFlows(new BigDecimal("50000.00"), new BigDecimal("4500.00"), new BigDecimal("0.00"),
                        new BigDecimal("330000.00"), new BigDecimal("1420.00"), new BigDecimal("125920.00")));
    }

    /**
     * Rent is the fund's income and a property purchase the fund's investment: neither is an investor's
     * flow. The IRR stays over the investors' contributions, the distribution and the residual value
     * (which holds the properties and the rent), and is the XIRR of exactly the flows listed.
     */
    @Test
    void rent_and_property_purchases_are_no_irr_flows_the_irr_is_the_xirr_of_the_investors_flows_listed() {
        views.applyAll(history.events());

        FundPerformance fund = views.performanceQueries.handle(new FindFundPerformance(FUND, new TimeTravel(null, LATER)));

        assertThat(fund.cashFlows()).extracting(CashFlow::date, CashFlow::kind, CashFlow::amount).containsExactly(
                tuple(date("2026-01-30"), "CONTRIBUTION", new BigDecimal("-300000.00")),
                tuple(date("2026-03-02"), "CONTRIBUTION", new BigDecimal("-200000.00")),
                tuple(date("2026-06-30"), "DISTRIBUTION", new BigDecimal("20000.00")),
                tuple(date("2026-06-30"), "RESIDUAL_VALUE", new BigDecimal("480000.00")));
        assertThat(fund.irr().rate()).isCloseTo(IndependentXirr.of(fund.cashFlows()), within(new BigDecimal("0.000001")));
        // and each investor's own IRR is the XIRR of its own flows: its contribution, its share of the distribution, its part of the NAV
        for (InvestorId investor : List.of(A, B)) {
            InvestorPerformance own = views.performanceQueries.handle(new FindInvestorPerformance(FUND, investor, new TimeTravel(null, LATER)));
            assertThat(own.cashFlows()).allSatisfy(f -> assertThat(f.investorId()).isEqualTo(investor.value()));
            assertThat(own.irr().rate()).as("%s", investor)
                    .isCloseTo(IndependentXirr.of(own.cashFlows()), within(new BigDecimal("0.000001")));
        }
    }
}
