package org.impactledger.core.nrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.nrrp.NrrpTestData.CUP;
import static org.impactledger.core.nrrp.NrrpTestData.date;
import static org.impactledger.core.nrrp.NrrpTestData.eur;

import java.util.List;
import java.util.Set;
import org.impactledger.core.nrrp.BankMatcher.Line;
import org.impactledger.core.nrrp.BankMatcher.Match;
import org.impactledger.core.nrrp.BankMatcher.Payment;
import org.impactledger.core.nrrp.BankMatcher.Rule;
import org.impactledger.core.shared.Money;
import org.junit.jupiter.api.Test;

/** The matching rules in their order, and that the result does not depend on the input order. */
class BankMatcherTest {

    private static Line debit(String key, String day, String amount, String reference) {
        return new Line(key, date(day), eur(amount), BankEntry.DEBIT, reference, CUP, null);
    }

    private static Payment payment(String id, String day, String amount, String reference) {
        return new Payment(id, CUP, date(day), eur(amount), reference);
    }

    @Test
    void matches_by_bank_reference_first_even_when_the_amounts_differ() {
        List<Match> matches = BankMatcher.match(List.of(debit("s/1", "2026-03-03", "4400.00", "it-1 ")),
                List.of(payment("p1", "2026-03-03", "4500.00", "IT-1"), payment("p2", "2026-03-03", "4400.00", null)), Set.of());
        assertThat(matches).containsExactly(new Match("s/1", "p1", Rule.BANK_REFERENCE));
    }

    @Test
    void matches_by_cup_amount_and_the_nearest_date_within_the_window() {
        List<Match> matches = BankMatcher.match(List.of(debit("s/1", "2026-03-10", "900.00", null)),
                List.of(payment("p1", "2026-03-05", "900.00", null), payment("p2", "2026-03-12", "900.00", null)), Set.of());
        assertThat(matches).containsExactly(new Match("s/1", "p2", Rule.CUP_AMOUNT_DATE));
    }

    @Test
    void does_not_match_outside_the_date_window_or_for_another_amount() {
        assertThat(BankMatcher.match(List.of(debit("s/1", "2026-03-10", "900.00", null)),
                List.of(payment("p1", "2026-03-04", "900.00", null), payment("p2", "2026-03-10", "900.01", null)), Set.of())).isEmpty();
    }

    @Test
    void never_matches_a_credit_or_a_pair_an_officer_rejected() {
        Line credit = new Line("s/1", date("2026-03-10"), eur("900.00"), BankEntry.CREDIT, null, CUP, null);
        Line rejected = debit("s/2", "2026-03-10", "900.00", null);
        assertThat(BankMatcher.match(List.of(credit, rejected), List.of(payment("p1", "2026-03-10", "900.00", null)), Set.of("s/2 p1"))).isEmpty();
    }

    @Test
    void a_manual_match_takes_the_payment_before_any_automatic_rule() {
        Line manual = new Line("s/2", date("2026-04-01"), eur("10.00"), BankEntry.DEBIT, null, null, "p1");
        List<Match> matches = BankMatcher.match(List.of(debit("s/1", "2026-03-10", "900.00", "IT-1"), manual),
                List.of(payment("p1", "2026-03-10", "900.00", "IT-1")), Set.of());
        assertThat(matches).containsExactly(new Match("s/2", "p1", Rule.MANUAL));
    }

    @Test
    void a_manual_match_of_a_credit_confirms_nothing_and_leaves_the_payment_to_its_debit() {
        // recorded before the BankStatement aggregate refused it: the matcher does not pair a credit either
        Line credit = new Line("s/2", date("2026-03-10"), eur("100.00"), BankEntry.CREDIT, null, CUP, "p1");
        List<Match> matches = BankMatcher.match(List.of(debit("s/1", "2026-03-10", "4500.00", "IT-1"), credit),
                List.of(payment("p1", "2026-03-10", "4500.00", "IT-1")), Set.of());
        assertThat(matches).containsExactly(new Match("s/1", "p1", Rule.BANK_REFERENCE));
    }

    @Test
    void never_pairs_an_entry_and_a_payment_of_different_currencies() {
        Line dollars = new Line("s/1", date("2026-03-10"), Money.of("4500.00", "USD"), BankEntry.DEBIT, "IT-1", CUP, null);
        Line manual = new Line("s/2", date("2026-03-10"), Money.of("4500.00", "USD"), BankEntry.DEBIT, null, CUP, "p1");
        assertThat(BankMatcher.match(List.of(dollars, manual), List.of(payment("p1", "2026-03-10", "4500.00", "IT-1")), Set.of())).isEmpty();
    }

    @Test
    void gives_the_same_matches_whatever_order_the_facts_come_in() {
        List<Line> lines = List.of(debit("s/1", "2026-03-10", "900.00", null), debit("s/2", "2026-03-10", "900.00", null));
        List<Payment> payments = List.of(payment("p1", "2026-03-09", "900.00", null), payment("p2", "2026-03-10", "900.00", null));
        List<Match> forward = BankMatcher.match(lines, payments, Set.of());
        List<Match> backward = BankMatcher.match(List.of(lines.get(1), lines.get(0)), List.of(payments.get(1), payments.get(0)), Set.of());
        assertThat(forward).containsExactlyInAnyOrderElementsOf(backward)
                .containsExactlyInAnyOrder(new Match("s/1", "p2", Rule.CUP_AMOUNT_DATE), new Match("s/2", "p1", Rule.CUP_AMOUNT_DATE));
    }
}
