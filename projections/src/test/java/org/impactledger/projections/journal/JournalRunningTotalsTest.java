package org.impactledger.projections.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.projections.state.LedgerHistory.FUND;
import static org.impactledger.projections.state.LedgerHistory.OTHER_FUND;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.impactledger.core.fund.query.FindTrialBalance;
import org.impactledger.core.shared.FundId;
import org.impactledger.projections.state.LedgerHistory;
import org.impactledger.projections.state.Recorded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trial balance read from the running totals ({@code journal_balance}, {@code journal_fund_total})
 * or from the monthly sums ({@code journal_period_balance}, {@code journal_period_total}) is exactly
 * the trial balance summed over the lines ({@link JournalQueries#summedTrialBalance}), on
 * PostgreSQL, after every event of the shared history, at every point of both time axes; and the
 * totals are what the fast answer really reads.
 */
class JournalRunningTotalsTest {

    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");
    private static JournalTables tables;
    private static List<Recorded> events;

    @BeforeAll
    static void database() {
        tables = new JournalTables(JournalDatabases.postgres());
        events = LedgerHistory.outcomeFund().events();
    }

    @BeforeEach
    void emptyTables() {
        tables.reset();
    }

    @Test
    void after_every_event_the_trial_balance_from_the_totals_equals_the_one_summed_over_the_lines() {
        int compared = 0;
        for (Recorded event : events) {
            tables.apply(event);
            for (FundId fund : List.of(FUND, OTHER_FUND)) {
                // now, as known now, and as known at the moment of the last event: all inside the bounds
                for (FindTrialBalance query : List.of(new FindTrialBalance(fund, null, LATER), new FindTrialBalance(fund, null, event.timestamp()),
                        new FindTrialBalance(fund, LocalDate.parse("9999-12-31"), LATER))) {
                    assertThat(tables.queries.handle(query)).isEqualTo(tables.queries.summedTrialBalance(query));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(events.size() * 6);
        TrialBalance end = tables.queries.handle(new FindTrialBalance(FUND, null, LATER));
        assertThat(end.currencies().get(0).entries()).isEqualTo(17);
        assertThat(end.balanced()).isTrue();
    }

    @Test
    void along_both_time_axes_every_answer_equals_the_summed_one_whether_or_not_the_totals_cover_the_bounds() {
        tables.applyAll(events);
        TreeSet<LocalDate> dates = new TreeSet<>(tables.jdbc.sql("SELECT DISTINCT business_date FROM journal_entry").query(LocalDate.class).list());
        Instant last = events.get(events.size() - 1).timestamp().truncatedTo(ChronoUnit.MICROS);
        List<LocalDate> asOfs = new ArrayList<>();
        asOfs.add(null);
        asOfs.addAll(List.of(dates.first(), dates.first().minusDays(1), dates.last(), dates.last().minusDays(1), LocalDate.parse("9999-12-31")));
        List<Instant> instants = new ArrayList<>(List.of(last.minusNanos(1000), last.plusNanos(1000), LATER));
        events.forEach(event -> instants.add(event.timestamp()));
        for (LocalDate asOf : asOfs) {
            for (Instant knownAt : instants) {
                FindTrialBalance query = new FindTrialBalance(FUND, asOf, knownAt);
                assertThat(tables.queries.handle(query)).as("asOf %s knownAt %s", asOf, knownAt)
                        .isEqualTo(tables.queries.summedTrialBalance(query));
            }
        }
        for (LocalDate asOf : dates) {
            FindTrialBalance query = new FindTrialBalance(FUND, asOf, LATER);
            assertThat(tables.queries.handle(query)).as("asOf %s", asOf).isEqualTo(tables.queries.summedTrialBalance(query));
        }
    }

    @Test
    void the_answer_as_of_now_is_read_from_the_totals_and_an_earlier_one_from_the_lines() {
        tables.applyAll(events);
        TrialBalance before = tables.queries.handle(new FindTrialBalance(FUND, null, LATER));
        // a line changed behind the projection's back: the totals do not see it, the summed lines do
        tables.jdbc.sql("UPDATE journal_line SET debit = debit + 1 WHERE debit > 0 AND account = '1000'").update();

        assertThat(tables.queries.handle(new FindTrialBalance(FUND, null, LATER))).isEqualTo(before);
        assertThat(tables.queries.summedTrialBalance(new FindTrialBalance(FUND, null, LATER))).isNotEqualTo(before);
        // as known before the fund's latest entry was recorded, neither the totals nor the monthly sums can answer: the changed lines show
        Instant lastRecordedAt = tables.jdbc.sql("SELECT MAX(recorded_at) FROM journal_entry WHERE fund_id = :fund").param("fund", FUND.value())
                .query(LocalDateTime.class).single().toInstant(ZoneOffset.UTC);
        FindTrialBalance earlier = new FindTrialBalance(FUND, null, lastRecordedAt.minusNanos(1000));
        assertThat(tables.queries.handle(earlier)).isEqualTo(tables.queries.summedTrialBalance(earlier));
    }

    @Test
    void as_of_a_past_date_as_known_now_the_closed_months_are_read_from_their_sums_and_the_asOf_month_from_its_lines() {
        tables.applyAll(events);
        List<LocalDate> months = tables.jdbc.sql("SELECT DISTINCT period_start FROM journal_period_total ORDER BY period_start")
                .query(LocalDate.class).list();
        assertThat(months).as("the shared history spans several months").hasSizeGreaterThanOrEqualTo(2);
        LocalDate firstMonth = months.get(0);
        LocalDate asOf = months.get(1).plusDays(3);
        FindTrialBalance query = new FindTrialBalance(FUND, asOf, LATER);
        TrialBalance before = tables.queries.handle(query);
        assertThat(before).isEqualTo(tables.queries.summedTrialBalance(query));

        // a line of the first month changed behind the projection's back: its month's sums do not see it, the summed lines do
        tables.jdbc.sql("""
                        UPDATE journal_line SET debit = debit + 1 WHERE debit > 0 AND entry_id = (
                            SELECT MIN(entry_id) FROM journal_entry WHERE fund_id = :fund AND business_date < :nextMonth)""")
                .param("fund", FUND.value()).param("nextMonth", firstMonth.plusMonths(1)).update();
        assertThat(tables.queries.handle(query)).isEqualTo(before);
        assertThat(tables.queries.summedTrialBalance(query)).isNotEqualTo(before);
        // as of a day of the first month, its lines are read: the change shows
        FindTrialBalance inFirstMonth = new FindTrialBalance(FUND, months.get(1).minusDays(1), LATER);
        assertThat(tables.queries.handle(inFirstMonth)).isEqualTo(tables.queries.summedTrialBalance(inFirstMonth));
    }

    @Test
    void redelivered_events_leave_the_totals_alone_and_a_reset_empties_them() {
        tables.applyAll(events);
        Map<String, List<Map<String, Object>>> once = tables.dump();
        assertThat(once.get("journal_balance")).isNotEmpty();
        assertThat(once.get("journal_fund_total")).hasSize(1);
        assertThat(once.get("journal_period_balance")).isNotEmpty();
        assertThat(once.get("journal_period_total")).hasSizeGreaterThanOrEqualTo(2);

        tables.applyAll(events);
        assertThat(tables.dump()).isEqualTo(once);

        tables.reset();
        assertThat(tables.count("journal_balance") + tables.count("journal_fund_total") + tables.count("journal_period_balance")
                + tables.count("journal_period_total")).isZero();
        tables.applyAll(events);
        assertThat(tables.dump()).isEqualTo(once);
    }
}
