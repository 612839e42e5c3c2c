package org.impactledger.projections.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.impactledger.core.contract.event.OutcomePaymentApproved;
import org.impactledger.core.contract.event.OutcomePaymentReversed;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.contract.event.OutcomeWithdrawn;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.infra.messaging.LedgerMetaData;
import org.impactledger.projections.report.ReportDatabases;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.state.LedgerHistory;
import org.impactledger.projections.support.MigrationScripts;
import org.impactledger.projections.support.ProcessorBatches;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The positions of the payment audit lists ({@link PaymentListPositions}): approvals that reach the
 * projection out of the order of their recording times (and some at the same time, and re-approvals
 * recorded before the first approval). After every event, on PostgreSQL and on H2, and after batches
 * of any size: each list's kept count equals COUNT(*) of its payments (and each contract's kept count
 * its own), every position is exact, and every page of every list, asked by number, equals the page
 * of the old ways (grouping the approval steps; skipping with OFFSET), as known now and as known earlier.
 */
class PaymentListPositionsTest {

    private static final Instant BASE = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");
    private static final FundId FUND_A = FundId.of("fund-A");
    private static final FundId FUND_B = FundId.of("fund-b");
    private static final PayerId PAYER_X = PayerId.of("payer-X");
    private static final PayerId PAYER_Y = PayerId.of("payer-y");
    // ids whose order depends on the collation (upper and lower case): the database orders them, never Java
    private static final ContractId[] CONTRACTS = {ContractId.of("c-Alpha"), ContractId.of("c-beta"), ContractId.of("C-gamma")};
    private static final FundId[] FUNDS = {FUND_A, FUND_A, FUND_B};
    private static final PayerId[] PAYERS = {PAYER_X, PAYER_Y, PAYER_Y};
    private static final int OUTCOMES = 27;
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-03-01");
    /** Business dates the lists are asked "as of": before every approval, on each day of them, after all. */
    private static final List<LocalDate> AS_OFS = List.of(FIRST_DAY.minusDays(6), FIRST_DAY.minusDays(5), FIRST_DAY, FIRST_DAY.plusDays(2),
            FIRST_DAY.plusDays(3), FIRST_DAY.plusDays(9));

    private record Views(JdbcClient jdbc, PlatformTransactionManager transactions, TransactionTemplate transaction,
                         PaymentAuditProjection projection, PaymentAuditQueries queries, AnnotationEventHandlerAdapter adapter) {

        static Views on(DataSource dataSource) {
            return on(dataSource, PaymentListPositions.SEPARATE_LISTS);
        }

        /** @param separateLists 0: every kind of list renumbered in one statement, however few lists */
        static Views on(DataSource dataSource, int separateLists) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
            PaymentAuditProjection projection = new PaymentAuditProjection(new JdbcTemplate(dataSource), transactionManager, separateLists);
            projection.reset();
            return new Views(jdbc, transactionManager, new TransactionTemplate(transactionManager), projection,
                    new PaymentAuditQueries(jdbc), new AnnotationEventHandlerAdapter(projection));
        }

        void apply(EventMessage<?> event) {
            try {
                adapter.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void applyAll(List<? extends EventMessage<?>> events) {
            transaction.executeWithoutResult(status -> events.forEach(this::apply));
        }

        /** Handles the events in batches of {@code size}, as a tracking processor hands them over (the writes held for each batch). */
        void applyInBatches(List<? extends EventMessage<?>> events, int size) {
            for (int from = 0; from < events.size(); from += size) {
                ProcessorBatches.inBatch(transactions, events.subList(from, Math.min(events.size(), from + size)), adapter::handle);
            }
        }
    }

    /**
     * Reports, then approvals recorded in a shuffled order of one-minute slots (two approvals share
     * each slot), dated on one of four business days; then every fifth outcome reversed and approved
     * again with a recording time before its first approval (it moves up its lists), every seventh of
     * those withdrawn. The approvals again are dated: every tenth outcome's before its first approval
     * (the payment's business date moves earlier), the others after it (the first-recorded approval,
     * now the later one, is not the earliest: the payment has no date, its steps decide as of a date).
     */
    private static List<TrackedEventMessage<?>> history(long seed) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        Map<String, Long> sequences = new HashMap<>();
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < OUTCOMES; i++) {
            slots.add(i / 2);
        }
        Collections.shuffle(slots, new Random(seed));
        for (int i = 0; i < OUTCOMES; i++) {
            int c = i % CONTRACTS.length;
            add(events, sequences, report(c, i), BASE.minus(Duration.ofDays(1)).plusSeconds(i));
            add(events, sequences, approval(c, i), BASE.plus(Duration.ofMinutes(slots.get(i))), FIRST_DAY.plusDays(i % 4));
        }
        for (int i = 0; i < OUTCOMES; i += 5) {
            int c = i % CONTRACTS.length;
            add(events, sequences, new OutcomePaymentReversed(CONTRACTS[c], outcome(i), FUNDS[c], LedgerHistory.eur("100"), false, "wrong period",
                    LocalDate.parse("2026-04-01"), "payer-officer"), BASE.plus(Duration.ofDays(2)).plusSeconds(i));
            add(events, sequences, approval(c, i), BASE.minus(Duration.ofMinutes(30)).plusSeconds(i),
                    i % 10 == 0 ? FIRST_DAY.minusDays(5) : FIRST_DAY.plusDays(9));
            if (i % 7 == 0) {
                add(events, sequences, new OutcomeWithdrawn(CONTRACTS[c], outcome(i), "moved away", "provider-officer"),
                        BASE.plus(Duration.ofDays(3)).plusSeconds(i));
            }
        }
        return events;
    }

    private static OutcomeId outcome(int i) {
        return OutcomeId.of("o-" + i);
    }

    private static OutcomeReported report(int c, int i) {
        return new OutcomeReported(CONTRACTS[c], FUNDS[c], outcome(i), BeneficiaryId.of("ben-" + i), "HF-HOUSED-6M", "2026-Q1",
                LocalDate.parse("2026-02-01"), BigDecimal.ONE, "s3://evidence/" + i, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "provider-officer");
    }

    private static OutcomePaymentApproved approval(int c, int i) {
        return new OutcomePaymentApproved(CONTRACTS[c], outcome(i), FUNDS[c], BudgetId.of("budget-" + c), PAYERS[c], BeneficiaryId.of("ben-" + i),
                "HF-HOUSED-6M", "2026-Q1", LocalDate.parse("2026-02-01"), BigDecimal.ONE, LedgerHistory.eur("100"), LedgerHistory.eur("100"),
                List.of("1.4"), "payer-officer");
    }

    private static void add(List<TrackedEventMessage<?>> events, Map<String, Long> sequences, Object payload, Instant at) {
        add(events, sequences, payload, at, null);
    }

    /** @param businessDate the command's business date, or null for the recording day */
    private static void add(List<TrackedEventMessage<?>> events, Map<String, Long> sequences, Object payload, Instant at, LocalDate businessDate) {
        String contract = ((org.impactledger.core.contract.event.ContractEvent) payload).contractId().value();
        long sequence = sequences.merge(contract, 1L, Long::sum) - 1;
        long position = events.size() + 1;
        MetaData metaData = MetaData.with(LedgerMetaData.PRINCIPAL, "tester").and(LedgerMetaData.ROLE, "tester-role");
        if (businessDate != null) {
            metaData = metaData.and(LedgerMetaData.BUSINESS_DATE, businessDate.toString());
        }
        events.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                new GenericDomainEventMessage<>("Contract", contract, sequence, payload, metaData, "evt-" + position, at)));
    }

    /** The lists that keep positions, and their filters. */
    private static final List<ListOutcomePayments> LISTS = List.of(
            new ListOutcomePayments(null, null, null, 0, 1, new TimeTravel(null, LATER)),
            new ListOutcomePayments(FUND_A, null, null, 0, 1, new TimeTravel(null, LATER)),
            new ListOutcomePayments(FUND_B, null, null, 0, 1, new TimeTravel(null, LATER)),
            new ListOutcomePayments(null, null, PAYER_X, 0, 1, new TimeTravel(null, LATER)),
            new ListOutcomePayments(null, null, PAYER_Y, 0, 1, new TimeTravel(null, LATER)));

    /** Every page of every list, of the sizes, equals the grouped answer and the OFFSET answer, as known at each moment. */
    private static void everyPageAsBefore(Views views, List<Instant> knownAts, int... sizes) {
        for (ListOutcomePayments list : LISTS) {
            for (Instant knownAt : knownAts) {
                for (int size : sizes) {
                    for (int page = 0; ; page++) {
                        ListOutcomePayments query = new ListOutcomePayments(list.fundId(), null, list.payerId(), page, size,
                                new TimeTravel(null, knownAt));
                        PaymentPage answer = views.queries().handle(query);
                        assertThat(answer).as("%s", query).isEqualTo(views.queries().groupedPayments(query));
                        assertThat(answer).as("%s", query).isEqualTo(views.queries().listedPage(query));
                        if (answer.items().size() < size) {
                            break;
                        }
                    }
                    for (LocalDate asOf : AS_OFS) {
                        for (int page = 0; ; page++) {
                            ListOutcomePayments query = new ListOutcomePayments(list.fundId(), null, list.payerId(), page, size,
                                    new TimeTravel(asOf, knownAt));
                            PaymentPage answer = views.queries().handle(query);
                            assertThat(answer).as("%s", query).isEqualTo(views.queries().groupedPayments(query));
                            if (answer.items().size() < size) {
                                break;
                            }
                        }
                    }
                }
            }
        }
    }

    /** The kept counts equal COUNT(*), and every payment's position in each of its lists is exact. */
    private static void countsAndPositionsHold(Views views) {
        JdbcClient jdbc = views.jdbc();
        long all = jdbc.sql("SELECT COUNT(*) FROM payment_audit_payment").query(Long.class).single();
        for (Map<String, Object> list : jdbc.sql("SELECT * FROM payment_audit_list").query().listOfRows()) {
            PaymentList scope = PaymentList.of((String) list.get("scope_kind"), (String) list.get("scope_id"));
            List<Map<String, Object>> rows = jdbc.sql("SELECT contract_id, outcome_id, first_approved_at, " + scope.positionColumn()
                            + " AS position FROM payment_audit_payment WHERE 1 = 1" + scope.filter()
                            + " ORDER BY first_approved_at, contract_id, outcome_id")
                    .param("listId", scope.id())
                    .query()
                    .listOfRows();
            assertThat(((Number) list.get("payments")).longValue()).as("count of %s", scope).isEqualTo(rows.size());
            for (int n = 0; n < rows.size(); n++) {
                Map<String, Object> row = rows.get(n);
                assertThat((Number) row.get("position")).as("%s in %s", row, scope).isNotNull();
                assertThat(((Number) row.get("position")).longValue()).as("%s in %s", row, scope).isEqualTo(n + 1);
            }
            // never before the list's latest first approval (a question known at it or later sees every payment of the list)
            assertThat((Timestamp) list.get("last_first_approved_at")).as("latest first approval of %s", scope)
                    .isAfterOrEqualTo((Timestamp) rows.get(rows.size() - 1).get("first_approved_at"));
        }
        assertThat(jdbc.sql("SELECT COALESCE(SUM(payments), 0) FROM payment_audit_list WHERE scope_kind = 'ALL'").query(Long.class).single())
                .isEqualTo(all);
        assertThat(jdbc.sql("SELECT COALESCE(SUM(payments), 0) FROM payment_audit_count").query(Long.class).single()).isEqualTo(all);
        // each payment's business date is that of its first-recorded approval, if none of its approvals is earlier
        assertThat(jdbc.sql("SELECT contract_id, outcome_id, approved_on FROM payment_audit_payment ORDER BY contract_id, outcome_id")
                .query().listOfRows()).isEqualTo(jdbc.sql("""
                        SELECT p.contract_id, p.outcome_id, CASE WHEN MIN(s.business_date) = MIN(CASE WHEN s.recorded_at = p.first_approved_at
                            THEN s.business_date END) THEN MIN(s.business_date) END AS approved_on
                        FROM payment_audit_payment p JOIN payment_audit_step s ON s.contract_id = p.contract_id AND s.outcome_id = p.outcome_id
                        WHERE s.step = 'APPROVED' GROUP BY p.contract_id, p.outcome_id ORDER BY p.contract_id, p.outcome_id""").query().listOfRows());
        // each list's counts per date are the payments with that date, with no row for a date without any
        assertThat(dayRows(jdbc)).isEqualTo(jdbc.sql(DAYS_COUNTED).query().listOfRows().stream()
                .map(row -> List.of(row.get("scope_kind"), row.get("scope_id"), row.get("approved_on"), ((Number) row.get("payments")).longValue()))
                .toList());
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM payment_audit_payment p JOIN payment_audit_day d ON d.scope_kind = 'ALL' AND d.approved_on = p.approved_on
                        WHERE p.first_approved_at > d.last_first_approved_at""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM payment_audit_count c
                        WHERE c.payments <> (SELECT COUNT(*) FROM payment_audit_payment p
                            WHERE p.contract_id = c.contract_id AND p.fund_id = c.fund_id AND COALESCE(p.payer_id, '') = c.payer_id)""")
                .query(Long.class).single()).isZero();
    }

    private static void afterEveryEvent(Views views, List<TrackedEventMessage<?>> events) {
        Instant middle = BASE.plus(Duration.ofMinutes(OUTCOMES / 4));
        for (TrackedEventMessage<?> event : events) {
            views.applyAll(List.of(event));
            countsAndPositionsHold(views);
            if (event.getPayload() instanceof OutcomePaymentApproved || event.getPayload() instanceof OutcomePaymentReversed) {
                everyPageAsBefore(views, List.of(LATER, middle), 4);
            }
        }
        everyPageAsBefore(views, List.of(LATER, middle, event(events, 10).getTimestamp()), 1, 3, 50);
    }

    private static TrackedEventMessage<?> event(List<TrackedEventMessage<?>> events, int index) {
        return events.get(index);
    }

    @Test
    void out_of_order_approvals_on_postgres_keep_exact_counts_and_positions_and_every_page_as_before() {
        for (long seed : new long[] {1, 3, 256}) {
            afterEveryEvent(Views.on(ReportDatabases.postgres()), history(seed));
        }
    }

    @Test
    void out_of_order_approvals_on_h2_keep_exact_counts_and_positions_and_every_page_as_before() {
        afterEveryEvent(Views.on(ReportDatabases.h2("payment_positions")), history(7));
    }

    @Test
    void batches_of_any_size_number_the_same_positions_as_event_by_event_in_one_statement_per_list_or_per_kind() {
        Views views = Views.on(ReportDatabases.postgres());
        List<TrackedEventMessage<?>> history = history(11);
        history.forEach(event -> views.applyAll(List.of(event)));
        List<Map<String, Object>> payments = paymentRows(views);
        List<Map<String, Object>> lists = views.jdbc().sql("SELECT * FROM payment_audit_list ORDER BY scope_kind, scope_id").query().listOfRows();
        for (int separateLists : new int[] {PaymentListPositions.SEPARATE_LISTS, 0}) {
            for (int size : new int[] {2, 7, history.size()}) {
                Views batched = Views.on(ReportDatabases.postgres(), separateLists);
                batched.applyInBatches(history, size);
                assertThat(paymentRows(batched)).as("batches of %d, %d separate lists", size, separateLists).isEqualTo(payments);
                assertThat(batched.jdbc().sql("SELECT * FROM payment_audit_list ORDER BY scope_kind, scope_id").query().listOfRows())
                        .as("batches of %d, %d separate lists", size, separateLists).isEqualTo(lists);
                countsAndPositionsHold(batched);
                everyPageAsBefore(batched, List.of(LATER), 2, 5);
            }
            Views h2 = Views.on(ReportDatabases.h2("payment_positions_batches"), separateLists);
            h2.applyInBatches(history, 7);
            countsAndPositionsHold(h2);
            everyPageAsBefore(h2, List.of(LATER), 2, 5);
        }
    }

    private static List<Map<String, Object>> paymentRows(Views views) {
        return views.jdbc().sql("SELECT * FROM payment_audit_payment ORDER BY contract_id, outcome_id").query().listOfRows();
    }

    @Test
    void a_page_by_number_is_read_by_position() {
        Views views = Views.on(ReportDatabases.postgres());
        views.applyAll(history(3));
        TimeTravel now = new TimeTravel(null, LATER);
        ListOutcomePayments second = new ListOutcomePayments(null, null, null, 1, 2, now);
        PaymentPage before = views.queries().handle(second);
        List<PaymentSummary> all = views.queries().groupedPayments(new ListOutcomePayments(null, null, null, 0, 50, now)).items();
        assertThat(before.items()).isEqualTo(all.subList(2, 4));

        // positions 4 and 5 swapped behind the projection's back: the second page (positions 3 and 4) follows them
        views.jdbc().sql("UPDATE payment_audit_payment SET list_position = 9 - list_position WHERE list_position IN (4, 5)").update();

        assertThat(views.queries().handle(second).items()).containsExactly(all.get(2), all.get(4));
        assertThat(views.queries().listedPage(second)).isEqualTo(before);
    }

    @Test
    void the_migration_numbers_payments_listed_before_it_as_the_projection_does() {
        migrationNumbersAsTheProjection(Views.on(ReportDatabases.postgres()));
        migrationNumbersAsTheProjection(Views.on(ReportDatabases.h2("payment_positions_migration")));
    }

    private static void migrationNumbersAsTheProjection(Views views) {
        views.applyAll(history(5));
        List<Map<String, Object>> payments = paymentRows(views);

        // as V205 may find them: positions missing (payments not numbered yet) or stale
        views.jdbc().sql("UPDATE payment_audit_payment SET list_position = NULL, fund_position = fund_position + 1, payer_position = NULL"
                + " WHERE MOD(CAST(SUBSTRING(outcome_id, 3) AS INT), 2) = 0").update();
        assertThat(paymentRows(views)).isNotEqualTo(payments);
        for (String statement : migrationNumbering()) {
            views.jdbc().sql(statement).update();
        }

        assertThat(paymentRows(views)).isEqualTo(payments);
    }

    private static final String DAYS_COUNTED = """
            SELECT 'ALL' AS scope_kind, '' AS scope_id, approved_on, COUNT(*) AS payments FROM payment_audit_payment
            WHERE approved_on IS NOT NULL GROUP BY approved_on
            UNION ALL SELECT 'FUND', fund_id, approved_on, COUNT(*) FROM payment_audit_payment
            WHERE approved_on IS NOT NULL GROUP BY fund_id, approved_on
            UNION ALL SELECT 'PAYER', payer_id, approved_on, COUNT(*) FROM payment_audit_payment
            WHERE approved_on IS NOT NULL AND payer_id IS NOT NULL GROUP BY payer_id, approved_on
            ORDER BY 1, 2, 3""";

    /** The lists' counts per date: kind, id, date, payments. */
    private static List<List<Object>> dayRows(JdbcClient jdbc) {
        return jdbc.sql("SELECT * FROM payment_audit_day ORDER BY scope_kind, scope_id, approved_on").query().listOfRows().stream()
                .map(row -> List.of(row.get("scope_kind"), row.get("scope_id"), row.get("approved_on"), ((Number) row.get("payments")).longValue()))
                .toList();
    }

    @Test
    void the_migration_dates_and_counts_payments_listed_before_it_as_the_projection_does() {
        migrationDatesAsTheProjection(Views.on(ReportDatabases.postgres()));
        migrationDatesAsTheProjection(Views.on(ReportDatabases.h2("payment_dates_migration")));
    }

    private static void migrationDatesAsTheProjection(Views views) {
        views.applyAll(history(5));
        List<Map<String, Object>> payments = paymentRows(views);
        // (the projection keeps each date's latest first approval as a bound, not always the latest: compared without it)
        List<List<Object>> days = dayRows(views.jdbc());
        assertThat(payments).anyMatch(row -> row.get("approved_on") == null).anyMatch(row -> row.get("approved_on") != null);

        // as V208 finds them: no date, no counts
        views.jdbc().sql("UPDATE payment_audit_payment SET approved_on = NULL").update();
        views.jdbc().sql("DELETE FROM payment_audit_day").update();
        for (String statement : MigrationScripts.statements("V208__payment_audit_dated.sql", "MERGE", "INSERT")) {
            views.jdbc().sql(statement).update();
        }

        assertThat(paymentRows(views)).isEqualTo(payments);
        assertThat(dayRows(views.jdbc())).isEqualTo(days);
    }

    /** V205's statement that numbers every payment (MERGE). */
    static List<String> migrationNumbering() {
        return MigrationScripts.statements("V205__payment_audit_positions_exact.sql", "MERGE");
    }
}
