package org.impactledger.projections.nrrp;

import javax.sql.DataSource;
import org.impactledger.projections.support.ProjectionTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.impactledger.core.fund.NrrpTag;
import org.impactledger.core.fund.event.OutcomeBudgetCommitted;
import org.impactledger.core.fund.event.OutcomePaymentReceived;
import org.impactledger.core.fund.event.OutcomePaymentRefunded;
import org.impactledger.core.nrrp.event.BankEntryMatched;
import org.impactledger.core.nrrp.event.BankEntryRecorded;
import org.impactledger.core.nrrp.event.BankEntryUnmatched;
import org.impactledger.core.nrrp.event.NrrpExpenditureReported;
import org.impactledger.core.nrrp.event.NrrpFundsAllocated;
import org.impactledger.core.nrrp.event.NrrpProjectRegistered;
import org.impactledger.core.shared.BankStatementId;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpProjectId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Discrepancy;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Kind;
import org.impactledger.projections.report.TimeTravel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The {@code nrrp} projection on the real PostgreSQL, in a schema of its own: redelivery and a
 * rebuild give the same rows, and the report answers as of a business date and as known at an
 * instant, with manual decisions overriding the automatic matches.
 */
class NrrpProjectionTest {

    private static final ProjectionTestDatabase DATABASE = new ProjectionTestDatabase("proj_nrrp_test");
    private static final String CUP = "C11H22000110001";
    private static final Instant START = Instant.parse("2026-01-01T08:00:00Z");
    private static final BankStatementId STATEMENT = BankStatementId.of("STMT-1");

    private static DataSource dataSource;
    private static JdbcClient jdbc;
    private static NrrpProjection projection;
    private static NrrpReconciliationQueries queries;
    private static AnnotationEventHandlerAdapter adapter;

    private final List<EventMessage<?>> events = new ArrayList<>();
    private Instant clock = START;

    @BeforeAll
    static void database() {
        dataSource = DATABASE.postgres();
        jdbc = JdbcClient.create(dataSource);
        projection = new NrrpProjection(jdbc, new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource));
        queries = new NrrpReconciliationQueries(jdbc, new NrrpReconciler(jdbc), null, false);
        adapter = new AnnotationEventHandlerAdapter(projection);
    }

    @BeforeEach
    void empty() {
        projection.reset();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private EventMessage<?> then(String aggregateId, long seq, Object payload) {
        EventMessage<?> message = new GenericDomainEventMessage<>("Test", aggregateId, seq, payload,
                MetaData.with("businessDate", "2026-01-01"), "evt-" + (events.size() + 1), clock);
        events.add(message);
        clock = clock.plus(Duration.ofMinutes(1));
        return message;
    }

    private void history() {
        NrrpProjectId project = NrrpProjectId.of(CUP + ":HF-1:M5C2I1.03.00");
        then("fund", 0, new OutcomeBudgetCommitted(FundId.of("fund"), BudgetId.of("b"), PayerId.of("city"), eur("50000.00"),
                new NrrpTag(CUP, "M5C2I1.3"), LocalDate.parse("2026-01-15")));
        then(project.value(), 0, new NrrpProjectRegistered(project, CUP, "HF-1", "M5C2I1.03.00", "Housing First", "EUR"));
        then(project.value(), 1, new NrrpFundsAllocated(project, CUP, "M5C2I1.03.00", "A-1", eur("10000.00"), "DM 1/2022",
                LocalDate.parse("2022-05-12")));
        then("fund", 1, new OutcomePaymentReceived(FundId.of("fund"), BudgetId.of("b"), PayerId.of("city"), ContractId.of("c"),
                OutcomeId.of("o-1"), eur("4500.00"), "REF-1", LocalDate.parse("2026-10-05")));
        then("fund", 2, new OutcomePaymentReceived(FundId.of("fund"), BudgetId.of("b"), PayerId.of("city"), ContractId.of("c"),
                OutcomeId.of("o-2"), eur("900.00"), "REF-2", LocalDate.parse("2026-10-05")));
        then("fund", 3, new OutcomePaymentRefunded(FundId.of("fund"), BudgetId.of("b"), PayerId.of("city"), ContractId.of("c"),
                OutcomeId.of("o-2"), eur("900.00"), "paid twice", LocalDate.parse("2026-10-20")));
        then(project.value(), 2, new NrrpExpenditureReported(project, CUP, "M5C2I1.03.00", "R-1", "2026-10", eur("4500.00"),
                LocalDate.parse("2026-11-10")));
        then(STATEMENT.value(), 0, new BankEntryRecorded(STATEMENT, "E-1", LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-06"),
                eur("4500.00"), "DBIT", null, "CUP " + CUP, CUP, null));
    }

    private void deliver(List<EventMessage<?>> messages) {
        for (EventMessage<?> m : messages) {
            try {
                if (adapter.canHandle(m)) {
                    adapter.handle(m);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Map<String, List<Map<String, Object>>> dump() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : List.of("nrrp_budget_tag", "nrrp_fact", "nrrp_target", "nrrp_outcome_fact", "nrrp_bank_entry", "nrrp_bank_decision")) {
            tables.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY event_id").query().listOfRows());
        }
        return tables;
    }

    private NrrpReconciliationReport report(LocalDate asOf, Instant knownAt) {
        return queries.handle(new NrrpReconciliationQuery(null, null, new TimeTravel(asOf, knownAt)));
    }

    private static List<String> kinds(NrrpReconciliationReport report) {
        return report.discrepancies().stream().map(Discrepancy::kind).map(Kind::name).toList();
    }

    @Test
    void redelivery_and_a_rebuild_give_the_rows_of_a_single_delivery() {
        history();
        deliver(events);
        Map<String, List<Map<String, Object>>> once = dump();
        assertThat(once.get("nrrp_fact")).hasSize(6);
        deliver(events);
        assertThat(dump()).isEqualTo(once);
        projection.reset();
        deliver(events);
        assertThat(dump()).isEqualTo(once);
    }

    @Test
    void an_outcome_payment_is_spending_under_its_budgets_tag_and_a_payment_out_of_an_untagged_budget_is_not() {
        history();
        then("fund", 4, new OutcomeBudgetCommitted(FundId.of("fund"), BudgetId.of("private"), PayerId.of("foundation"), eur("9000.00"),
                null, LocalDate.parse("2026-01-15")));
        then("fund", 5, new OutcomePaymentReceived(FundId.of("fund"), BudgetId.of("private"), PayerId.of("foundation"), ContractId.of("c"),
                OutcomeId.of("o-3"), eur("700.00"), "REF-3", LocalDate.parse("2026-10-07")));
        deliver(events);

        List<Map<String, Object>> paid = jdbc.sql("SELECT * FROM nrrp_fact WHERE source = 'OUTCOME_FUND' ORDER BY event_id").query().listOfRows();
        assertThat(paid).extracting(row -> row.get("fact_type") + " " + row.get("reference") + " " + row.get("cup") + " " + row.get("measure"))
                .containsExactly("PAID c/o-1 " + CUP + " M5C2I1.03", "PAID c/o-2 " + CUP + " M5C2I1.03",
                        "REFUNDED c/o-2 " + CUP + " M5C2I1.03");
    }

    @Test
    void a_refunded_payment_nets_to_zero_and_the_rest_matches_by_cup_amount_and_date() {
        history();
        deliver(events);
        NrrpReconciliationReport report = report(null, clock);
        assertThat(report.lines()).singleElement().satisfies(line -> {
            assertThat(line.paid()).isEqualByComparingTo("4500.00");
            assertThat(line.reported()).isEqualByComparingTo("4500.00");
            assertThat(line.confirmedByBank()).isEqualByComparingTo("4500.00");
        });
        assertThat(report.matches()).singleElement().satisfies(m -> assertThat(m.rule()).isEqualTo("CUP_AMOUNT_DATE"));
        assertThat(report.discrepancies()).isEmpty();
    }

    @Test
    void answers_as_of_a_business_date_and_as_known_at_an_instant() {
        history();
        deliver(events);
        // before the report to ReGiS (2026-11-10): paid and confirmed, but not reported
        assertThat(kinds(report(LocalDate.parse("2026-10-31"), clock))).containsExactly("PAID_NOT_REPORTED");
        // as known before the bank entry was recorded (the last event): the payment has no bank entry yet
        Instant beforeStatement = events.get(events.size() - 1).getTimestamp().minusSeconds(1);
        assertThat(kinds(report(null, beforeStatement))).containsExactly("PAYMENT_WITHOUT_BANK_ENTRY");
    }

    @Test
    void an_officer_rejecting_the_automatic_match_leaves_both_sides_unmatched_and_a_manual_match_restores_it() {
        history();
        String payment = events.get(3).getIdentifier();
        then(STATEMENT.value(), 1, new BankEntryUnmatched(STATEMENT, "E-1", payment, "not this payment", "officer"));
        deliver(events);
        assertThat(kinds(report(null, clock))).containsExactly("BANK_ENTRY_WITHOUT_PAYMENT", "PAYMENT_WITHOUT_BANK_ENTRY");

        deliver(List.of(then(STATEMENT.value(), 2, new BankEntryMatched(STATEMENT, "E-1", payment, "it was, after all", "officer"))));
        NrrpReconciliationReport report = report(null, clock);
        assertThat(report.discrepancies()).isEmpty();
        assertThat(report.matches()).singleElement().satisfies(m -> assertThat(m.rule()).isEqualTo("MANUAL"));
    }

    @Test
    void paying_beyond_the_allocation_is_listed_with_the_allocation_and_the_payments_behind_it() {
        history();
        then("fund", 4, new OutcomePaymentReceived(FundId.of("fund"), BudgetId.of("b"), PayerId.of("city"), ContractId.of("c"),
                OutcomeId.of("o-3"), eur("6000.00"), "REF-3", LocalDate.parse("2026-10-05")));
        deliver(events);
        Discrepancy beyond = report(null, clock).discrepancies().stream().filter(d -> d.kind() == Kind.BEYOND_ALLOCATION).findFirst().orElseThrow();
        assertThat(beyond.amount()).isEqualByComparingTo(new BigDecimal("500.00"));
        assertThat(beyond.detail()).isEqualTo("paid 10500.00 beyond the 10000.00 allocated");
        assertThat(beyond.eventIds()).containsExactly("evt-3", "evt-4", "evt-5", "evt-9", "evt-6");
    }
}
