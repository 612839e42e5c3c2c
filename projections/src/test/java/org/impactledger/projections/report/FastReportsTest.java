package org.impactledger.projections.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.projections.state.LedgerHistory.BUDGET;
import static org.impactledger.projections.state.LedgerHistory.CONTRACT;
import static org.impactledger.projections.state.LedgerHistory.FUND;
import static org.impactledger.projections.state.LedgerHistory.OTHER_FUND;
import static org.impactledger.projections.state.LedgerHistory.PAYER;
import static org.impactledger.projections.state.LedgerHistory.PROVIDER;
import static org.impactledger.projections.state.LedgerHistory.SECOND_CONTRACT;
import static org.impactledger.projections.state.LedgerHistory.TRAINING;
import static org.impactledger.projections.state.LedgerHistory.eur;
import static org.impactledger.projections.state.LedgerHistory.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.impactledger.core.contract.PaymentRule;
import org.impactledger.core.contract.RateCardEntry;
import org.impactledger.core.contract.event.ContractSigned;
import org.impactledger.core.contract.event.OutcomePaymentApproved;
import org.impactledger.core.contract.event.OutcomePaymentExecuted;
import org.impactledger.core.contract.event.OutcomePaymentReversed;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.fund.event.CapitalReceived;
import org.impactledger.core.fund.event.OutcomeBudgetCommitted;
import org.impactledger.core.fund.event.OutcomeBudgetReleased;
import org.impactledger.core.fund.event.OutcomeBudgetReserved;
import org.impactledger.core.fund.event.OutcomePaymentReceived;
import org.impactledger.core.fund.event.PropertyAcquisitionPaid;
import org.impactledger.core.fund.event.RentIncomeReceived;
import org.impactledger.core.fund.event.RentIncomeReversed;
import org.impactledger.core.fund.event.WorkingCapitalAdvanced;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.projections.payments.ListOutcomePayments;
import org.impactledger.projections.payments.PaymentCursor;
import org.impactledger.projections.payments.PaymentPage;
import org.impactledger.projections.payments.PaymentSummary;
import org.impactledger.projections.performance.FindFundPerformance;
import org.impactledger.projections.performance.FundPerformance;
import org.impactledger.projections.state.LedgerHistory;
import org.impactledger.projections.support.MigrationScripts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fast answers of the payment audit list ({@code payment_audit_payment}, keyset cursor) and of
 * fund performance ({@code perf_flow_total}) are exactly the answers of the old way
 * ({@link org.impactledger.projections.payments.PaymentAuditQueries#groupedPayments},
 * {@link org.impactledger.projections.performance.FundPerformanceQueries#flowByFlowPerformance}), on
 * PostgreSQL, after every event of a history with re-approvals, back-dated business dates, two funds
 * and two payers, and at every point of both time axes; and the fast answers really come from the
 * new tables.
 */
class FastReportsTest {

    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");
    private static final ContractId BARI_CONTRACT = ContractId.of("contract-bari");
    private static final BudgetId BARI_BUDGET = BudgetId.of("budget-bari");
    private static final PayerId BARI_PAYER = PayerId.of("payer-comune-bari");
    private static final PropertyId BARI_FLAT = PropertyId.of("prop-bari-liberta-7");
    private static final LeaseId BARI_LEASE = LeaseId.of("L-BARI-1");

    private static ReportViews views;
    private static List<TrackedEventMessage<?>> events;

    @BeforeAll
    static void database() {
        views = new ReportViews(ReportDatabases.postgres());
        events = history().events();
    }

    @BeforeEach
    void empty() {
        views.reset();
    }

    /**
     * The shared outcome-fund history, then: o-2 approved again after its reversal; o-7 of the
     * training contract approved on business date 2026-12-01, reversed, approved again back-dated to
     * 2026-06-01 (so "as of" June its first approval in bounds is the second one); a contract of the
     * other fund with another payer and budget, two paid outcomes, an advance and a contribution; and a
     * flat the other fund buys, with rent collected for two months, the first collection reversed.
     */
    static ReportHistory history() {
        ReportHistory h = ReportHistory.of(LedgerHistory.outcomeFund());
        h.on("2026-09-01").then(approval(CONTRACT, FUND, BUDGET, PAYER, "o-2", "ben-2", "800"))
                .then(new OutcomeBudgetReserved(FUND, BUDGET, CONTRACT, outcome("o-2"), eur("800")));
        h.on("2026-11-20").then(report(SECOND_CONTRACT, FUND, "o-7", "ben-7"))
                .on("2026-12-01").then(approval(SECOND_CONTRACT, FUND, BUDGET, PAYER, "o-7", "ben-7", "300"))
                .then(new OutcomeBudgetReserved(FUND, BUDGET, SECOND_CONTRACT, outcome("o-7"), eur("300")))
                .then(new OutcomePaymentReversed(SECOND_CONTRACT, outcome("o-7"), FUND, eur("300"), false, "wrong period",
                        LocalDate.parse("2026-12-02"), "payer-carla"))
                .then(new OutcomeBudgetReleased(FUND, BUDGET, SECOND_CONTRACT, outcome("o-7"), eur("300"), "wrong period"))
                .on("2026-06-01").then(approval(SECOND_CONTRACT, FUND, BUDGET, PAYER, "o-7", "ben-7", "300"))
                .then(new OutcomeBudgetReserved(FUND, BUDGET, SECOND_CONTRACT, outcome("o-7"), eur("300")));
        h.on("2026-10-01").then(new OutcomeBudgetCommitted(OTHER_FUND, BARI_BUDGET, BARI_PAYER, eur("90000"), null, LocalDate.parse("2026-10-01")))
                .then(new ContractSigned(BARI_CONTRACT, OTHER_FUND, PROVIDER, BARI_BUDGET, BARI_PAYER, "Formazione Bari",
                        LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"), eur("40000"), List.of(
                        new RateCardEntry(TRAINING, "Hour of certified training", eur("300"), List.of("4.4"),
                                PaymentRule.ONCE_PER_BENEFICIARY_PER_PERIOD))))
                .then(new CapitalReceived(OTHER_FUND, "call-b", InvestorId.of("inv-bari"), eur("70000"), LocalDate.parse("2026-10-02"), "BNK-B-1"))
                .then(new WorkingCapitalAdvanced(OTHER_FUND, "adv-b", PROVIDER, BARI_CONTRACT, eur("5000"), LocalDate.parse("2026-10-03")));
        for (String o : List.of("o-1", "o-2")) {
            h.on("2026-10-10").then(report(BARI_CONTRACT, OTHER_FUND, o, "ben-b" + o))
                    .then(approval(BARI_CONTRACT, OTHER_FUND, BARI_BUDGET, BARI_PAYER, o, "ben-b" + o, "300"))
                    .then(new OutcomeBudgetReserved(OTHER_FUND, BARI_BUDGET, BARI_CONTRACT, outcome(o), eur("300")))
                    .then(new OutcomePaymentExecuted(BARI_CONTRACT, outcome(o), OTHER_FUND, eur("300"), "BNK-B-" + o,
                            LocalDate.parse("2026-10-20"), "treasurer-bruno"))
                    .then(new OutcomePaymentReceived(OTHER_FUND, BARI_BUDGET, BARI_PAYER, BARI_CONTRACT, outcome(o), eur("300"),
                            "BNK-B-" + o, LocalDate.parse("2026-10-20")));
        }
        // Homes4All flows of the same fund: a flat bought, rent for two months, the first collection reversed
        h.on("2026-11-01").then(new PropertyAcquisitionPaid(OTHER_FUND, BARI_FLAT, eur("40000"), LocalDate.parse("2026-10-05")))
                .then(new RentIncomeReceived(OTHER_FUND, BARI_FLAT, BARI_LEASE, "rc-b1", "2026-11", eur("350"), LocalDate.parse("2026-11-05"),
                        "SDD-B-1"))
                .then(new RentIncomeReversed(OTHER_FUND, BARI_FLAT, BARI_LEASE, "rc-b1", "2026-11", eur("350"), "returned by the bank",
                        LocalDate.parse("2026-11-20")))
                .then(new RentIncomeReceived(OTHER_FUND, BARI_FLAT, BARI_LEASE, "rc-b2", "2026-12", eur("350"), LocalDate.parse("2026-12-03"),
                        "SDD-B-2"));
        return h;
    }

    private static OutcomeReported report(ContractId contract, FundId fund, String outcomeId, String beneficiary) {
        return new OutcomeReported(contract, fund, outcome(outcomeId), BeneficiaryId.of(beneficiary), TRAINING, "2026-Q4",
                LocalDate.parse("2026-10-05"), BigDecimal.ONE, "s3://evidence/" + outcomeId + ".pdf",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "provider-dario");
    }

    private static OutcomePaymentApproved approval(ContractId contract, FundId fund, BudgetId budget, PayerId payer, String outcomeId,
                                                   String beneficiary, String amount) {
        Money price = eur(amount);
        return new OutcomePaymentApproved(contract, outcome(outcomeId), fund, budget, payer, BeneficiaryId.of(beneficiary), TRAINING,
                "2026-Q4", LocalDate.parse("2026-10-05"), BigDecimal.ONE, price, price, List.of("4.4"), "payer-carla");
    }

    /** The list's filters: none, each fund, a contract, each payer. */
    private static List<ListOutcomePayments> lists(int page, int size, TimeTravel time) {
        return List.of(new ListOutcomePayments(null, null, null, page, size, time),
                new ListOutcomePayments(FUND, null, null, page, size, time),
                new ListOutcomePayments(OTHER_FUND, null, null, page, size, time),
                new ListOutcomePayments(null, SECOND_CONTRACT, null, page, size, time),
                new ListOutcomePayments(null, null, PAYER, page, size, time),
                new ListOutcomePayments(FUND, null, BARI_PAYER, page, size, time));
    }

    private static void samePayments(ListOutcomePayments query) {
        assertThat(views.auditQueries.handle(query)).as("%s", query).isEqualTo(views.auditQueries.groupedPayments(query));
    }

    private static void samePerformance(FindFundPerformance query) {
        assertThat(views.performanceQueries.handle(query)).as("%s", query).isEqualTo(views.performanceQueries.flowByFlowPerformance(query));
    }

    @Test
    void after_every_event_the_fast_payment_list_and_fund_performance_equal_the_old_answers() {
        for (TrackedEventMessage<?> event : events) {
            views.apply(event);
            for (TimeTravel time : List.of(new TimeTravel(null, LATER), new TimeTravel(null, event.getTimestamp()),
                    new TimeTravel(LocalDate.parse("2026-06-01"), LATER), new TimeTravel(LocalDate.parse("2026-10-10"), event.getTimestamp()),
                    new TimeTravel(LocalDate.parse("2026-12-01"), LATER))) {
                for (int[] pageAndSize : new int[][] {{0, 50}, {1, 2}}) {
                    lists(pageAndSize[0], pageAndSize[1], time).forEach(FastReportsTest::samePayments);
                }
                for (FundId fund : List.of(FUND, OTHER_FUND)) {
                    samePerformance(new FindFundPerformance(fund, time));
                }
            }
        }
        PaymentPage all = views.auditQueries.handle(new ListOutcomePayments(null, null, null, 0, 50, new TimeTravel(null, LATER)));
        assertThat(all.total()).isEqualTo(7);
        assertThat(all.nextCursor()).isNull();
        assertThat(views.performanceQueries.handle(new FindFundPerformance(OTHER_FUND, new TimeTravel(null, LATER))).fundFlows().cash())
                .isEqualByComparingTo("25950.00");
    }

    @Test
    void along_both_time_axes_every_page_and_report_equals_the_old_answer() {
        views.applyAll(events);
        TreeSet<LocalDate> dates = new TreeSet<>();
        views.jdbc.sql("SELECT DISTINCT business_date FROM perf_flow").query(LocalDate.class).list().forEach(dates::add);
        for (LocalDate date : dates) {
            for (FundId fund : List.of(FUND, OTHER_FUND)) {
                samePerformance(new FindFundPerformance(fund, new TimeTravel(date.minusDays(1), LATER)));
                samePerformance(new FindFundPerformance(fund, new TimeTravel(date, LATER)));
            }
        }
        List<LocalDate> asOfs = new ArrayList<>();
        asOfs.add(null);
        asOfs.addAll(List.of(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-05-31"), LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-10-09"), LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-19"), LocalDate.parse("2026-11-30"),
                LocalDate.parse("2026-12-01"), dates.last()));
        for (TrackedEventMessage<?> event : events) {
            Instant at = event.getTimestamp().truncatedTo(ChronoUnit.MICROS);
            // the fast list answers every knownAt without asOf: around each approval, just before, at and just after it
            List<Instant> knownAts = event.getPayload() instanceof OutcomePaymentApproved
                    ? List.of(at.minusNanos(1000), at, at.plusNanos(1000)) : List.of(at);
            for (Instant knownAt : knownAts) {
                TimeTravel time = new TimeTravel(null, knownAt);
                lists(0, 2, time).forEach(FastReportsTest::samePayments);
                lists(1, 2, time).forEach(FastReportsTest::samePayments);
            }
            for (LocalDate asOf : asOfs) {
                for (FundId fund : List.of(FUND, OTHER_FUND)) {
                    samePerformance(new FindFundPerformance(fund, new TimeTravel(asOf, at)));
                }
                if (asOf != null) {
                    // the dated list answers every asOf and knownAt: o-7's approval back-dated to June has no date, its steps decide
                    for (Instant knownAt : knownAts) {
                        lists(0, 2, new TimeTravel(asOf, knownAt)).forEach(FastReportsTest::samePayments);
                        lists(1, 2, new TimeTravel(asOf, knownAt)).forEach(FastReportsTest::samePayments);
                    }
                }
            }
        }
    }

    @Test
    void the_migration_sums_the_months_of_flows_recorded_before_it_as_the_projection_does() {
        String insert = MigrationScripts.statements("V209__perf_flow_periods.sql", "INSERT").get(0);
        ReportViews h2 = new ReportViews(ReportDatabases.h2("perf_periods_migration"));
        h2.reset();
        for (ReportViews on : List.of(views, h2)) {
            on.applyAll(events);
            String all = "SELECT * FROM perf_flow_period ORDER BY fund_id, period_start, kind, contract_id, budget_id, payer_id";
            List<Map<String, Object>> periods = on.jdbc.sql(all).query().listOfRows();
            assertThat(periods).hasSizeGreaterThan(3);
            on.jdbc.sql("DELETE FROM perf_flow_period").update();
            on.jdbc.sql(insert).update();
            assertThat(on.jdbc.sql(all).query().listOfRows()).isEqualTo(periods);
        }
    }

    @Test
    void walking_the_list_with_the_cursor_gives_the_pages_that_page_numbers_give() {
        views.applyAll(events);
        for (TimeTravel time : List.of(new TimeTravel(null, LATER), new TimeTravel(LocalDate.parse("2026-11-30"), LATER))) {
            for (int size : new int[] {1, 2, 3}) {
                for (ListOutcomePayments first : lists(0, size, time)) {
                    List<PaymentSummary> byNumber = new ArrayList<>();
                    for (int page = 0; ; page++) {
                        PaymentPage p = views.auditQueries.handle(new ListOutcomePayments(first.fundId(), first.contractId(), first.payerId(), page,
                                size, time));
                        byNumber.addAll(p.items());
                        if (p.items().size() < size) {
                            break;
                        }
                    }
                    List<PaymentSummary> byCursor = new ArrayList<>();
                    PaymentCursor after = null;
                    int pages = 0;
                    do {
                        ListOutcomePayments query = new ListOutcomePayments(first.fundId(), first.contractId(), first.payerId(), 0, size, time,
                                after);
                        PaymentPage p = views.auditQueries.handle(query);
                        assertThat(p).isEqualTo(views.auditQueries.groupedPayments(query));
                        byCursor.addAll(p.items());
                        after = p.nextCursor() == null ? null : PaymentCursor.decode(p.nextCursor());
                        assertThat(++pages).isLessThan(20);
                    } while (after != null);
                    assertThat(byCursor).as("%s", first).isEqualTo(byNumber);
                }
            }
        }
        List<PaymentSummary> all = views.auditQueries.handle(new ListOutcomePayments(null, null, null, 0, 50, new TimeTravel(null, LATER))).items();
        assertThat(all).hasSize(7);
    }

    @Test
    void the_fast_answers_come_from_the_new_tables() {
        views.applyAll(events);
        TimeTravel now = new TimeTravel(null, LATER);
        ListOutcomePayments list = new ListOutcomePayments(null, null, null, 0, 50, now);
        FindFundPerformance performance = new FindFundPerformance(OTHER_FUND, now);
        PaymentPage listed = views.auditQueries.handle(list);
        FundPerformance reported = views.performanceQueries.handle(performance);

        // changed behind the projections' backs: the old way sees it, the fast way reads its own tables
        views.jdbc.sql("UPDATE payment_audit_step SET step = 'VERIFIED' WHERE step = 'APPROVED' AND contract_id = 'contract-bari'").update();
        views.jdbc.sql("UPDATE perf_flow SET amount = amount + 1 WHERE kind = 'OUTCOME_PAYMENT_RECEIVED' AND fund_id = 'fund-bari'").update();
        // and one contract's count, read for the total as long as knownAt covers it
        views.jdbc.sql("UPDATE payment_audit_count SET payments = payments + 10 WHERE contract_id = 'contract-training'").update();
        assertThat(views.auditQueries.handle(new ListOutcomePayments(null, SECOND_CONTRACT, null, 0, 50, now)).total()).isEqualTo(12);
        views.jdbc.sql("UPDATE payment_audit_count SET payments = payments - 10 WHERE contract_id = 'contract-training'").update();

        assertThat(views.auditQueries.handle(list).total()).isEqualTo(listed.total()).isEqualTo(7);
        assertThat(views.auditQueries.groupedPayments(list).total()).isEqualTo(5);
        assertThat(views.performanceQueries.handle(performance)).isEqualTo(reported);
        assertThat(views.performanceQueries.flowByFlowPerformance(performance).fundFlows().outcomePaymentsReceived())
                .isEqualByComparingTo("602.00");
        // a question the new tables cannot answer goes the old way
        TimeTravel earlier = new TimeTravel(LocalDate.parse("2026-10-15"), LATER);
        assertThat(views.performanceQueries.handle(new FindFundPerformance(OTHER_FUND, earlier)))
                .isEqualTo(views.performanceQueries.flowByFlowPerformance(new FindFundPerformance(OTHER_FUND, earlier)));
        // as of a past date, the dated list reads the payments' dates and the counts per date, not the (changed) steps
        ListOutcomePayments dated = new ListOutcomePayments(null, null, null, 0, 50, earlier);
        assertThat(views.auditQueries.groupedPayments(dated).total()).isEqualTo(5);
        assertThat(views.auditQueries.handle(dated).total()).isEqualTo(7);
        views.jdbc.sql("UPDATE payment_audit_day SET payments = payments + 10 WHERE scope_kind = 'ALL' AND approved_on = '2026-10-10'").update();
        assertThat(views.auditQueries.handle(dated).total()).isEqualTo(17);

        // as of a past date, as known now, the months before the asOf's are read as perf_flow_period's sums, which the change missed
        FindFundPerformance december = new FindFundPerformance(OTHER_FUND, new TimeTravel(LocalDate.parse("2026-12-15"), LATER));
        assertThat(views.performanceQueries.handle(december).fundFlows().outcomePaymentsReceived()).isEqualByComparingTo("600.00");
        assertThat(views.performanceQueries.flowByFlowPerformance(december).fundFlows().outcomePaymentsReceived())
                .isEqualByComparingTo("602.00");
    }
}
