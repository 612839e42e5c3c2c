package org.impactledger.projections.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.impactledger.projections.state.LedgerHistory.FUND;
import static org.impactledger.projections.state.LedgerHistory.OTHER_FUND;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.impactledger.core.fund.event.CapitalCalled;
import org.impactledger.core.fund.event.OutcomePaymentRefunded;
import org.impactledger.core.fund.query.FindJournal;
import org.impactledger.core.fund.query.FindTrialBalance;
import org.impactledger.core.shared.DomainException;
import org.impactledger.infra.messaging.LedgerMetaData;
import org.impactledger.projections.state.LedgerHistory;
import org.impactledger.projections.state.Recorded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trial balance and journal pages of the shared outcome fund history on PostgreSQL, with every
 * balance worked out by hand from the events (see {@link LedgerHistory#outcomeFund()}), and their
 * answers along both time axes.
 */
class JournalQueriesTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static JournalTables tables;
    private static List<Recorded> events;

    @BeforeAll
    static void database() {
        tables = new JournalTables(JournalDatabases.postgres());
        events = LedgerHistory.outcomeFund().events();
    }

    @BeforeEach
    void fundHistory() {
        tables.reset();
        tables.applyAll(events);
    }

    /**
     * By hand: cash = 300,000 + 200,000 paid in − 100,000 advanced + 2,400 + 1,600 received − 50,000
     * distributed − 1,600 refunded = 352,400. Outcome receivable = 2,400 + 800 + 1,600 + 1,200 approved
     * − 2,400 − 1,600 paid − 800 released = 1,200. Income = 6,000 approved − 800 released = 5,200.
     * Budget available = 250,000 − 6,000 reserved + 800 released + 1,600 refunded = 246,400.
     * General book: 1,000,000 committed + 500,000 called + 2 × 500,000 received + 100,000 advanced
     * + 6,000 approved + 4,000 paid + 800 released + 1,600 refunded + 50,000 distributed = 2,662,400;
     * memorandum: 250,000 + 6,000 + 4,000 + 800 + 1,600 = 262,400.
     */
    @Test
    void the_trial_balance_of_the_outcome_fund_matches_the_balances_worked_out_by_hand() {
        TrialBalance trial = tables.queries.handle(new FindTrialBalance(FUND, null, NOW));

        assertThat(trial.balanced()).isTrue();
        assertThat(trial.currencies()).hasSize(1);
        CurrencyTrialBalance eur = trial.currencies().get(0);
        assertThat(eur.currency()).isEqualTo("EUR");
        assertThat(eur.entries()).isEqualTo(17);
        assertThat(accounts(eur)).containsExactly(
                Map.entry("1000", "504000.00 151600.00 352400.00"),
                Map.entry("1310", "1000000.00 500000.00 500000.00"),
                Map.entry("1320", "500000.00 500000.00 0.00"),
                Map.entry("1400", "100000.00 0.00 100000.00"),
                Map.entry("1500", "6000.00 4800.00 1200.00"),
                Map.entry("3100", "500000.00 1000000.00 500000.00"),
                Map.entry("3200", "0.00 500000.00 500000.00"),
                Map.entry("3300", "45000.00 0.00 45000.00"),
                Map.entry("3400", "5000.00 0.00 5000.00"),
                Map.entry("4100", "800.00 6000.00 5200.00"),
                Map.entry("4900", "1600.00 0.00 1600.00"),
                Map.entry("9100", "252400.00 6000.00 246400.00"),
                Map.entry("9200", "6000.00 4800.00 1200.00"),
                Map.entry("9300", "4000.00 1600.00 2400.00"),
                Map.entry("9900", "0.00 250000.00 250000.00"));
        assertThat(eur.books()).containsExactly(
                new BookTotal(Book.GENERAL, money("2662400.00"), money("2662400.00"), money("0.00")),
                new BookTotal(Book.MEMORANDUM, money("262400.00"), money("262400.00"), money("0.00")));
        assertThat(eur.totalDebits()).isEqualTo(money("2924800.00"));
        assertThat(eur.totalCredits()).isEqualTo(money("2924800.00"));
        assertThat(eur.difference()).isEqualTo(money("0.00"));
        assertThat(eur.balanced()).isTrue();
        TrialBalanceLine cash = eur.accounts().get(0);
        assertThat(cash.accountName()).isEqualTo("Fund cash");
        assertThat(cash.accountType()).isEqualTo(AccountType.ASSET);
        assertThat(cash.normalSide()).isEqualTo(Side.DEBIT);
    }

    @Test
    void a_fund_without_money_events_has_an_empty_balanced_trial_balance_and_journal() {
        TrialBalance trial = tables.queries.handle(new FindTrialBalance(OTHER_FUND, null, NOW));

        assertThat(trial.currencies()).isEmpty();
        assertThat(trial.balanced()).isTrue();
        assertThat(tables.queries.handle(new FindJournal(OTHER_FUND, null, NOW, 0, 10)).total()).isZero();
    }

    @Test
    void as_of_the_day_before_the_refund_the_trial_balance_differs_by_the_refund_exactly() {
        CurrencyTrialBalance before = tables.queries.handle(new FindTrialBalance(FUND, LocalDate.parse("2026-05-19"), NOW)).currencies().get(0);
        CurrencyTrialBalance after = tables.queries.handle(new FindTrialBalance(FUND, LocalDate.parse("2026-05-20"), NOW)).currencies().get(0);

        // before: 500,000 paid in − 100,000 advanced + 2,400 + 1,600 received; the distribution (06-30) is later still
        assertThat(balance(before, "1000")).isEqualTo(money("404000.00"));
        assertThat(balance(after, "1000")).isEqualTo(money("402400.00"));
        assertThat(balance(before, "4900")).isNull();
        assertThat(balance(after, "4900")).isEqualTo(money("1600.00"));
        Map<String, BigDecimal> change = changes(before, after);
        assertThat(change).containsExactly(
                Map.entry("1000", money("-1600.00")),
                Map.entry("4900", money("1600.00")),
                Map.entry("9100", money("1600.00")),
                Map.entry("9300", money("-1600.00")));
        assertThat(after.totalDebits().subtract(before.totalDebits())).isEqualTo(money("3200.00"));
        assertThat(before.difference()).isEqualTo(money("0.00"));
        assertThat(after.entries() - before.entries()).isEqualTo(1);
    }

    @Test
    void as_known_just_before_the_refund_was_recorded_the_refund_is_not_in_the_books_even_with_no_business_date_limit() {
        Recorded refund = events.stream().filter(r -> r.payload() instanceof OutcomePaymentRefunded).findFirst().orElseThrow();
        Instant justBefore = refund.timestamp().minusNanos(1_000);

        CurrencyTrialBalance before = tables.queries.handle(new FindTrialBalance(FUND, null, justBefore)).currencies().get(0);
        CurrencyTrialBalance at = tables.queries.handle(new FindTrialBalance(FUND, null, refund.timestamp())).currencies().get(0);

        assertThat(changes(before, at)).containsExactly(
                Map.entry("1000", money("-1600.00")),
                Map.entry("4900", money("1600.00")),
                Map.entry("9100", money("1600.00")),
                Map.entry("9300", money("-1600.00")));
        JournalPage known = tables.queries.handle(new FindJournal(FUND, null, justBefore, 0, 200));
        assertThat(known.items()).extracting(JournalEntryView::eventType).doesNotContain("OutcomePaymentRefunded", "DistributionMade");
        assertThat(known.knownAt()).isEqualTo(justBefore);
    }

    @Test
    void an_event_without_a_value_date_counts_from_the_business_date_its_command_carried() {
        tables.reset();
        LedgerHistory history = new LedgerHistory();
        Recorded call = history.then(new CapitalCalled(FUND, "call-9", LedgerHistory.INVESTOR_A, LedgerHistory.eur("1000"),
                LocalDate.parse("2026-09-30"))).last();
        tables.apply(call, Map.of(LedgerMetaData.BUSINESS_DATE, "2026-09-15"));

        assertThat(tables.queries.handle(new FindTrialBalance(FUND, LocalDate.parse("2026-09-14"), NOW)).currencies()).isEmpty();
        assertThat(tables.queries.handle(new FindTrialBalance(FUND, LocalDate.parse("2026-09-15"), NOW)).currencies()).hasSize(1);
    }

    @Test
    void the_journal_lists_entries_with_their_lines_in_recording_order_page_by_page() {
        JournalPage first = tables.queries.handle(new FindJournal(FUND, null, NOW, 0, 5));
        JournalPage last = tables.queries.handle(new FindJournal(FUND, null, NOW, 3, 5));

        assertThat(first.total()).isEqualTo(17);
        assertThat(first.size()).isEqualTo(5);
        assertThat(first.items()).extracting(JournalEntryView::eventType).containsExactly(
                "CapitalCommitted", "CapitalCommitted", "CapitalCalled", "CapitalCalled", "CapitalReceived");
        JournalEntryView commitment = first.items().get(0);
        assertThat(commitment.entryId()).isEqualTo(JournalTables.eventId(events.get(1)));
        assertThat(commitment.businessDate()).isEqualTo(LocalDate.parse("2026-01-10"));
        assertThat(commitment.recordedAt()).isEqualTo(events.get(1).timestamp());
        assertThat(commitment.lines()).extracting(JournalLineView::lineNo, JournalLineView::account, JournalLineView::subledger,
                        JournalLineView::debit, JournalLineView::credit)
                .containsExactly(
                        tuple(1, "1310", "investor:inv-fondazione", money("600000.00"), money("0.00")),
                        tuple(2, "3100", "investor:inv-fondazione", money("0.00"), money("600000.00")));
        assertThat(commitment.lines().get(0).accountName()).isEqualTo("Uncalled commitments receivable from investors");
        assertThat(last.items()).extracting(JournalEntryView::eventType).containsExactly("OutcomeBudgetReserved", "DistributionMade");
        List<Instant> times = tables.queries.handle(new FindJournal(FUND, null, NOW, 0, 200)).items().stream()
                .map(JournalEntryView::recordedAt).toList();
        assertThat(times).isSorted();
    }

    @Test
    void the_journal_as_of_a_date_lists_only_what_had_happened_by_then() {
        JournalPage january = tables.queries.handle(new FindJournal(FUND, LocalDate.parse("2026-01-31"), NOW, 0, 50));

        assertThat(january.items()).extracting(JournalEntryView::eventType)
                .containsExactly("CapitalCommitted", "CapitalCommitted", "CapitalReceived", "CapitalReceived");
        assertThat(january.asOf()).isEqualTo(LocalDate.parse("2026-01-31"));
    }

    @Test
    void a_query_without_a_recording_time_or_with_a_negative_page_is_refused_by_name() {
        assertThatThrownBy(() -> new FindJournal(FUND, null, null, 0, 10)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("knownAt"));
        assertThatThrownBy(() -> new FindJournal(FUND, null, NOW, -1, 10)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("page"));
        assertThatThrownBy(() -> new FindTrialBalance(FUND, null, null)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("knownAt"));
    }

    private static Map<String, String> accounts(CurrencyTrialBalance trial) {
        Map<String, String> accounts = new LinkedHashMap<>();
        trial.accounts().forEach(a -> accounts.put(a.account(),
                a.debits().toPlainString() + " " + a.credits().toPlainString() + " " + a.balance().toPlainString()));
        return accounts;
    }

    private static BigDecimal balance(CurrencyTrialBalance trial, String account) {
        return trial.accounts().stream().filter(a -> a.account().equals(account)).map(TrialBalanceLine::balance).findFirst().orElse(null);
    }

    /** Per account, the change of its balance on the debit side (debits − credits) from one trial balance to the other; unchanged accounts left out. */
    private static Map<String, BigDecimal> changes(CurrencyTrialBalance from, CurrencyTrialBalance to) {
        Map<String, BigDecimal> change = new LinkedHashMap<>();
        for (TrialBalanceLine line : to.accounts()) {
            BigDecimal now = line.debits().subtract(line.credits());
            BigDecimal then = from.accounts().stream().filter(a -> a.account().equals(line.account()))
                    .map(a -> a.debits().subtract(a.credits())).findFirst().orElse(money("0.00"));
            if (now.compareTo(then) != 0) {
                change.put(line.account(), now.subtract(then));
            }
        }
        assertThat(from.accounts()).extracting(TrialBalanceLine::account)
                .allSatisfy(account -> assertThat(to.accounts()).extracting(TrialBalanceLine::account).contains(account));
        return change;
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
