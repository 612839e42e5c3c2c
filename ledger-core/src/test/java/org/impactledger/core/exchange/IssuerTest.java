package org.impactledger.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.exchange.ExchangeTestData.ADMITTED;
import static org.impactledger.core.exchange.ExchangeTestData.ANNA;
import static org.impactledger.core.exchange.ExchangeTestData.CLOSES;
import static org.impactledger.core.exchange.ExchangeTestData.EUR;
import static org.impactledger.core.exchange.ExchangeTestData.FOCUS;
import static org.impactledger.core.exchange.ExchangeTestData.ISSUER;
import static org.impactledger.core.exchange.ExchangeTestData.ISSUER_NAME;
import static org.impactledger.core.exchange.ExchangeTestData.OFFERING;
import static org.impactledger.core.exchange.ExchangeTestData.REPORTER;
import static org.impactledger.core.exchange.ExchangeTestData.SHARE;
import static org.impactledger.core.exchange.ExchangeTestData.VERIFIER;
import static org.impactledger.core.exchange.ExchangeTestData.admitIssuer;
import static org.impactledger.core.exchange.ExchangeTestData.allocation;
import static org.impactledger.core.exchange.ExchangeTestData.date;
import static org.impactledger.core.exchange.ExchangeTestData.eur;
import static org.impactledger.core.exchange.ExchangeTestData.issuerAdmitted;
import static org.impactledger.core.exchange.ExchangeTestData.offeringClosed;
import static org.impactledger.core.exchange.ExchangeTestData.standing;
import static org.impactledger.core.shared.Refusal.refusal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.impactledger.core.exchange.IssuerTestCommands.AskStanding;
import org.impactledger.core.exchange.IssuerTestCommands.FundIncome;
import org.impactledger.core.exchange.IssuerTestCommands.ReceiveProceeds;
import org.impactledger.core.exchange.command.AdmitIssuer;
import org.impactledger.core.exchange.command.DepositIssuerCash;
import org.impactledger.core.exchange.command.ReinstateIssuer;
import org.impactledger.core.exchange.command.RejectIssuerOutcome;
import org.impactledger.core.exchange.command.ReportIssuerOutcome;
import org.impactledger.core.exchange.command.SuspendIssuer;
import org.impactledger.core.exchange.command.VerifyIssuerOutcome;
import org.impactledger.core.exchange.command.WithdrawIssuerCash;
import org.impactledger.core.exchange.event.IncomeFunded;
import org.impactledger.core.exchange.event.IncomePaid;
import org.impactledger.core.exchange.event.IssuerAdmitted;
import org.impactledger.core.exchange.event.IssuerCashDeposited;
import org.impactledger.core.exchange.event.IssuerCashWithdrawn;
import org.impactledger.core.exchange.event.IssuerOutcomeRejected;
import org.impactledger.core.exchange.event.IssuerOutcomeReported;
import org.impactledger.core.exchange.event.IssuerOutcomeVerified;
import org.impactledger.core.exchange.event.IssuerReinstated;
import org.impactledger.core.exchange.event.IssuerSuspended;
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.exchange.event.OfferingProceedsReceived;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The issuer's rules, command by command, each with its accepted and its refused path. */
class IssuerTest {

    private static final OutcomeId O1 = OutcomeId.of("IO-1");
    private static final String HOUSED = "HOUSEHOLDS_HOUSED";

    private FixtureConfiguration<Issuer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Issuer.class);
        fixture.registerAnnotatedCommandHandler(new IssuerTestCommands.Handler(fixture.getRepository()));
    }

    private static AdmitIssuer admitWithFocus(String... codes) {
        return new AdmitIssuer(ISSUER, ISSUER_NAME, EUR, Arrays.asList(codes), ADMITTED);
    }

    private static ReportIssuerOutcome report(String target, String quantity) {
        return new ReportIssuerOutcome(ISSUER, O1, HOUSED, target, quantity == null ? null : new BigDecimal(quantity), "2025-Q1", REPORTER);
    }

    private static IssuerOutcomeReported reported(String quantity) {
        return new IssuerOutcomeReported(ISSUER, O1, HOUSED, "11.1", new BigDecimal(quantity), "2025-Q1", REPORTER);
    }

    private static IssuerCashDeposited deposited(String amount) {
        return new IssuerCashDeposited(ISSUER, eur(amount), "SEPA-ISS-1", ADMITTED);
    }

    private static IncomePaid dividend(String amount) {
        return new IncomePaid(SHARE, ISSUER, "DIV-2025", IncomeKind.DIVIDEND, eur(amount), 100, date("2025-06-30"), date("2025-07-15"), List.of());
    }

    @Nested
    class Admission {

        @Test
        void admits_a_social_enterprise_with_its_sdg_focus_in_canonical_form() {
            fixture.givenNoPriorActivity()
                    .when(admitWithFocus(" 11.1", "1.4", "10.A"))
                    .expectEvents(new IssuerAdmitted(ISSUER, ISSUER_NAME, EUR, List.of("11.1", "1.4", "10.a"), ADMITTED))
                    .expectState(issuer -> {
                        assertThat(issuer.suspended()).isFalse();
                        assertThat(issuer.cash()).isEqualTo(eur("0"));
                        assertThat(issuer.sdgFocus()).containsExactly("11.1", "1.4", "10.a");
                    });
        }

        @Test
        void refuses_an_issuer_without_an_sdg_focus() {
            fixture.givenNoPriorActivity()
                    .when(admitWithFocus())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "sdgFocus", "sdgFocus must name at least one SDG target"));
        }

        @Test
        void refuses_a_focus_target_that_is_not_one_of_the_169() {
            fixture.givenNoPriorActivity()
                    .when(admitWithFocus("11.1", "1.9"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.UNKNOWN_CODE, "sdgFocus[1]",
                            "SDG target 1.9 is not one of the 169 SDG targets: goal 1 has targets 1.1 to 1.5 and 1.a to 1.b; was '1.9'"));
        }

        @Test
        void refuses_a_malformed_focus_target() {
            fixture.givenNoPriorActivity()
                    .when(admitWithFocus("11"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "sdgFocus[0]",
                            "SDG target must be <goal>.<target>: a goal from 1 to 17, a dot, then a number or a letter, e.g. 1.2 or 3.a; was '11'"));
        }

        @Test
        void refuses_a_focus_target_named_twice() {
            fixture.givenNoPriorActivity()
                    .when(admitWithFocus("11.1", "1.4", "11.1 "))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "sdgFocus[2]", "SDG target 11.1 appears more than once in sdgFocus"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  "})
        void refuses_an_issuer_without_a_name(String name) {
            fixture.givenNoPriorActivity()
                    .when(new AdmitIssuer(ISSUER, name, EUR, FOCUS, ADMITTED))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "name", "name is required"));
        }

        @Test
        void refuses_a_currency_that_is_not_iso_4217() {
            fixture.givenNoPriorActivity()
                    .when(new AdmitIssuer(ISSUER, ISSUER_NAME, "EUX", FOCUS, ADMITTED))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.UNKNOWN_CODE, "currency", "currency EUX is not an ISO 4217 code"));
        }

        @Test
        void refuses_an_admission_without_a_date() {
            fixture.givenNoPriorActivity()
                    .when(new AdmitIssuer(ISSUER, ISSUER_NAME, EUR, FOCUS, null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "admittedOn", "admittedOn is required"));
        }
    }

    @Nested
    class Standing {

        @Test
        void suspends_an_issuer_and_its_standing_says_so() {
            fixture.given(issuerAdmitted())
                    .when(new SuspendIssuer(ISSUER, "annual report overdue", date("2025-05-02")))
                    .expectEvents(new IssuerSuspended(ISSUER, "annual report overdue", date("2025-05-02")))
                    .expectState(issuer -> assertThat(issuer.standing()).isEqualTo(standing(true)));
        }

        @Test
        void refuses_to_suspend_an_issuer_that_is_already_suspended() {
            fixture.given(issuerAdmitted(), new IssuerSuspended(ISSUER, "annual report overdue", date("2025-05-02")))
                    .when(new SuspendIssuer(ISSUER, "again", date("2025-05-03")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "issuer ISS-HOMES4ALL is already suspended since 2025-05-02"));
        }

        @Test
        void refuses_a_suspension_without_a_reason() {
            fixture.given(issuerAdmitted())
                    .when(new SuspendIssuer(ISSUER, " ", date("2025-05-02")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "reason", "reason is required"));
        }

        @Test
        void refuses_a_suspension_dated_before_the_admission() {
            fixture.given(issuerAdmitted())
                    .when(new SuspendIssuer(ISSUER, "annual report overdue", date("2025-01-09")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "suspendedOn",
                            "suspendedOn 2025-01-09 is before 2025-01-10, when the standing of issuer ISS-HOMES4ALL last changed"));
        }

        @Test
        void reinstates_a_suspended_issuer() {
            fixture.given(issuerAdmitted(), new IssuerSuspended(ISSUER, "annual report overdue", date("2025-05-02")))
                    .when(new ReinstateIssuer(ISSUER, "report filed", date("2025-05-20")))
                    .expectEvents(new IssuerReinstated(ISSUER, "report filed", date("2025-05-20")))
                    .expectState(issuer -> assertThat(issuer.standing()).isEqualTo(standing(false)));
        }

        @Test
        void refuses_to_reinstate_an_issuer_that_is_not_suspended() {
            fixture.given(issuerAdmitted())
                    .when(new ReinstateIssuer(ISSUER, "report filed", date("2025-05-20")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "issuer ISS-HOMES4ALL is not suspended"));
        }

        @Test
        void refuses_a_reinstatement_dated_before_the_suspension() {
            fixture.given(issuerAdmitted(), new IssuerSuspended(ISSUER, "annual report overdue", date("2025-05-02")))
                    .when(new ReinstateIssuer(ISSUER, "report filed", date("2025-05-01")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "reinstatedOn",
                            "reinstatedOn 2025-05-01 is before 2025-05-02, when issuer ISS-HOMES4ALL was suspended"));
        }
    }

    @Nested
    class Outcomes {

        @Test
        void records_a_reported_outcome_against_a_target_of_the_focus() {
            fixture.given(issuerAdmitted())
                    .when(report("11.1", "12"))
                    .expectEvents(reported("12"));
        }

        @Test
        void takes_reports_while_the_issuer_is_suspended() {
            fixture.given(issuerAdmitted(), new IssuerSuspended(ISSUER, "annual report overdue", date("2025-05-02")))
                    .when(report("11.1", "12"))
                    .expectEvents(reported("12"));
        }

        @Test
        void refuses_a_target_outside_the_issuers_focus() {
            fixture.given(issuerAdmitted())
                    .when(report("4.4", "12"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "sdgTarget",
                            "SDG target 4.4 is not in the SDG focus of issuer ISS-HOMES4ALL (11.1, 1.4)"));
        }

        @Test
        void refuses_a_target_that_does_not_exist() {
            fixture.given(issuerAdmitted())
                    .when(report("11.9", "12"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.UNKNOWN_CODE, "sdgTarget",
                            "SDG target 11.9 is not one of the 169 SDG targets: goal 11 has targets 11.1 to 11.7 and 11.a to 11.c; was '11.9'"));
        }

        @Test
        void refuses_an_outcome_id_reported_before() {
            fixture.given(issuerAdmitted(), reported("12"))
                    .when(report("11.1", "3"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.ALREADY_EXISTS, "outcomeId", "outcome IO-1 was already reported by issuer ISS-HOMES4ALL"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "1.005"})
        void refuses_a_quantity_that_is_not_positive_with_at_most_two_decimals(String quantity) {
            String message = quantity.equals("1.005") ? "quantity 1.005 has more than 2 decimals" : "quantity must be positive, was " + quantity;
            fixture.given(issuerAdmitted())
                    .when(report("11.1", quantity))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "quantity", message));
        }

        @Test
        void refuses_a_malformed_metric_code() {
            fixture.given(issuerAdmitted())
                    .when(new ReportIssuerOutcome(ISSUER, O1, "households housed", "11.1", BigDecimal.ONE, "2025-Q1", REPORTER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "metricCode", "metricCode 'households housed' must be 1-40 upper-case"
                            + " letters, digits, '_', '.' or '-', starting with a letter or digit"));
        }

        @Test
        void refuses_a_period_that_is_not_a_year_month_or_quarter() {
            fixture.given(issuerAdmitted())
                    .when(new ReportIssuerOutcome(ISSUER, O1, HOUSED, "11.1", BigDecimal.ONE, "Q1-2025", REPORTER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "period",
                            "period 'Q1-2025' must be a year (2025), a month (2025-03) or a quarter (2025-Q1)"));
        }

        @Test
        void refuses_a_report_without_the_reporting_principal() {
            fixture.given(issuerAdmitted())
                    .when(new ReportIssuerOutcome(ISSUER, O1, HOUSED, "11.1", BigDecimal.ONE, "2025-Q1", null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "reportedBy", "reportedBy is required"));
        }

        @Test
        void an_independent_verifier_verifies_part_of_the_reported_quantity() {
            fixture.given(issuerAdmitted(), reported("12"))
                    .when(new VerifyIssuerOutcome(ISSUER, O1, new BigDecimal("10"), "two households moved out", VERIFIER))
                    .expectEvents(new IssuerOutcomeVerified(ISSUER, O1, new BigDecimal("10"), "two households moved out", VERIFIER))
                    .expectState(issuer -> assertThat(issuer.verifiedOutcomes())
                            .containsExactly(new PortfolioImpact.VerifiedOutcome(HOUSED, "11.1", "2025-Q1", new BigDecimal("10"))));
        }

        @Test
        void refuses_verification_by_the_principal_who_reported_whatever_the_case() {
            fixture.given(issuerAdmitted(), reported("12"))
                    .when(new VerifyIssuerOutcome(ISSUER, O1, new BigDecimal("12"), null, " Issuer.Giulia"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.FOUR_EYES_VIOLATION, "verifiedBy",
                            " Issuer.Giulia reported outcome IO-1 and cannot also verify it"));
        }

        @Test
        void refuses_to_verify_more_than_was_reported() {
            fixture.given(issuerAdmitted(), reported("12"))
                    .when(new VerifyIssuerOutcome(ISSUER, O1, new BigDecimal("12.01"), null, VERIFIER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "verifiedQuantity", "verifiedQuantity 12.01 exceeds the reported quantity 12"));
        }

        @Test
        void refuses_to_verify_an_outcome_that_was_never_reported() {
            fixture.given(issuerAdmitted())
                    .when(new VerifyIssuerOutcome(ISSUER, O1, BigDecimal.ONE, null, VERIFIER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.NOT_FOUND, "outcomeId", "issuer ISS-HOMES4ALL has reported no outcome IO-1"));
        }

        @Test
        void refuses_to_verify_an_outcome_twice() {
            fixture.given(issuerAdmitted(), reported("12"), new IssuerOutcomeVerified(ISSUER, O1, new BigDecimal("12"), null, VERIFIER))
                    .when(new VerifyIssuerOutcome(ISSUER, O1, new BigDecimal("12"), null, VERIFIER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "outcome IO-1 is VERIFIED; only a REPORTED outcome can be verified"));
        }

        @Test
        void an_independent_verifier_rejects_an_outcome_which_then_counts_for_nothing() {
            fixture.given(issuerAdmitted(), reported("12"))
                    .when(new RejectIssuerOutcome(ISSUER, O1, "no tenancy contracts on file", VERIFIER))
                    .expectEvents(new IssuerOutcomeRejected(ISSUER, O1, "no tenancy contracts on file", VERIFIER))
                    .expectState(issuer -> assertThat(issuer.verifiedOutcomes()).isEmpty());
        }

        @Test
        void refuses_rejection_by_the_principal_who_reported() {
            fixture.given(issuerAdmitted(), reported("12"))
                    .when(new RejectIssuerOutcome(ISSUER, O1, "changed my mind", REPORTER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.FOUR_EYES_VIOLATION, "rejectedBy",
                            "issuer.giulia reported outcome IO-1 and cannot also reject it"));
        }

        @Test
        void refuses_a_rejection_without_a_reason() {
            fixture.given(issuerAdmitted(), reported("12"))
                    .when(new RejectIssuerOutcome(ISSUER, O1, "", VERIFIER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "reason", "reason is required"));
        }

        @Test
        void refuses_to_verify_a_rejected_outcome() {
            fixture.given(issuerAdmitted(), reported("12"), new IssuerOutcomeRejected(ISSUER, O1, "no evidence", VERIFIER))
                    .when(new VerifyIssuerOutcome(ISSUER, O1, new BigDecimal("12"), null, "verifier.nadia"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, null, "outcome IO-1 is REJECTED; only a REPORTED outcome can be verified"));
        }
    }

    @Nested
    class Cash {

        private final OfferingClosed closing = offeringClosed(SHARE, 100, CLOSES, allocation(ANNA, 100, 100));

        @Test
        void takes_deposits_in_its_currency() {
            fixture.given(issuerAdmitted())
                    .when(new DepositIssuerCash(ISSUER, eur("500"), "SEPA-ISS-1", ADMITTED))
                    .expectEvents(deposited("500"))
                    .expectState(issuer -> assertThat(issuer.cash()).isEqualTo(eur("500")));
        }

        @Test
        void refuses_a_deposit_in_another_currency() {
            fixture.given(issuerAdmitted())
                    .when(new DepositIssuerCash(ISSUER, Money.of("500", "CHF"), "SEPA-ISS-1", ADMITTED))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "amount", "amount is in CHF but issuer ISS-HOMES4ALL keeps its cash in EUR"));
        }

        @Test
        void refuses_a_deposit_that_is_not_positive() {
            fixture.given(issuerAdmitted())
                    .when(new DepositIssuerCash(ISSUER, eur("0"), "SEPA-ISS-1", ADMITTED))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "amount", "amount must be positive, was 0.00 EUR"));
        }

        @Test
        void withdraws_up_to_all_of_its_cash() {
            fixture.given(issuerAdmitted(), deposited("500"))
                    .when(new WithdrawIssuerCash(ISSUER, eur("500"), "SEPA-OUT-1", ADMITTED))
                    .expectEvents(new IssuerCashWithdrawn(ISSUER, eur("500"), "SEPA-OUT-1", ADMITTED))
                    .expectState(issuer -> assertThat(issuer.cash()).isEqualTo(eur("0")));
        }

        @Test
        void refuses_to_withdraw_more_than_its_cash() {
            fixture.given(issuerAdmitted(), deposited("500"))
                    .when(new WithdrawIssuerCash(ISSUER, eur("500.01"), "SEPA-OUT-1", ADMITTED))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "amount",
                            "withdrawal of 500.01 EUR exceeds the cash of issuer ISS-HOMES4ALL, 500.00 EUR"));
        }

        @Test
        void receives_the_proceeds_of_a_closed_offering() {
            fixture.given(issuerAdmitted())
                    .when(new ReceiveProceeds(ISSUER, closing))
                    .expectEvents(new OfferingProceedsReceived(ISSUER, SHARE, OFFERING, eur("1000"), CLOSES))
                    .expectState(issuer -> assertThat(issuer.cash()).isEqualTo(eur("1000")));
        }

        @Test
        void funds_a_dividend_from_its_cash() {
            fixture.given(issuerAdmitted(), deposited("500"))
                    .when(new FundIncome(ISSUER, dividend("500"), "amount"))
                    .expectEvents(new IncomeFunded(ISSUER, SHARE, "DIV-2025", IncomeKind.DIVIDEND, eur("500"), date("2025-07-15")))
                    .expectState(issuer -> assertThat(issuer.cash()).isEqualTo(eur("0")));
        }

        @Test
        void refuses_to_fund_income_beyond_its_cash() {
            fixture.given(issuerAdmitted(), deposited("500"))
                    .when(new FundIncome(ISSUER, dividend("750"), "amount"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "amount", "paying dividend DIV-2025 of 750.00 EUR exceeds the cash of"
                            + " issuer ISS-HOMES4ALL, 500.00 EUR; the issuer must deposit 250.00 EUR first"));
        }

        @Test
        void tells_an_instrument_its_standing() {
            fixture.given(issuerAdmitted())
                    .when(new AskStanding(ISSUER))
                    .expectResultMessagePayload(standing(false));
        }
    }
}
