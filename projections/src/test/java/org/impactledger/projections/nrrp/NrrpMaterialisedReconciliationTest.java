package org.impactledger.projections.nrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.contract.event.OutcomeVerified;
import org.impactledger.core.fund.NrrpTag;
import org.impactledger.core.fund.event.OutcomeBudgetCommitted;
import org.impactledger.core.fund.event.OutcomePaymentReceived;
import org.impactledger.core.nrrp.event.BankEntryMatched;
import org.impactledger.core.nrrp.event.BankEntryRecorded;
import org.impactledger.core.nrrp.event.NrrpExpenditureReported;
import org.impactledger.core.nrrp.event.NrrpFundsAllocated;
import org.impactledger.core.nrrp.event.NrrpMeasureListed;
import org.impactledger.core.nrrp.event.NrrpProjectRegistered;
import org.impactledger.core.nrrp.event.NrrpTargetSet;
import org.impactledger.core.shared.BankStatementId;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpPlanId;
import org.impactledger.core.shared.NrrpProjectId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.projections.nrrp.NrrpReconciliation.Filter;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Discrepancy;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Kind;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.MatchLine;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.support.ProjectionTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The materialised NRRP reconciliation on the real PostgreSQL (and once on H2): it equals the
 * reconciliation computed on demand for the same instant, page by page, under every filter and
 * with every discrepancy kind; a walk with the cursors lists every discrepancy and match exactly
 * once; it is refreshed when facts are added (not more often than the interval, and not at all
 * when nothing changed), serialised between nodes, and cleared by a reset of the read model.
 */
class NrrpMaterialisedReconciliationTest {

    private static final ProjectionTestDatabase DATABASE = new ProjectionTestDatabase("proj_nrrp_mat_test");
    private static final Instant START = Instant.parse("2026-01-01T08:00:00Z");
    private static final String CUP_A = "C11H22000110001";
    private static final String CUP_B = "C11H22000120001";
    private static final String CUP_C = "C11H22000130001";
    private static final String CUP_U = "C11H22000190001";
    private static final BankStatementId STATEMENT = BankStatementId.of("STMT-M");

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private volatile Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private record Tables(JdbcClient jdbc, NrrpProjection projection, AnnotationEventHandlerAdapter adapter, NrrpReconciliationStore store,
                          NrrpReconciliationQueries queries, NrrpReconciliationRefresher refresher, TestClock clock) {
    }

    private static Tables postgres;

    private Tables t;
    private final List<EventMessage<?>> events = new ArrayList<>();
    private int fundSeq;
    private int statementSeq;

    private static Tables tables(DataSource dataSource, Duration interval) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        NrrpProjection projection = new NrrpProjection(jdbc, new JdbcTemplate(dataSource), transactions);
        NrrpReconciler reconciler = new NrrpReconciler(jdbc);
        NrrpReconciliationStore store = new NrrpReconciliationStore(jdbc, new JdbcTemplate(dataSource), transactions);
        TestClock clock = new TestClock();
        NrrpReconciliationRefresher refresher = new NrrpReconciliationRefresher(jdbc, reconciler, store, transactions, clock, () -> 42L,
                new NrrpReconciliationProperties(true, interval, null, null));
        return new Tables(jdbc, projection, new AnnotationEventHandlerAdapter(projection), store,
                new NrrpReconciliationQueries(jdbc, reconciler, store, true), refresher, clock);
    }

    @BeforeAll
    static void database() {
        postgres = tables(DATABASE.postgres(), Duration.ofMinutes(10));
    }

    @BeforeEach
    void empty() {
        t = postgres;
        t.projection().reset();
        t.clock().now = START;
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private EventMessage<?> then(String aggregateId, Object payload) {
        EventMessage<?> message = new GenericDomainEventMessage<>("Test", aggregateId, events.size(), payload,
                MetaData.with("businessDate", "2026-01-01"), "evt-" + (events.size() + 1) + "-" + System.nanoTime(), t.clock().instant());
        events.add(message);
        t.clock().now = t.clock().now.plus(Duration.ofMinutes(1));
        return message;
    }

    private void deliver() {
        for (EventMessage<?> m : events) {
            try {
                if (t.adapter().canHandle(m)) {
                    t.adapter().handle(m);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        events.clear();
    }

    private void project(String cup, String local, String measure, String allocation) {
        NrrpProjectId project = NrrpProjectId.of(cup + ":" + local + ":" + measure);
        then(project.value(), new NrrpProjectRegistered(project, cup, local, measure, "Project " + local, "EUR"));
        if (allocation != null) {
            then(project.value(), new NrrpFundsAllocated(project, cup, measure, "A-" + local, eur(allocation), "DM 1/2022", LocalDate.parse("2022-05-12")));
        }
    }

    private void budget(String budget, String cup, String measure) {
        then("fund", new OutcomeBudgetCommitted(FundId.of("fund"), BudgetId.of(budget), PayerId.of("city"), eur("900000.00"),
                new NrrpTag(cup, measure), LocalDate.parse("2026-01-15")));
    }

    private void pay(String budget, String amount, String bankReference) {
        fundSeq++;
        then("fund", new OutcomePaymentReceived(FundId.of("fund"), BudgetId.of(budget), PayerId.of("city"), ContractId.of("c"),
                OutcomeId.of("o-" + fundSeq), eur(amount), bankReference, LocalDate.parse("2026-10-05")));
    }

    private void entry(String amount, String bankReference, String cup) {
        statementSeq++;
        then(STATEMENT.value(), new BankEntryRecorded(STATEMENT, "E-" + statementSeq, LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-06"),
                eur(amount), "DBIT", bankReference, cup == null ? "fees" : "CUP " + cup, cup, null));
    }

    /** Facts giving a discrepancy of every kind, several per CUP, an entry without a CUP, matches by both rules, a target and a plan. */
    private void history() {
        project(CUP_A, "HF-A", "M5C2I1.03.00", "10000.00");
        project(CUP_B, "HF-B", "M5C2I2.03.00", "2000.00");
        project(CUP_C, "HF-C", "M5C2I1.03.00", null);
        budget("b-a", CUP_A, "M5C2I1.3");
        budget("b-c", CUP_C, "M5C2I1.3");
        budget("b-u", CUP_U, "M5C2I2.3");
        pay("b-a", "4500.00", "REF-1");      // matched by CUP, amount and date (E-1)
        pay("b-a", "900.00", "REF-2");       // matched by bank reference to 850.00 (E-2): AMOUNT_MISMATCH
        pay("b-a", "6000.00", "REF-3");      // no entry: PAYMENT_WITHOUT_BANK_ENTRY; 11400 paid > 10000: BEYOND_ALLOCATION
        NrrpProjectId a = NrrpProjectId.of(CUP_A + ":HF-A:M5C2I1.03.00");
        then(a.value(), new NrrpExpenditureReported(a, CUP_A, "M5C2I1.03.00", "R-1", "2026-10", eur("4500.00"), LocalDate.parse("2026-11-10")));
        NrrpProjectId b = NrrpProjectId.of(CUP_B + ":HF-B:M5C2I2.03.00");
        then(b.value(), new NrrpExpenditureReported(b, CUP_B, "M5C2I2.03.00", "R-2", "2026-10", eur("500.00"), LocalDate.parse("2026-11-10")));
        for (int i = 0; i < 12; i++) {
            pay("b-c", (100 + i) + ".00", null);  // PAID_NOT_REPORTED, BEYOND_ALLOCATION; half confirmed by the bank
            if (i % 2 == 0) {
                entry((100 + i) + ".00", null, CUP_C);
            }
        }
        pay("b-u", "300.00", "REF-U");       // UNKNOWN_CUP, PAYMENT_WITHOUT_BANK_ENTRY
        entry("4500.00", null, CUP_A);
        entry("850.00", "REF-2", null);
        entry("123.45", null, CUP_A);        // BANK_ENTRY_WITHOUT_PAYMENT
        entry("999.00", null, CUP_U);        // UNKNOWN_CUP, BANK_ENTRY_WITHOUT_PAYMENT
        entry("50.00", null, null);          // BANK_ENTRY_WITHOUT_PAYMENT without a CUP
        then(a.value(), new NrrpTargetSet(a, CUP_A, "M5C2I1.03.00", "T-1", "People housed", new BigDecimal("8"), LocalDate.parse("2026-12-31"),
                ContractId.of("c"), List.of("HOUSED-6M")));
        then("c", new OutcomeReported(ContractId.of("c"), FundId.of("fund"), OutcomeId.of("x-1"), BeneficiaryId.of("ben-1"), "HOUSED-6M", "2026-Q3",
                LocalDate.parse("2026-09-30"), new BigDecimal("3"), "ev", "0".repeat(64), "reporter"));
        then("c", new OutcomeVerified(ContractId.of("c"), OutcomeId.of("x-1"), new BigDecimal("3"), "ok", "verifier"));
        then("plan", new NrrpMeasureListed(NrrpPlanId.of("PNRR-T"), "M5C2I1.3", "M5C2I1.03", "M5", "M5C2", eur("1000000.00")));
        then("plan", new NrrpMeasureListed(NrrpPlanId.of("PNRR-T"), "M5C2I2.3", "M5C2I2.03", "M5", "M5C2", null));
        deliver();
    }

    private static final List<Filter> FILTERS = List.of(Filter.ALL, new Filter(CUP_A, null), new Filter(CUP_C, null), new Filter(CUP_U, null),
            new Filter(null, "M5C2I1.03"), new Filter(null, "M5C2I2.03"), new Filter(CUP_A, "M5C2I1.03"), new Filter(CUP_B, "M5C2I1.03"),
            new Filter("C11H22000999999", null));

    /** What two pages must agree on: everything but where they were read from and the cursors' text. */
    private record Seen(LocalDate asOf, Instant knownAt, int limit, Object lines, Object summary, List<Discrepancy> discrepancies,
                        boolean moreDiscrepancies, List<MatchLine> matches, boolean moreMatches, Object targets, Object planMeasures) {
        static Seen of(NrrpReconciliationPage p) {
            return new Seen(p.asOf(), p.knownAt(), p.limit(), p.lines(), p.summary(), p.discrepancies(), p.discrepanciesNextCursor() != null,
                    p.matches(), p.matchesNextCursor() != null, p.targets(), p.planMeasures());
        }
    }

    private NrrpReconciliationPage page(Filter filter, TimeTravel time, boolean latest, int limit, String after, String matchesAfter) {
        return t.queries().handle(new NrrpReconciliationPageQuery(filter, time, latest, limit,
                after == null ? null : NrrpCursor.decode(after, "after", NrrpCursor.DISCREPANCIES),
                matchesAfter == null ? null : NrrpCursor.decode(matchesAfter, "matchesAfter", NrrpCursor.MATCHES)));
    }

    /** A walk of both lists: the pages of the discrepancies, and those of the matches (both start with the first page). */
    private record Walk(List<NrrpReconciliationPage> discrepancyPages, List<NrrpReconciliationPage> matchPages) {

        List<Seen> seen() {
            return java.util.stream.Stream.concat(discrepancyPages.stream(), matchPages.stream()).map(Seen::of).toList();
        }

        List<Discrepancy> discrepancies() {
            return discrepancyPages.stream().flatMap(p -> p.discrepancies().stream()).toList();
        }

        List<MatchLine> matches() {
            return matchPages.stream().flatMap(p -> p.matches().stream()).toList();
        }

        List<NrrpReconciliationPage> pages() {
            return java.util.stream.Stream.concat(discrepancyPages.stream(), matchPages.stream()).toList();
        }
    }

    /** Every page of the discrepancies, then every page of the matches, following the cursors. */
    private Walk walk(Filter filter, TimeTravel time, boolean latest, int limit) {
        List<NrrpReconciliationPage> discrepancyPages = new ArrayList<>();
        NrrpReconciliationPage page = page(filter, time, latest, limit, null, null);
        discrepancyPages.add(page);
        while (page.discrepanciesNextCursor() != null) {
            page = page(filter, time, latest, limit, page.discrepanciesNextCursor(), null);
            discrepancyPages.add(page);
        }
        List<NrrpReconciliationPage> matchPages = new ArrayList<>();
        page = discrepancyPages.get(0);
        matchPages.add(page);
        while (page.matchesNextCursor() != null) {
            page = page(filter, time, latest, limit, null, page.matchesNextCursor());
            matchPages.add(page);
        }
        return new Walk(discrepancyPages, matchPages);
    }

    @Test
    void the_materialised_reconciliation_equals_the_one_computed_on_demand_for_the_same_instant_under_every_filter() {
        history();
        assertThat(t.refresher().refresh()).isPresent();
        NrrpReconciliationPage latest = page(Filter.ALL, TimeTravel.latest(t.clock()), true, 100, null, null);
        assertThat(latest.materialised()).isTrue();
        assertThat(latest.readModelPosition()).isEqualTo(42L);
        Instant knownAt = latest.knownAt();
        assertThat(latest.summary().discrepanciesByKind()).allSatisfy(k -> assertThat(k.count()).as(k.kind().name()).isPositive());
        assertThat(latest.discrepancies()).extracting(Discrepancy::kind).containsAll(List.of(Kind.values()));
        assertThat(latest.targets()).singleElement().satisfies(target -> assertThat(target.achieved()).isEqualByComparingTo("3"));
        assertThat(latest.planMeasures()).hasSize(2);

        TimeTravel then = new TimeTravel(null, knownAt);
        for (Filter filter : FILTERS) {
            for (int limit : List.of(1, 3, 100)) {
                Walk materialised = walk(filter, TimeTravel.latest(t.clock()), true, limit);
                Walk onDemand = walk(filter, then, false, limit);
                assertThat(materialised.pages()).allSatisfy(p -> assertThat(p.materialised()).isTrue());
                assertThat(onDemand.pages()).allSatisfy(p -> assertThat(p.materialised()).isFalse());
                assertThat(materialised.seen()).as(filter + ", limit " + limit).isEqualTo(onDemand.seen());
            }
            NrrpReconciliationReport whole = t.queries().handle(new NrrpReconciliationQuery(filter.cup(), filter.measure(), then));
            assertThat(t.queries().handle(new NrrpReconciliationQuery(filter.cup(), filter.measure(), TimeTravel.latest(t.clock()), true)))
                    .as(filter.toString()).isEqualTo(whole);
        }
    }

    @Test
    void the_matches_a_manual_match_is_checked_against_are_the_reports_own_matches() {
        history();
        // an officer matches the 123.45 entry (E-9) by hand to the 6,000.00 payment no entry confirms
        String unconfirmed = t.jdbc().sql("SELECT event_id FROM nrrp_fact WHERE fact_type = 'PAID' AND reference = 'c/o-3'").query(String.class).single();
        then(STATEMENT.value(), new BankEntryMatched(STATEMENT, "E-9", unconfirmed, "the builder's invoice", "officer"));
        deliver();

        List<MatchLine> reported = page(Filter.ALL, TimeTravel.latest(t.clock()), false, 1000, null, null).matches();
        assertThat(reported).extracting(MatchLine::rule).contains("MANUAL", "BANK_REFERENCE", "CUP_AMOUNT_DATE");
        for (MatchLine m : reported) {
            assertThat(t.queries().handle(new FindNrrpBankMatches(m.statementId(), m.entryReference(), m.paymentEventId())))
                    .isEqualTo(new FindNrrpBankMatches.Answer("DBIT", "EUR",
                            List.of(new FindNrrpBankMatches.Match(m.statementId(), m.entryReference(), m.paymentEventId(), m.rule()))));
        }
        MatchLine byReference = reported.stream().filter(m -> m.rule().equals("BANK_REFERENCE")).findFirst().orElseThrow();
        FindNrrpBankMatches.Match itsMatch = new FindNrrpBankMatches.Match(STATEMENT.value(), byReference.entryReference(),
                byReference.paymentEventId(), "BANK_REFERENCE");
        // the 50.00 entry (E-11) confirms nothing: only the payment's own match is found, or nothing for a payment nobody matched
        assertThat(t.queries().handle(new FindNrrpBankMatches(STATEMENT.value(), "E-11", byReference.paymentEventId())).matches())
                .containsExactly(itsMatch);
        assertThat(t.queries().handle(new FindNrrpBankMatches(STATEMENT.value(), "E-11", "no-such-payment")).matches()).isEmpty();
        assertThat(t.queries().handle(new FindNrrpBankMatches(STATEMENT.value(), "E-9", byReference.paymentEventId())).matches())
                .containsExactlyInAnyOrder(new FindNrrpBankMatches.Match(STATEMENT.value(), "E-9", unconfirmed, "MANUAL"), itsMatch);
        // an entry the read model does not hold: no direction or currency to tell
        assertThat(t.queries().handle(new FindNrrpBankMatches("STMT-NONE", "E-1", "no-such-payment")))
                .isEqualTo(new FindNrrpBankMatches.Answer(null, null, List.of()));
    }

    @Test
    void a_walk_with_the_cursors_lists_every_discrepancy_and_every_match_exactly_once_in_the_reports_order() {
        history();
        t.refresher().refresh();
        for (Filter filter : FILTERS) {
            NrrpReconciliationReport whole = t.queries().handle(new NrrpReconciliationQuery(filter.cup(), filter.measure(), TimeTravel.latest(t.clock()), true));
            for (int limit : List.of(1, 2, 5, 1000)) {
                Walk walk = walk(filter, TimeTravel.latest(t.clock()), true, limit);
                assertThat(walk.discrepancies()).as(filter + ", limit " + limit).isEqualTo(whole.discrepancies());
                assertThat(walk.matches()).as(filter + ", limit " + limit).isEqualTo(whole.matches());
                assertThat(walk.pages()).allSatisfy(p -> {
                    assertThat(p.discrepancies().size()).isLessThanOrEqualTo(limit);
                    assertThat(p.matches().size()).isLessThanOrEqualTo(limit);
                    assertThat(p.summary().discrepancies()).isEqualTo(whole.discrepancies().size());
                    assertThat(p.summary().matches()).isEqualTo(whole.matches().size());
                });
            }
        }
        NrrpReconciliationPage all = page(Filter.ALL, TimeTravel.latest(t.clock()), true, 1000, null, null);
        Set<Discrepancy> distinct = new HashSet<>(all.discrepancies());
        assertThat(distinct).hasSize(all.discrepancies().size());
        for (NrrpReconciliationPage.KindTotal total : all.summary().discrepanciesByKind()) {
            List<Discrepancy> ofKind = all.discrepancies().stream().filter(d -> d.kind() == total.kind()).toList();
            assertThat(total.count()).isEqualTo(ofKind.size());
            assertThat(total.amount()).isEqualTo(ofKind.stream().map(Discrepancy::amount).reduce(new BigDecimal("0.00"), BigDecimal::add));
        }
    }

    @Test
    void new_facts_are_refreshed_after_the_interval_and_no_change_means_no_refresh() {
        history();
        long first = t.refresher().refresh().orElseThrow();
        assertThat(t.refresher().refresh()).as("nothing changed").isEmpty();
        NrrpReconciliationPage before = page(Filter.ALL, TimeTravel.latest(t.clock()), true, 2, null, null);

        t.clock().now = t.clock().now.plusSeconds(1); // recorded after the instant the generation is known at
        pay("b-u", "77.00", null);
        deliver();
        assertThat(t.refresher().refresh()).as("within the interval").isEmpty();
        assertThat(page(Filter.ALL, TimeTravel.latest(t.clock()), true, 2, null, null)).isEqualTo(before);

        t.clock().now = t.clock().now.plus(Duration.ofMinutes(20));
        long second = t.refresher().refresh().orElseThrow();
        assertThat(second).isGreaterThan(first);
        NrrpReconciliationPage after = page(new Filter(CUP_U, null), TimeTravel.latest(t.clock()), true, 100, null, null);
        assertThat(after.knownAt()).isEqualTo(t.clock().instant());
        assertThat(after.discrepancies()).extracting(Discrepancy::detail).contains("payment c/o-" + fundSeq + " of 77.00 has no bank entry");

        // a cursor of the previous generation still walks the previous reconciliation...
        NrrpReconciliationPage next = page(Filter.ALL, TimeTravel.latest(t.clock()), true, 2, before.discrepanciesNextCursor(), null);
        assertThat(next.knownAt()).isEqualTo(before.knownAt());
        assertThat(next.materialised()).isTrue();
        // ...and once that generation is gone, the same page is computed for its instant
        t.clock().now = t.clock().now.plusSeconds(1);
        pay("b-u", "78.00", null);
        deliver();
        t.clock().now = t.clock().now.plus(Duration.ofMinutes(20));
        t.refresher().refresh().orElseThrow();
        assertThat(t.store().header(first)).isEmpty();
        NrrpReconciliationPage recomputed = page(Filter.ALL, TimeTravel.latest(t.clock()), true, 2, before.discrepanciesNextCursor(), null);
        assertThat(recomputed.materialised()).isFalse();
        assertThat(Seen.of(recomputed)).isEqualTo(Seen.of(next));
    }

    @Test
    void a_reset_of_the_read_model_clears_the_materialised_reconciliation_until_the_next_refresh() {
        history();
        t.refresher().refresh();
        assertThat(t.store().currentGeneration()).isPresent();
        t.projection().reset();
        assertThat(t.store().currentGeneration()).isEmpty();
        NrrpReconciliationPage empty = page(Filter.ALL, TimeTravel.latest(t.clock()), true, 100, null, null);
        assertThat(empty.materialised()).isFalse();
        assertThat(empty.discrepancies()).isEmpty();
        // the refresh after a reset does not wait for the interval
        assertThat(t.refresher().refresh()).isPresent();
        assertThat(page(Filter.ALL, TimeTravel.latest(t.clock()), true, 100, null, null).materialised()).isTrue();
    }

    @Test
    void refreshes_on_several_nodes_at_once_compute_one_generation() throws Exception {
        history();
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        try {
            List<Future<Optional<Long>>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(nodes.submit(() -> t.refresher().refresh()));
            }
            int refreshed = 0;
            for (Future<Optional<Long>> run : runs) {
                refreshed += run.get().isPresent() ? 1 : 0;
            }
            assertThat(refreshed).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void a_cursor_from_other_bounds_or_not_made_here_is_refused_by_its_parameter() {
        history();
        t.refresher().refresh();
        NrrpReconciliationPage first = page(Filter.ALL, TimeTravel.latest(t.clock()), true, 2, null, null);
        NrrpCursor cursor = NrrpCursor.decode(first.discrepanciesNextCursor(), "after", NrrpCursor.DISCREPANCIES);
        assertThatThrownBy(() -> new NrrpReconciliationPageQuery(Filter.ALL, new TimeTravel(null, START), false, 2, cursor, null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("after"));
        assertThatThrownBy(() -> NrrpCursor.decode(first.matchesNextCursor(), "after", NrrpCursor.DISCREPANCIES))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("after"));
        assertThatThrownBy(() -> NrrpCursor.decode("bm90IGEgY3Vyc29y", "matchesAfter", NrrpCursor.MATCHES))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("matchesAfter"));
        NrrpCursor forged = new NrrpCursor(NrrpCursor.DISCREPANCIES, cursor.generation(), START, null, 1);
        assertThatThrownBy(() -> t.queries().handle(new NrrpReconciliationPageQuery(Filter.ALL, TimeTravel.latest(t.clock()), true, 2, forged, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("after"));
        for (String limit : List.of("0", "1001", "-1", "ten", "2.5")) {
            assertThatThrownBy(() -> NrrpReconciliationPageQuery.limit(limit))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        }
        assertThat(NrrpReconciliationPageQuery.limit(null)).isEqualTo(NrrpReconciliationPageQuery.DEFAULT_LIMIT);
    }

    @Test
    void on_h2_too_the_materialised_reconciliation_equals_the_one_computed_on_demand() {
        t = tables(ProjectionTestDatabase.h2("nrrp_materialised"), Duration.ofMinutes(10));
        history();
        t.refresher().refresh().orElseThrow();
        NrrpReconciliationPage latest = page(Filter.ALL, TimeTravel.latest(t.clock()), true, 3, null, null);
        TimeTravel then = new TimeTravel(null, latest.knownAt());
        assertThat(walk(Filter.ALL, TimeTravel.latest(t.clock()), true, 3).seen()).isEqualTo(walk(Filter.ALL, then, false, 3).seen());
        assertThat(latest.summary().discrepancies()).isPositive();
    }
}
