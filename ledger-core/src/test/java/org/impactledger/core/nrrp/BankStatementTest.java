package org.impactledger.core.nrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.nrrp.NrrpTestData.ACCOUNT;
import static org.impactledger.core.nrrp.NrrpTestData.STATEMENT;
import static org.impactledger.core.nrrp.NrrpTestData.credit;
import static org.impactledger.core.nrrp.NrrpTestData.debit;
import static org.impactledger.core.nrrp.NrrpTestData.eur;
import static org.impactledger.core.nrrp.NrrpTestData.recorded;
import static org.impactledger.core.nrrp.NrrpTestData.statementImported;
import static org.impactledger.core.shared.Refusal.refusal;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.impactledger.core.nrrp.command.ImportBankStatement;
import org.impactledger.core.nrrp.command.MatchBankEntry;
import org.impactledger.core.nrrp.command.UnmatchBankEntry;
import org.impactledger.core.nrrp.event.BankEntryMatched;
import org.impactledger.core.nrrp.event.BankEntryUnmatched;
import org.impactledger.core.shared.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Importing statements idempotently, and the officers' manual match and unmatch, accepted and refused. */
class BankStatementTest {

    private static final BankEntry E1 = debit("E-1", "4500.00", "IT-1");
    private static final BankEntry E2 = debit("E-2", "900.00", null);
    private static final String PAYMENT = "5b1c1d1e-0000-4000-8000-000000000001";

    private FixtureConfiguration<BankStatement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BankStatement.class);
    }

    private static ImportBankStatement importing(BankEntry... entries) {
        return new ImportBankStatement(STATEMENT, ACCOUNT, "EUR", "camt.053", List.of(entries));
    }

    @Nested
    class Importing {

        @Test
        void records_the_statement_and_one_event_per_entry() {
            fixture.givenNoPriorActivity()
                    .when(importing(E1, E2))
                    .expectEvents(statementImported(), recorded(E1), recorded(E2))
                    .expectState(s -> assertThat(s.entryCount()).isEqualTo(2));
        }

        @Test
        void importing_the_same_statement_again_records_nothing() {
            fixture.given(statementImported(), recorded(E1), recorded(E2))
                    .when(importing(E1, E2))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void records_only_the_entries_a_longer_export_of_the_statement_adds() {
            fixture.given(statementImported(), recorded(E1))
                    .when(importing(E1, E2))
                    .expectEvents(recorded(E2));
        }

        @Test
        void refuses_an_entry_that_comes_back_with_different_content_and_records_nothing() {
            fixture.given(statementImported(), recorded(E1))
                    .when(importing(E2, debit("E-1", "4500.01", "IT-1")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "entries[1]", "entry E-1 of statement " + STATEMENT
                            + " was imported before with different content; a booked entry does not change"));
        }

        @Test
        void refuses_a_statement_whose_entry_names_a_malformed_cup_and_records_none_of_it() {
            BankEntry bad = new BankEntry("E-3", E1.bookingDate(), E1.valueDate(), eur("1.00"), BankEntry.DEBIT, null, null, "C11H2200011", null);
            fixture.givenNoPriorActivity()
                    .when(importing(E1, bad))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "entries[1].cup",
                            "CUP must be 15 characters: a letter, two digits, a letter, eleven digits; was 'C11H2200011'"));
        }

        @Test
        void refuses_an_entry_that_is_neither_debit_nor_credit() {
            BankEntry bad = new BankEntry("E-3", E1.bookingDate(), E1.valueDate(), eur("1.00"), "OUT", null, null, null, null);
            fixture.givenNoPriorActivity()
                    .when(importing(bad))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "entries[0].direction", "entries[0].direction must be DBIT or CRDT; was 'OUT'"));
        }

        @Test
        void refuses_an_empty_statement() {
            fixture.givenNoPriorActivity()
                    .when(importing())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "entries", "a statement needs at least one entry"));
        }
    }

    @Nested
    class MatchingByHand {

        @Test
        void matches_an_entry_to_a_payment_with_a_reason() {
            fixture.given(statementImported(), recorded(E1))
                    .when(new MatchBankEntry(STATEMENT, "E-1", PAYMENT, "EUR", "paid in two transfers", "officer-franca"))
                    .expectEvents(new BankEntryMatched(STATEMENT, "E-1", PAYMENT, "paid in two transfers", "officer-franca"));
        }

        @Test
        void refuses_a_match_without_a_reason() {
            fixture.given(statementImported(), recorded(E1))
                    .when(new MatchBankEntry(STATEMENT, "E-1", PAYMENT, "EUR", " ", "officer-franca"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "reason", "reason is required"));
        }

        @Test
        void refuses_a_match_of_an_entry_the_statement_does_not_have() {
            fixture.given(statementImported(), recorded(E1))
                    .when(new MatchBankEntry(STATEMENT, "E-9", PAYMENT, "EUR", "why", "officer-franca"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.NOT_FOUND, "entryReference", "statement " + STATEMENT + " has no entry E-9"));
        }

        @Test
        void refuses_to_match_a_credit_because_money_coming_in_confirms_no_payment() {
            BankEntry advance = credit("C-1", "100.00");
            fixture.given(statementImported(), recorded(E1), recorded(advance))
                    .when(new MatchBankEntry(STATEMENT, "C-1", PAYMENT, "EUR", "incoming transfer", "officer-franca"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "entryReference", "entry C-1 of statement " + STATEMENT
                            + " is a credit (CRDT, money coming in): only a debit (DBIT, money going out) can confirm a ledger payment,"
                            + " so a credit is never matched"));
        }

        @Test
        void refuses_to_match_a_payment_in_another_currency_than_the_statements() {
            fixture.given(statementImported(), recorded(E1))
                    .when(new MatchBankEntry(STATEMENT, "E-1", PAYMENT, "USD", "paid abroad", "officer-franca"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "paymentEventId", "payment " + PAYMENT + " is in USD and statement "
                            + STATEMENT + " in EUR: a bank entry confirms only a payment in its statement's currency"));
        }

        @Test
        void refuses_to_match_a_payment_that_is_matched_by_hand_to_another_entry_of_the_statement() {
            fixture.given(statementImported(), recorded(E1), recorded(E2), new BankEntryMatched(STATEMENT, "E-1", PAYMENT, "why", "officer-franca"))
                    .when(new MatchBankEntry(STATEMENT, "E-2", PAYMENT, "EUR", "the fees", "officer-gino"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "paymentEventId", "payment " + PAYMENT + " is matched by hand to entry E-1"
                            + " of statement " + STATEMENT + "; a payment is confirmed by one bank entry: unmatch it there first"));
        }

        @Test
        void matches_a_payment_to_another_entry_once_its_manual_match_was_undone() {
            fixture.given(statementImported(), recorded(E1), recorded(E2), new BankEntryMatched(STATEMENT, "E-1", PAYMENT, "why", "officer-franca"),
                            new BankEntryUnmatched(STATEMENT, "E-1", PAYMENT, "wrong entry", "officer-gino"))
                    .when(new MatchBankEntry(STATEMENT, "E-2", PAYMENT, "EUR", "the right entry", "officer-gino"))
                    .expectEvents(new BankEntryMatched(STATEMENT, "E-2", PAYMENT, "the right entry", "officer-gino"));
        }

        @Test
        void refuses_to_match_an_entry_again_to_the_payment_it_is_matched_to_by_hand() {
            fixture.given(statementImported(), recorded(E1), new BankEntryMatched(STATEMENT, "E-1", PAYMENT, "why", "officer-franca"))
                    .when(new MatchBankEntry(STATEMENT, "E-1", PAYMENT, "EUR", "why again", "officer-franca"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "entryReference", "entry E-1 is already matched by hand to payment "
                            + PAYMENT));
        }

        @Test
        void refuses_a_second_manual_match_of_the_same_entry() {
            fixture.given(statementImported(), recorded(E1), new BankEntryMatched(STATEMENT, "E-1", PAYMENT, "why", "officer-franca"))
                    .when(new MatchBankEntry(STATEMENT, "E-1", "other-payment", "EUR", "why", "officer-franca"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "entryReference", "entry E-1 is matched by hand to payment " + PAYMENT
                            + "; unmatch it first"));
        }

        @Test
        void unmatches_a_manual_match_with_a_reason() {
            fixture.given(statementImported(), recorded(E1), new BankEntryMatched(STATEMENT, "E-1", PAYMENT, "why", "officer-franca"))
                    .when(new UnmatchBankEntry(STATEMENT, "E-1", PAYMENT, "wrong payment", "officer-gino"))
                    .expectEvents(new BankEntryUnmatched(STATEMENT, "E-1", PAYMENT, "wrong payment", "officer-gino"));
        }

        @Test
        void rejects_an_automatic_match_once_and_refuses_rejecting_it_again() {
            fixture.given(statementImported(), recorded(E1), new BankEntryUnmatched(STATEMENT, "E-1", PAYMENT, "wrong payment", "officer-gino"))
                    .when(new UnmatchBankEntry(STATEMENT, "E-1", PAYMENT, "still wrong", "officer-gino"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "paymentEventId", "entry E-1 is already unmatched from payment " + PAYMENT));
        }
    }
}
