package org.impactledger.projections.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.impactledger.projections.journal.JournalLine.credit;
import static org.impactledger.projections.journal.JournalLine.debit;
import static org.impactledger.projections.state.LedgerHistory.eur;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.impactledger.core.fund.event.DistributionMade;
import org.impactledger.core.fund.query.FindUnbalancedJournalEntries;
import org.impactledger.core.shared.Money;
import org.impactledger.projections.state.LedgerHistory;
import org.impactledger.projections.state.Recorded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The invariant: per entry and book, debits equal credits. The posting function refuses an entry
 * that breaks it before a row is written, and the check query finds any stored entry that breaks it.
 */
class JournalInvariantTest {

    private static JournalTables tables;

    @BeforeAll
    static void database() {
        tables = new JournalTables(JournalDatabases.postgres());
    }

    @BeforeEach
    void emptyTables() {
        tables.reset();
    }

    // ---- the check on one entry, before writing

    @Test
    void an_entry_whose_debits_equal_its_credits_in_each_book_passes() {
        JournalEntry entry = entry(debit(Account.FUND_CASH, null, eur("100.10")),
                credit(Account.INVESTOR_PAID_IN_CAPITAL, "investor:a", eur("60.05")),
                credit(Account.INVESTOR_PAID_IN_CAPITAL, "investor:b", eur("40.05")),
                debit(Account.PAYER_BUDGET_AVAILABLE, "budget:b", eur("7.00")),
                credit(Account.PAYER_BUDGET_COMMITTED, "budget:b", eur("7.00")));

        assertThat(JournalBalance.problems(entry)).isEmpty();
        assertThat(JournalBalance.requireBalanced(entry)).isSameAs(entry);
    }

    @Test
    void an_entry_short_of_one_cent_is_refused_naming_the_book_and_both_sums() {
        JournalEntry entry = entry(debit(Account.FUND_CASH, null, eur("100.00")),
                credit(Account.INVESTOR_PAID_IN_CAPITAL, "investor:a", eur("99.99")));

        assertThatThrownBy(() -> JournalBalance.requireBalanced(entry))
                .isInstanceOf(UnbalancedEntryException.class)
                .hasMessage("journal entry e-1 for TestEvent does not balance: general book: debits 100.00 ≠ credits 99.99");
    }

    @Test
    void a_memorandum_line_cannot_make_up_for_a_missing_general_line() {
        JournalEntry entry = entry(debit(Account.FUND_CASH, null, eur("500.00")),
                credit(Account.PAYER_BUDGET_COMMITTED, "budget:b", eur("500.00")));

        assertThat(JournalBalance.problems(entry)).containsExactly(
                "general book: debits 500.00 ≠ credits 0.00",
                "memorandum book: debits 0.00 ≠ credits 500.00");
    }

    @Test
    void lines_of_zero_or_negative_amounts_or_another_currency_and_entries_without_lines_are_refused() {
        assertThat(JournalBalance.problems(entry(debit(Account.FUND_CASH, null, eur("0")),
                credit(Account.INVESTOR_PAID_IN_CAPITAL, "investor:a", eur("0")))))
                .containsExactly("line 1 (1000) has a non-positive amount 0.00 EUR", "line 2 (3200) has a non-positive amount 0.00 EUR");
        assertThat(JournalBalance.problems(entry(debit(Account.FUND_CASH, null, eur("-5")),
                credit(Account.INVESTOR_PAID_IN_CAPITAL, "investor:a", eur("-5")))))
                .contains("line 1 (1000) has a non-positive amount -5.00 EUR");
        assertThat(JournalBalance.problems(entry(debit(Account.FUND_CASH, null, eur("5")),
                credit(Account.INVESTOR_PAID_IN_CAPITAL, "investor:a", Money.of("5", "USD")))))
                .containsExactly("line 2 (3200) is in USD, the entry in EUR");
        assertThat(JournalBalance.problems(entry())).containsExactly("the entry has no lines");
    }

    // ---- the projection refuses to write what does not balance

    @Test
    void the_projection_refuses_an_unbalanced_posting_from_a_faulty_rule_and_writes_nothing() {
        FundPostingRules correct = new FundPostingRules();
        PostingRule withoutCashLine = event -> correct.post(event).map(p -> event instanceof DistributionMade
                ? new Posting(p.description(), p.valueDate(), p.lines().subList(0, p.lines().size() - 1)) : p);
        JournalTables faulty = new JournalTables(JournalDatabases.postgres(), withoutCashLine);
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        Recorded distribution = events.stream().filter(r -> r.payload() instanceof DistributionMade).findFirst().orElseThrow();
        faulty.applyAll(events.subList(0, events.indexOf(distribution)));
        long entriesBefore = faulty.count("journal_entry");
        long linesBefore = faulty.count("journal_line");

        assertThatThrownBy(() -> faulty.apply(distribution))
                .isInstanceOf(UnbalancedEntryException.class)
                .hasMessageContaining(JournalTables.eventId(distribution))
                .hasMessageContaining("general book: debits 50000.00 ≠ credits 0.00");
        assertThat(faulty.count("journal_entry")).isEqualTo(entriesBefore);
        assertThat(faulty.count("journal_line")).isEqualTo(linesBefore);

        new JournalTables(JournalDatabases.postgres()).apply(distribution);
        assertThat(tables.lines(JournalTables.eventId(distribution))).hasSize(5);
    }

    @Test
    void a_rule_that_posts_nothing_writes_no_entry() {
        JournalTables silent = new JournalTables(JournalDatabases.postgres(), event -> Optional.empty());
        silent.applyAll(LedgerHistory.outcomeFund().events());

        assertThat(silent.count("journal_entry")).isZero();
    }

    // ---- the check over stored rows

    @Test
    void the_check_finds_every_entry_of_the_outcome_fund_balanced() {
        tables.applyAll(LedgerHistory.outcomeFund().events());

        JournalCheck check = tables.queries.handle(new FindUnbalancedJournalEntries());

        assertThat(check.balanced()).isTrue();
        assertThat(check.entriesChecked()).isEqualTo(17);
        assertThat(check.unbalancedCount()).isZero();
        assertThat(check.unbalanced()).isEmpty();
    }

    @Test
    void the_check_names_exactly_the_entry_whose_stored_line_was_changed_afterwards() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        tables.applyAll(events);
        String tampered = JournalTables.eventId(events.stream().filter(r -> r.payload() instanceof DistributionMade).findFirst().orElseThrow());
        tables.jdbc.sql("UPDATE journal_line SET debit = debit + 0.01 WHERE entry_id = :id AND line_no = 1").param("id", tampered).update();

        JournalCheck check = tables.queries.handle(new FindUnbalancedJournalEntries());

        assertThat(check.balanced()).isFalse();
        assertThat(check.entriesChecked()).isEqualTo(17);
        assertThat(check.unbalancedCount()).isEqualTo(1);
        UnbalancedEntry found = check.unbalanced().get(0);
        assertThat(found.entryId()).isEqualTo(tampered);
        assertThat(found.eventType()).isEqualTo("DistributionMade");
        assertThat(found.book()).isEqualTo(Book.GENERAL);
        assertThat(found.debits()).isEqualTo(new BigDecimal("50000.01"));
        assertThat(found.credits()).isEqualTo(new BigDecimal("50000.00"));
        assertThat(found.difference()).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void the_check_reports_an_entry_that_lost_its_lines() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        tables.applyAll(events);
        String emptied = JournalTables.eventId(events.get(1));
        tables.jdbc.sql("DELETE FROM journal_line WHERE entry_id = :id").param("id", emptied).update();

        JournalCheck check = tables.queries.handle(new FindUnbalancedJournalEntries());

        assertThat(check.balanced()).isFalse();
        assertThat(check.unbalanced()).extracting(UnbalancedEntry::entryId, UnbalancedEntry::problem)
                .containsExactly(tuple(emptied, "the entry has no lines"));
    }

    private static JournalEntry entry(JournalLine... lines) {
        List<JournalLine> all = new ArrayList<>(List.of(lines));
        return new JournalEntry("e-1", "fund-1", all.isEmpty() ? null : all.get(0).amount().currency(), "TestEvent", "test",
                LocalDate.parse("2026-01-01"), Instant.parse("2026-01-01T10:00:00Z"), "tester", all);
    }
}
