package org.impactledger.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactledger.core.contract.ContractTestData.APPROVER;
import static org.impactledger.core.contract.ContractTestData.BUDGET;
import static org.impactledger.core.contract.ContractTestData.CAP;
import static org.impactledger.core.contract.ContractTestData.CONTRACT;
import static org.impactledger.core.contract.ContractTestData.CULTURE;
import static org.impactledger.core.contract.ContractTestData.PAYER;
import static org.impactledger.core.contract.ContractTestData.PROVIDER;
import static org.impactledger.core.contract.ContractTestData.TREASURER;
import static org.impactledger.core.contract.ContractTestData.END;
import static org.impactledger.core.contract.ContractTestData.HOUSED;
import static org.impactledger.core.contract.ContractTestData.HOUSED_TARGETS;
import static org.impactledger.core.contract.ContractTestData.MENTORING;
import static org.impactledger.core.contract.ContractTestData.REPORTER;
import static org.impactledger.core.contract.ContractTestData.START;
import static org.impactledger.core.contract.ContractTestData.TITLE;
import static org.impactledger.core.contract.ContractTestData.VERIFIER;
import static org.impactledger.core.contract.ContractTestData.amendRateCard;
import static org.impactledger.core.contract.ContractTestData.closeContract;
import static org.impactledger.core.contract.ContractTestData.contractClosed;
import static org.impactledger.core.contract.ContractTestData.contractSigned;
import static org.impactledger.core.contract.ContractTestData.date;
import static org.impactledger.core.contract.ContractTestData.entry;
import static org.impactledger.core.contract.ContractTestData.eur;
import static org.impactledger.core.contract.ContractTestData.housed;
import static org.impactledger.core.contract.ContractTestData.mentoring;
import static org.impactledger.core.contract.ContractTestData.outcome;
import static org.impactledger.core.contract.ContractTestData.rateCard;
import static org.impactledger.core.contract.ContractTestData.rateCardAmended;
import static org.impactledger.core.contract.ContractTestData.signContract;
import static org.impactledger.core.contract.ContractTestData.signed;
import static org.impactledger.core.shared.EventReplay.apply;
import static org.impactledger.core.shared.EventReplay.replayed;
import static org.impactledger.core.shared.Refusal.refusal;

import java.time.LocalDate;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.ProviderId;
import org.impactledger.core.contract.command.ReversePayment;
import org.impactledger.core.contract.command.ExecuteOutcomePayment;
import org.impactledger.core.contract.command.ApproveOutcomePayment;
import org.impactledger.core.contract.command.WithdrawOutcome;
import org.impactledger.core.contract.command.ReportOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.impactledger.core.contract.ContractTestData.OutcomeSpec;
import org.impactledger.core.contract.command.SignContract;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract's rules, command by command, each with its accepted and its refused path. Commands
 * that production sends through {@link OutcomePaymentHandler} go here through
 * {@link ContractPaymentsForTest}, which drives the same contract methods with a recording budget.
 */
class ContractTest {

    private FixtureConfiguration<Contract> fixture;
    private RecordingBudget budget;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(ContractLimits.defaults());
        budget = new RecordingBudget();
        fixture.registerAnnotatedCommandHandler(new ContractPaymentsForTest(fixture.getRepository(), budget));
    }

    private static RateCardEntry withPrice(RateCardEntry e, Money price) {
        return new RateCardEntry(e.metricCode(), e.description(), price, e.sdgTargets(), e.rule());
    }

    private static List<RateCardEntry> cardWithSecond(RateCardEntry second) {
        return List.of(housed(), second);
    }

    // ================================================================ signing

    @Nested
    class Signing {

        @Test
        void signs_a_contract_with_the_payer_of_the_budget_and_the_rate_card_in_force_from_the_start() {
            fixture.givenNoPriorActivity()
                    .when(signContract())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(contractSigned())
                    .expectState(contract -> assertThat(contract.rateCardEntry(HOUSED, START)).contains(housed()));
        }

        @Test
        void refuses_a_contract_without_a_title() {
            fixture.givenNoPriorActivity()
                    .when(signContract(" ", START, END, CAP, rateCard()))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "title", "title is required"));
        }

        @Test
        void refuses_an_end_date_that_is_not_after_the_start_date() {
            fixture.givenNoPriorActivity()
                    .when(signContract(TITLE, START, START, CAP, rateCard()))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "endDate", "endDate 2025-01-01 must be after startDate 2025-01-01"));
        }

        @Test
        void accepts_a_term_of_one_day() {
            SignContract command = signContract(TITLE, START, START.plusDays(1), CAP, rateCard());
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(signed(command));
        }

        @Test
        void refuses_a_cap_that_is_not_positive() {
            fixture.givenNoPriorActivity()
                    .when(signContract(eur("0")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "cap", "cap must be positive, was 0.00 EUR"));
        }

        @Test
        void refuses_a_cap_in_another_currency_than_the_fund() {
            fixture.givenNoPriorActivity()
                    .when(signContract(Money.of("10000", "USD")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "cap", "cap is in USD but the fund keeps its books in EUR"));
        }

        @Test
        void refuses_an_empty_rate_card() {
            fixture.givenNoPriorActivity()
                    .when(signContract(List.of()))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "rateCard", "rateCard must have at least one entry"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"housed_6m", "_HOUSED", "HOUSED 6M", "A234567890123456789012345678901234567890X"})
        void refuses_a_malformed_metric_code(String metricCode) {
            fixture.givenNoPriorActivity()
                    .when(signContract(cardWithSecond(entry(metricCode, eur("10"), PaymentRule.ONCE_PER_BENEFICIARY, List.of("1.2")))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "rateCard[1].metricCode", "rateCard[1].metricCode '" + metricCode
                            + "' must be 1-40 upper-case letters, digits, '_', '.' or '-', starting with a letter or digit"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"X", "NEET-2.EMPLOYED_6M", "8", "A23456789012345678901234567890123456789X"})
        void accepts_metric_codes_of_capitals_digits_dots_dashes_and_underscores(String metricCode) {
            SignContract command = signContract(cardWithSecond(entry(metricCode, eur("10"), PaymentRule.ONCE_PER_BENEFICIARY, List.of("1.2"))));
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(signed(command));
        }

        @Test
        void refuses_a_metric_that_appears_twice_on_the_rate_card() {
            fixture.givenNoPriorActivity()
                    .when(signContract(List.of(housed(), mentoring(), housed())))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "rateCard[2].metricCode", "metric HOUSED_6M appears more than once in rateCard"));
        }

        @Test
        void refuses_an_entry_without_a_description() {
            RateCardEntry noDescription = new RateCardEntry(MENTORING, "", eur("120"), List.of("4.4"), PaymentRule.ONCE_PER_BENEFICIARY);
            fixture.givenNoPriorActivity()
                    .when(signContract(cardWithSecond(noDescription)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "rateCard[1].description", "rateCard[1].description is required"));
        }

        @Test
        void refuses_a_unit_price_in_another_currency_than_the_fund() {
            fixture.givenNoPriorActivity()
                    .when(signContract(cardWithSecond(withPrice(mentoring(), Money.of("120", "CHF")))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "rateCard[1].unitPrice",
                            "rateCard[1].unitPrice is in CHF but the fund keeps its books in EUR"));
        }

        @Test
        void refuses_a_unit_price_that_is_not_positive() {
            fixture.givenNoPriorActivity()
                    .when(signContract(cardWithSecond(withPrice(mentoring(), eur("-5")))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "rateCard[1].unitPrice", "rateCard[1].unitPrice must be positive, was -5.00 EUR"));
        }

        @Test
        void refuses_an_entry_without_a_payment_rule() {
            fixture.givenNoPriorActivity()
                    .when(signContract(List.of(entry(HOUSED, eur("1500"), null, HOUSED_TARGETS))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "rateCard[0].rule", "rateCard[0].rule is required"));
        }

        @Test
        void refuses_an_entry_without_sdg_targets() {
            fixture.givenNoPriorActivity()
                    .when(signContract(List.of(entry(HOUSED, eur("1500"), PaymentRule.ONCE_PER_BENEFICIARY, List.of()))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "rateCard[0].sdgTargets", "rateCard[0].sdgTargets must name at least one SDG target"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"18.1", "0.1", "1.0", "1.k", "11", "SDG1.2", "1.100", "1.9", "11.9", "17.a", "3.e"})
        void refuses_a_code_that_is_not_an_sdg_target(String code) {
            fixture.givenNoPriorActivity()
                    .when(signContract(List.of(entry(HOUSED, eur("1500"), PaymentRule.ONCE_PER_BENEFICIARY, List.of("1.2", code)))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.UNKNOWN_CODE, "rateCard[0].sdgTargets", "rateCard[0].sdgTargets: '" + code
                            + "' is not one of the 169 SDG targets of the 2030 Agenda (such as 1.2, 11.1 or 17.19)"));
        }

        @Test
        void refuses_a_rate_card_line_naming_an_sdg_target_twice() {
            fixture.givenNoPriorActivity()
                    .when(signContract(List.of(entry(HOUSED, eur("1500"), PaymentRule.ONCE_PER_BENEFICIARY, List.of("11.1", "1.2", "11.1")))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "rateCard[0].sdgTargets[2]",
                            "SDG target 11.1 appears more than once in rateCard[0].sdgTargets"));
        }

        @Test
        void accepts_numbered_and_means_of_implementation_sdg_targets() {
            SignContract command = signContract(List.of(entry(HOUSED, eur("1500"), PaymentRule.ONCE_PER_BENEFICIARY,
                    List.of("1.2", "11.1", "10.c", "16.10", "17.19"))));
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(signed(command));
        }
    }

    // ================================================================ rate card amendments and pricing

    @Nested
    class AmendingTheRateCard {

        private final RateCardEntry dearerHousing = withPrice(housed(), eur("1800"));
        private final RateCardEntry digitalSkills = entry("DIGITAL_SKILLS", eur("200"), PaymentRule.ONCE_PER_BENEFICIARY, List.of("4.4"));

        @Test
        void amends_the_rate_card_from_a_date_inside_the_term() {
            fixture.given(contractSigned())
                    .when(amendRateCard("AM-1", date("2025-07-01"), dearerHousing, digitalSkills))
                    .expectEvents(rateCardAmended("AM-1", date("2025-07-01"), dearerHousing, digitalSkills));
        }

        @Test
        void refuses_an_amendment_id_used_before() {
            fixture.given(contractSigned(), rateCardAmended("AM-1", date("2025-07-01"), dearerHousing))
                    .when(amendRateCard("AM-1", date("2025-09-01"), digitalSkills))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.ALREADY_EXISTS, "amendmentId", "amendment AM-1 was already applied to contract C-HOUSING-FIRST-1"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2024-12-31", "2027-01-01"})
        void refuses_an_amendment_effective_outside_the_term(String effectiveFrom) {
            fixture.given(contractSigned())
                    .when(amendRateCard("AM-1", date(effectiveFrom), dearerHousing))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "effectiveFrom",
                            "effectiveFrom " + effectiveFrom + " is outside the contract term 2025-01-01 to 2026-12-31"));
        }

        @Test
        void refuses_an_amendment_without_entries() {
            fixture.given(contractSigned())
                    .when(amendRateCard("AM-1", date("2025-07-01")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "entries", "entries must have at least one entry"));
        }

        @Test
        void validates_amended_entries_like_the_signed_ones_naming_the_entry() {
            fixture.given(contractSigned())
                    .when(amendRateCard("AM-1", date("2025-07-01"), digitalSkills, withPrice(housed(), Money.of("1800", "USD"))))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "entries[1].unitPrice",
                            "entries[1].unitPrice is in USD but the fund keeps its books in EUR"));
        }

        @Test
        void prices_an_outcome_dated_before_the_amendment_at_the_signed_price() {
            OutcomeSpec june = outcome("O-1").on("2025-06-30");
            fixture.given(contractSigned(), rateCardAmended("AM-1", date("2025-07-01"), dearerHousing), june.reported(), june.verified())
                    .when(june.approve())
                    .expectEvents(june.approved("1", eur("1500"), HOUSED_TARGETS));
        }

        @Test
        void prices_an_outcome_dated_from_the_amendment_at_the_amended_price() {
            OutcomeSpec july = outcome("O-1").on("2025-07-01");
            fixture.given(contractSigned(), rateCardAmended("AM-1", date("2025-07-01"), dearerHousing), july.reported(), july.verified())
                    .when(july.approve())
                    .expectEvents(july.approved("1", eur("1800"), HOUSED_TARGETS));
        }

        @Test
        void prices_by_the_latest_effective_date_not_by_the_order_of_amendments() {
            OutcomeSpec august = outcome("O-1").on("2025-08-15");
            fixture.given(contractSigned(),
                            rateCardAmended("AM-1", date("2025-09-01"), withPrice(housed(), eur("2000"))),
                            rateCardAmended("AM-2", date("2025-07-01"), dearerHousing),
                            august.reported(), august.verified())
                    .when(august.approve())
                    .expectEvents(august.approved("1", eur("1800"), HOUSED_TARGETS))
                    .expectState(contract -> assertThat(contract.rateCardEntry(HOUSED, date("2025-09-01")).map(RateCardEntry::unitPrice))
                            .contains(eur("2000")));
        }

        @Test
        void refuses_an_outcome_for_an_added_metric_dated_before_its_effective_date() {
            fixture.given(contractSigned(), rateCardAmended("AM-1", date("2025-07-01"), digitalSkills))
                    .when(outcome("O-1").metric("DIGITAL_SKILLS").on("2025-06-30").report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.UNKNOWN_CODE, "metricCode",
                            "metric DIGITAL_SKILLS is priced only from 2025-07-01, after the outcome date 2025-06-30"));
        }

        @Test
        void accepts_an_outcome_for_an_added_metric_from_its_effective_date() {
            OutcomeSpec skills = outcome("O-1").metric("DIGITAL_SKILLS").on("2025-07-01");
            fixture.given(contractSigned(), rateCardAmended("AM-1", date("2025-07-01"), digitalSkills))
                    .when(skills.report())
                    .expectEvents(skills.reported());
        }
    }

    // ================================================================ closing

    @Nested
    class Closing {

        private final OutcomeSpec outcome = outcome("O-1");

        @Test
        void closes_a_contract() {
            fixture.given(contractSigned())
                    .when(closeContract(END))
                    .expectEvents(contractClosed(END))
                    .expectState(contract -> assertThat(contract.closed()).isTrue());
        }

        @Test
        void refuses_to_close_a_contract_twice() {
            fixture.given(contractSigned(), contractClosed(END))
                    .when(closeContract(END.plusDays(1)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CONTRACT_CLOSED, "contractId", "contract C-HOUSING-FIRST-1 was already closed on 2026-12-31"));
        }

        @Test
        void refuses_a_closing_date_before_the_start() {
            fixture.given(contractSigned())
                    .when(closeContract(START.minusDays(1)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "closedOn", "closedOn 2024-12-31 is before the contract start date 2025-01-01"));
        }

        @Test
        void accepts_a_closing_date_on_the_start() {
            fixture.given(contractSigned())
                    .when(closeContract(START))
                    .expectEvents(contractClosed(START));
        }

        static Stream<Arguments> commandsAClosedContractRefuses() {
            OutcomeSpec reported = outcome("O-1");
            OutcomeSpec verified = outcome("O-2").beneficiary("BEN-0002");
            return Stream.of(
                    Arguments.of("amend rate card", amendRateCard("AM-1", date("2025-07-01"), housed())),
                    Arguments.of("report", outcome("O-3").beneficiary("BEN-0003").report()),
                    Arguments.of("verify", reported.verify()),
                    Arguments.of("reject", reported.reject("no lease", VERIFIER)),
                    Arguments.of("withdraw", reported.withdraw("duplicate")),
                    Arguments.of("approve", verified.approve()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("commandsAClosedContractRefuses")
        void refuses_everything_else_once_closed(String what, Object command) {
            OutcomeSpec reported = outcome("O-1");
            OutcomeSpec verified = outcome("O-2").beneficiary("BEN-0002");
            fixture.given(contractSigned(), reported.reported(), verified.reported(), verified.verified(), contractClosed(END))
                    .when(command)
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CONTRACT_CLOSED, "contractId",
                            "contract C-HOUSING-FIRST-1 was closed on 2026-12-31 and accepts no more changes"));
        }

        @Test
        void still_executes_a_payment_approved_before_the_close() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.approved(), contractClosed(END))
                    .when(outcome.execute("TRN-2027-001", date("2027-01-15")))
                    .expectEvents(outcome.executed(eur("1500.00"), "TRN-2027-001", date("2027-01-15")));
        }

        @Test
        void still_reverses_a_payment_after_the_close() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.approved(), contractClosed(END))
                    .when(outcome.reverse("tenancy ended early", date("2027-01-15")))
                    .expectEvents(outcome.reversed(eur("1500.00"), false, "tenancy ended early", date("2027-01-15")));
        }
    }

    // ================================================================ reporting outcomes

    @Nested
    class Reporting {

        @Test
        void reports_an_outcome_for_the_fund_with_the_evidence_hash_in_lower_case() {
            OutcomeSpec spec = outcome("O-1").evidence("evidence/lease.pdf", ContractTestData.SHA256.toUpperCase());
            fixture.given(contractSigned())
                    .when(spec.report())
                    .expectEvents(spec.reported());
        }

        @Test
        void refuses_an_outcome_id_reported_before() {
            fixture.given(contractSigned(), outcome("O-1").reported())
                    .when(outcome("O-1").beneficiary("BEN-0002").report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.ALREADY_EXISTS, "outcomeId", "outcome O-1 was already reported under contract C-HOUSING-FIRST-1"));
        }

        @Test
        void refuses_an_outcome_beyond_the_contract_capacity() {
            FixtureConfiguration<Contract> small = new AggregateTestFixture<>(Contract.class);
            small.registerInjectableResource(new ContractLimits(2));
            small.given(contractSigned(), outcome("O-1").reported(), outcome("O-2").beneficiary("BEN-0002").reported())
                    .when(outcome("O-3").beneficiary("BEN-0003").report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "contractId", "contract C-HOUSING-FIRST-1 already records 2 outcomes, "
                            + "the most one contract may hold (ledger.contracts.max-outcomes); report further outcomes under another contract"));
            // an outcome reported before is still answered as such, not as a capacity refusal
            small.given(contractSigned(), outcome("O-1").reported(), outcome("O-2").beneficiary("BEN-0002").reported())
                    .when(outcome("O-1").beneficiary("BEN-0009").report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.ALREADY_EXISTS, "outcomeId", "outcome O-1 was already reported under contract C-HOUSING-FIRST-1"));
        }

        @Test
        void refuses_a_metric_that_is_not_on_the_rate_card() {
            fixture.given(contractSigned())
                    .when(outcome("O-1").metric("MEALS_SERVED").report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.UNKNOWN_CODE, "metricCode", "metric MEALS_SERVED is not on the rate card of contract C-HOUSING-FIRST-1"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2024-12-31", "2027-01-01"})
        void refuses_an_outcome_dated_outside_the_term(String outcomeDate) {
            fixture.given(contractSigned())
                    .when(outcome("O-1").on(outcomeDate).report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "outcomeDate",
                            "outcomeDate " + outcomeDate + " is outside the contract term 2025-01-01 to 2026-12-31"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-01-01", "2026-12-31"})
        void accepts_an_outcome_dated_on_the_first_or_last_day_of_the_term(String outcomeDate) {
            OutcomeSpec spec = outcome("O-1").on(outcomeDate);
            fixture.given(contractSigned())
                    .when(spec.report())
                    .expectEvents(spec.reported());
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1"})
        void refuses_a_quantity_that_is_not_positive(String quantity) {
            fixture.given(contractSigned())
                    .when(outcome("O-1").quantity(quantity).report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "quantity", "quantity must be positive, was " + quantity));
        }

        @Test
        void refuses_a_quantity_with_more_than_two_decimals() {
            fixture.given(contractSigned())
                    .when(outcome("O-1").quantity("1.005").report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "quantity", "quantity 1.005 has more than 2 decimals"));
        }

        @Test
        void refuses_a_quantity_whose_price_is_not_a_whole_number_of_cents() {
            fixture.given(contractSigned())
                    .when(outcome("O-1").metric(CULTURE).quantity("0.5").report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "quantity", "quantity 0.5 × unit price 7.35 EUR is not a whole number of cents"));
        }

        @Test
        void accepts_a_fractional_quantity_priced_in_whole_cents() {
            OutcomeSpec spec = outcome("O-1").metric(MENTORING).period("2025-05").quantity("2.5");
            fixture.given(contractSigned())
                    .when(spec.report())
                    .expectEvents(spec.reported());
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-13", "2025-00", "2025-Q5", "2025-Q0", "25", "2025/03", "2025-3", "Q1-2025", "2025-q1"})
        void refuses_a_period_that_is_not_a_year_month_or_quarter(String period) {
            fixture.given(contractSigned())
                    .when(outcome("O-1").period(period).report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "period",
                            "period '" + period + "' must be a year (2025), a month (2025-03) or a quarter (2025-Q1)"));
        }

        @ParameterizedTest
        @CsvSource({"2025, 2025-05-15", "2025-01, 2025-01-31", "2025-12, 2025-12-01", "2025-Q1, 2025-03-31", "2025-Q4, 2025-10-01"})
        void accepts_a_year_a_month_or_a_quarter_as_period(String period, String outcomeDate) {
            OutcomeSpec spec = outcome("O-1").period(period).on(outcomeDate);
            fixture.given(contractSigned())
                    .when(spec.report())
                    .expectEvents(spec.reported());
        }

        @ParameterizedTest
        @CsvSource({"2026, 2025-06-15", "2025-Q1, 2025-04-01", "2025-05, 2025-04-30", "2025-06, 2025-07-01"})
        void refuses_a_period_the_outcome_date_is_not_in(String period, String outcomeDate) {
            fixture.given(contractSigned())
                    .when(outcome("O-1").period(period).on(outcomeDate).report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "period", "outcomeDate " + outcomeDate + " is not in period " + period
                            + "; an outcome is reported for the period it was achieved in"));
        }

        @Test
        void refuses_an_outcome_without_evidence_reference() {
            fixture.given(contractSigned())
                    .when(outcome("O-1").evidence(null, ContractTestData.SHA256).report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "evidenceReference", "evidenceReference is required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0g",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a080"})
        void refuses_an_evidence_hash_that_is_not_a_sha256_digest(String sha) {
            fixture.given(contractSigned())
                    .when(outcome("O-1").evidence("evidence/lease.pdf", sha).report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "evidenceSha256",
                            "evidenceSha256 must be 64 hexadecimal characters (a SHA-256 digest), was " + sha.length() + " characters"));
        }

        @Test
        void refuses_an_outcome_without_reporter() {
            fixture.given(contractSigned())
                    .when(outcome("O-1").reportedBy("").report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "reportedBy", "reportedBy is required"));
        }

        @Test
        void refuses_an_outcome_for_a_beneficiary_and_metric_already_paid_once() {
            OutcomeSpec first = outcome("O-1");
            fixture.given(contractSigned(), first.reported(), first.verified(), first.approved())
                    .when(outcome("O-2").period("2025-Q4").on("2025-11-20").report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DUPLICATE_PAYMENT, "beneficiaryId",
                            "beneficiary BEN-0001 already has a payment for metric HOUSED_6M (outcome O-1, APPROVED); the metric is paid once per beneficiary"));
        }

        @Test
        void reports_a_second_outcome_for_a_claim_that_is_verified_but_not_yet_paid() {
            OutcomeSpec first = outcome("O-1");
            OutcomeSpec second = outcome("O-2");
            fixture.given(contractSigned(), first.reported(), first.verified())
                    .when(second.report())
                    .expectEvents(second.reported());
        }

        @Test
        void refuses_a_second_outcome_in_a_period_already_paid_for_a_per_period_metric() {
            OutcomeSpec may = outcome("O-1").metric(MENTORING).period("2025-05").on("2025-05-31");
            fixture.given(contractSigned(), may.reported(), may.verified(), may.approved(),
                            may.executed(eur("120.00"), "TRN-1", date("2025-06-10")))
                    .when(outcome("O-2").metric(MENTORING).period("2025-05").on("2025-05-30").report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DUPLICATE_PAYMENT, "beneficiaryId",
                            "beneficiary BEN-0001 already has a payment for metric MENTORING_MONTH in period 2025-05 (outcome O-1, PAID); "
                                    + "the metric is paid once per beneficiary per period"));
        }

        @Test
        void refuses_a_longer_period_that_contains_a_period_already_paid_for_a_per_period_metric() {
            OutcomeSpec may = outcome("O-1").metric(MENTORING).period("2025-05").on("2025-05-31");
            fixture.given(contractSigned(), may.reported(), may.verified(), may.approved(),
                            may.executed(eur("120.00"), "TRN-1", date("2025-06-10")))
                    .when(outcome("O-2").metric(MENTORING).period("2025-Q2").on("2025-06-15").report())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DUPLICATE_PAYMENT, "beneficiaryId",
                            "beneficiary BEN-0001 already has a payment for metric MENTORING_MONTH in period 2025-05 (outcome O-1, PAID); "
                                    + "the metric is paid once per beneficiary per period"));
        }

        @Test
        void reports_another_period_for_a_metric_paid_once_per_period() {
            OutcomeSpec may = outcome("O-1").metric(MENTORING).period("2025-05").on("2025-05-31");
            OutcomeSpec june = outcome("O-2").metric(MENTORING).period("2025-06").on("2025-06-30");
            fixture.given(contractSigned(), may.reported(), may.verified(), may.approved())
                    .when(june.report())
                    .expectEvents(june.reported());
        }

        @Test
        void reports_again_for_a_claim_whose_payment_was_reversed() {
            OutcomeSpec first = outcome("O-1");
            OutcomeSpec second = outcome("O-2");
            fixture.given(contractSigned(), first.reported(), first.verified(), first.approved(),
                            first.reversed(eur("1500.00"), false, "wrong beneficiary id", date("2025-06-01")),
                            first.withdrawn("wrong beneficiary id"))
                    .when(second.report())
                    .expectEvents(second.reported());
        }
    }

    // ================================================================ verifying and rejecting

    @Nested
    class Verifying {

        private final OutcomeSpec outcome = outcome("O-1").quantity("2");

        @Test
        void verifies_part_of_the_reported_quantity() {
            fixture.given(contractSigned(), outcome.reported())
                    .when(outcome.verify("1", VERIFIER))
                    .expectEvents(outcome.verified("1"));
        }

        @Test
        void verifies_the_whole_reported_quantity() {
            fixture.given(contractSigned(), outcome.reported())
                    .when(outcome.verify("2.00", VERIFIER))
                    .expectEvents(outcome.verified("2.00"));
        }

        @Test
        void refuses_to_verify_an_unknown_outcome() {
            fixture.given(contractSigned(), outcome.reported())
                    .when(outcome("O-9").verify())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.NOT_FOUND, "outcomeId", "no outcome O-9 under contract C-HOUSING-FIRST-1"));
        }

        @Test
        void refuses_to_verify_an_outcome_twice() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified())
                    .when(outcome.verify())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "outcomeId",
                            "outcome O-1 is VERIFIED; only an outcome that is REPORTED can be verified"));
        }

        @ParameterizedTest
        @ValueSource(strings = {REPORTER, "Provider.Anna", " provider.anna "})
        void refuses_verification_by_the_reporter(String verifier) {
            fixture.given(contractSigned(), outcome.reported())
                    .when(outcome.verify("2", verifier))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.FOUR_EYES_VIOLATION, "verifiedBy",
                            verifier + " reported outcome O-1 and cannot also verify it"));
        }

        @Test
        void refuses_a_verified_quantity_above_the_reported_quantity() {
            fixture.given(contractSigned(), outcome.reported())
                    .when(outcome.verify("3", VERIFIER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "verifiedQuantity", "verifiedQuantity 3 exceeds the reported quantity 2"));
        }

        @Test
        void refuses_a_verified_quantity_that_is_not_positive() {
            fixture.given(contractSigned(), outcome.reported())
                    .when(outcome.verify("0", VERIFIER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "verifiedQuantity", "verifiedQuantity must be positive, was 0"));
        }

        @Test
        void refuses_a_verified_quantity_whose_price_is_not_a_whole_number_of_cents() {
            OutcomeSpec visits = outcome("O-1").metric(CULTURE).period("2025-05").quantity("4");
            fixture.given(contractSigned(), visits.reported())
                    .when(visits.verify("2.5", VERIFIER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "verifiedQuantity",
                            "verifiedQuantity 2.5 × unit price 7.35 EUR is not a whole number of cents"));
        }

        @Test
        void rejects_a_reported_outcome_with_a_reason() {
            fixture.given(contractSigned(), outcome.reported())
                    .when(outcome.reject("lease not registered", VERIFIER))
                    .expectEvents(outcome.rejected());
        }

        @Test
        void refuses_rejection_by_the_reporter() {
            fixture.given(contractSigned(), outcome.reported())
                    .when(outcome.reject("lease not registered", REPORTER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.FOUR_EYES_VIOLATION, "rejectedBy", "provider.anna reported outcome O-1 and cannot also reject it"));
        }

        @Test
        void refuses_rejection_without_a_reason() {
            fixture.given(contractSigned(), outcome.reported())
                    .when(outcome.reject(" ", VERIFIER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "reason", "reason is required"));
        }

        @Test
        void refuses_to_reject_an_outcome_that_is_already_verified() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified())
                    .when(outcome.reject("lease not registered", VERIFIER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "outcomeId",
                            "outcome O-1 is VERIFIED; only an outcome that is REPORTED can be rejected"));
        }
    }

    // ================================================================ approving payments

    @Nested
    class Approving {

        private final OutcomeSpec outcome = outcome("O-1").quantity("2");

        @Test
        void keeps_the_approved_total_once_summed_through_approvals_payments_reversals_and_withdrawals() {
            OutcomeSpec first = outcome("O-1");
            OutcomeSpec second = outcome("O-2").beneficiary("BEN-0002");
            OutcomeSpec third = outcome("O-3").beneficiary("BEN-0003");
            List<Object> history = new ArrayList<>(List.of(contractSigned(), first.reported(), second.reported(), third.reported(),
                    first.verified(), second.verified(), third.verified()));
            Contract contract = replayed(Contract::new, history);
            assertThat(contract.approvedTotal()).isEqualTo(eur("0.00")); // summed here, then kept by the handlers

            Object[][] steps = {
                    {first.approved(), "1500.00"},
                    {second.approved(), "3000.00"},
                    {first.executed(eur("1500.00"), "TRN-1", date("2025-06-01")), "3000.00"},
                    {first.reversed(eur("1500.00"), true, "paid twice", date("2025-06-02")), "1500.00"},
                    {third.withdrawn("reported in error"), "1500.00"},
                    {first.approved(), "3000.00"},
                    {second.reversed(eur("1500.00"), false, "wrong beneficiary", date("2025-06-03")), "1500.00"}};
            for (Object[] step : steps) {
                apply(contract, step[0]);
                history.add(step[0]);
                assertThat(contract.approvedTotal()).as("after %s", step[0].getClass().getSimpleName()).isEqualTo(eur((String) step[1]))
                        // the same as summing every outcome of a contract loaded from the same events
                        .isEqualTo(replayed(Contract::new, history).approvedTotal());
            }
        }

        @Test
        void approves_verified_quantity_times_unit_price_after_reserving_it_on_the_payer_budget() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified("2"))
                    .when(outcome.approve())
                    .expectEvents(outcome.approved("2", eur("1500"), HOUSED_TARGETS))
                    .expectResultMessagePayload(eur("3000.00"))
                    .expectState(contract -> {
                        assertThat(contract.approvedTotal()).isEqualTo(eur("3000.00"));
                        assertThat(contract.priceOutcome(outcome.id())).isEqualTo(eur("3000.00"));
                    });
            assertThat(budget.calls).containsExactly("reserve 3000.00 EUR on B-CITY-2025 for C-HOUSING-FIRST-1/O-1");
        }

        @Test
        void pays_only_the_verified_part_of_the_reported_quantity() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified("1"))
                    .when(outcome.approve())
                    .expectEvents(outcome.approved("1", eur("1500"), HOUSED_TARGETS))
                    .expectResultMessagePayload(eur("1500.00"));
        }

        @Test
        void refuses_to_approve_an_outcome_that_is_not_verified() {
            fixture.given(contractSigned(), outcome.reported())
                    .when(outcome.approve())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "outcomeId",
                            "outcome O-1 is REPORTED; only an outcome that is VERIFIED can be approved for payment"));
            assertThat(budget.calls).isEmpty();
        }

        @Test
        void refuses_approval_by_the_reporter() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified())
                    .when(outcome.approve(REPORTER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.FOUR_EYES_VIOLATION, "approvedBy", "provider.anna reported outcome O-1 and cannot approve its payment"));
        }

        @Test
        void refuses_approval_by_the_verifier() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified())
                    .when(outcome.approve(VERIFIER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.FOUR_EYES_VIOLATION, "approvedBy", "verifier.bruno verified outcome O-1 and cannot approve its payment"));
            assertThat(budget.calls).isEmpty();
        }

        @Test
        void rejects_a_second_payment_for_the_same_beneficiary_and_metric() {
            OutcomeSpec first = outcome("O-1");
            OutcomeSpec second = outcome("O-2").period("2025-Q4").on("2025-11-20");
            fixture.given(contractSigned(), first.reported(), second.reported(), first.verified(), second.verified(), first.approved())
                    .when(second.approve())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DUPLICATE_PAYMENT, "outcomeId",
                            "beneficiary BEN-0001 already has a payment for metric HOUSED_6M (outcome O-1, APPROVED); the metric is paid once per beneficiary"));
            assertThat(budget.calls).isEmpty();
        }

        @Test
        void approves_the_same_metric_for_another_beneficiary() {
            OutcomeSpec first = outcome("O-1");
            OutcomeSpec other = outcome("O-2").beneficiary("BEN-0002");
            fixture.given(contractSigned(), first.reported(), other.reported(), first.verified(), other.verified(), first.approved())
                    .when(other.approve())
                    .expectEvents(other.approved());
        }

        @Test
        void rejects_a_second_payment_for_the_same_beneficiary_metric_and_period() {
            OutcomeSpec first = outcome("O-1").metric(MENTORING).period("2025-05").on("2025-05-10");
            OutcomeSpec second = outcome("O-2").metric(MENTORING).period("2025-05").on("2025-05-31");
            fixture.given(contractSigned(), first.reported(), second.reported(), first.verified(), second.verified(), first.approved())
                    .when(second.approve())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DUPLICATE_PAYMENT, "outcomeId",
                            "beneficiary BEN-0001 already has a payment for metric MENTORING_MONTH in period 2025-05 (outcome O-1, APPROVED); "
                                    + "the metric is paid once per beneficiary per period"));
        }

        @Test
        void approves_a_per_period_metric_again_in_another_period() {
            OutcomeSpec may = outcome("O-1").metric(MENTORING).period("2025-05").on("2025-05-31");
            OutcomeSpec june = outcome("O-2").metric(MENTORING).period("2025-06").on("2025-06-30");
            fixture.given(contractSigned(), may.reported(), june.reported(), may.verified(), june.verified(), may.approved())
                    .when(june.approve())
                    .expectEvents(june.approved());
        }

        @Test
        void refuses_an_approval_that_would_exceed_the_cap() {
            OutcomeSpec first = outcome("O-1");
            OutcomeSpec second = outcome("O-2").beneficiary("BEN-0002");
            fixture.given(contractSigned(eur("2000")), first.reported(), second.reported(), first.verified(), second.verified(), first.approved())
                    .when(second.approve())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "cap",
                            "approving 1500.00 EUR for outcome O-2 would bring approved payments to 3000.00 EUR, above the contract cap of 2000.00 EUR "
                                    + "(approved so far 1500.00 EUR, remaining 500.00 EUR)"));
            assertThat(budget.calls).isEmpty();
        }

        @Test
        void approves_up_to_exactly_the_cap() {
            OutcomeSpec first = outcome("O-1");
            OutcomeSpec second = outcome("O-2").beneficiary("BEN-0002");
            fixture.given(contractSigned(eur("3000")), first.reported(), second.reported(), first.verified(), second.verified(), first.approved())
                    .when(second.approve())
                    .expectEvents(second.approved())
                    .expectState(contract -> assertThat(contract.approvedTotal()).isEqualTo(eur("3000.00")));
        }

        @Test
        void frees_the_cap_and_the_claim_when_a_payment_is_reversed() {
            OutcomeSpec first = outcome("O-1");
            fixture.given(contractSigned(eur("1500")), first.reported(), first.verified(), first.approved(),
                            first.executed(eur("1500.00"), "TRN-1", date("2025-06-10")),
                            first.reversed(eur("1500.00"), true, "paid twice by the bank", date("2025-06-20")))
                    .when(first.approve())
                    .expectEvents(first.approved());
        }

        @Test
        void appends_nothing_when_the_payer_budget_refuses_the_reservation() {
            budget.refuseReservations();
            fixture.given(contractSigned(), outcome.reported(), outcome.verified())
                    .when(outcome.approve())
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "budgetId", "budget B-CITY-2025 cannot cover 3000.00 EUR"));
        }

        @Test
        void prices_a_verified_outcome_at_verified_quantity_times_unit_price() {
            OutcomeSpec other = outcome("O-2").beneficiary("BEN-0002");
            fixture.given(contractSigned(), outcome.reported(), outcome.verified("1.5"))
                    .when(other.report())
                    .expectState(contract -> assertThat(contract.priceOutcome(outcome.id())).isEqualTo(eur("2250.00")));
        }

        @Test
        void refuses_to_price_an_outcome_that_is_not_verified() {
            OutcomeSpec other = outcome("O-2").beneficiary("BEN-0002");
            fixture.given(contractSigned(), outcome.reported())
                    .when(other.report())
                    .expectState(contract -> assertThatThrownBy(() -> contract.priceOutcome(outcome.id()))
                            .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE))
                            .hasMessage("outcome O-1 is REPORTED; only an outcome that is VERIFIED can be priced"));
        }
    }

    // ================================================================ executing and reversing payments

    @Nested
    class Executing {

        private final OutcomeSpec outcome = outcome("O-1");
        private final LocalDate paidOn = date("2025-06-10");

        @Test
        void executes_an_approved_payment_and_tells_the_budget_the_money_arrived() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.approved())
                    .when(outcome.execute("TRN-2025-0610-1", paidOn))
                    .expectEvents(outcome.executed(eur("1500.00"), "TRN-2025-0610-1", paidOn))
                    .expectState(contract -> assertThat(contract.findOutcome(outcome.id()).map(OutcomeState::status)).contains(OutcomeStatus.PAID));
            assertThat(budget.calls).containsExactly(
                    "receive 1500.00 EUR on B-CITY-2025 for C-HOUSING-FIRST-1/O-1 ref TRN-2025-0610-1 on 2025-06-10");
        }

        @Test
        void refuses_to_execute_a_payment_that_is_not_approved() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified())
                    .when(outcome.execute("TRN-1", paidOn))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "outcomeId", "outcome O-1 is VERIFIED; only an outcome that is APPROVED can be paid"));
            assertThat(budget.calls).isEmpty();
        }

        @Test
        void refuses_to_execute_a_payment_twice() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.approved(),
                            outcome.executed(eur("1500.00"), "TRN-1", paidOn))
                    .when(outcome.execute("TRN-2", paidOn))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "outcomeId", "outcome O-1 is PAID; only an outcome that is APPROVED can be paid"));
        }

        @Test
        void refuses_an_execution_without_bank_reference() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.approved())
                    .when(outcome.execute(" ", paidOn))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "bankReference", "bankReference is required"));
        }

        @Test
        void refuses_an_execution_without_value_date() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.approved())
                    .when(outcome.execute("TRN-1", null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "valueDate", "valueDate is required"));
        }

        @Test
        void refuses_a_value_date_before_the_outcome_it_pays_for() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.approved())
                    .when(outcome.execute("TRN-1", date("2025-05-14")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "valueDate",
                            "valueDate 2025-05-14 is before the outcome date 2025-05-15 of the outcome it pays for"));
        }

        @Test
        void reverses_an_approved_payment_and_releases_the_reservation() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.approved())
                    .when(outcome.reverse("wrong beneficiary id", paidOn))
                    .expectEvents(outcome.reversed(eur("1500.00"), false, "wrong beneficiary id", paidOn))
                    .expectState(contract -> {
                        assertThat(contract.findOutcome(outcome.id()).map(OutcomeState::status)).contains(OutcomeStatus.VERIFIED);
                        assertThat(contract.approvedTotal()).isEqualTo(eur("0"));
                    });
            assertThat(budget.calls).containsExactly("release 1500.00 EUR on B-CITY-2025 for C-HOUSING-FIRST-1/O-1: wrong beneficiary id");
        }

        @Test
        void reverses_an_executed_payment_and_refunds_the_payer() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.approved(),
                            outcome.executed(eur("1500.00"), "TRN-1", paidOn))
                    .when(outcome.reverse("tenancy was not registered", date("2025-06-20")))
                    .expectEvents(outcome.reversed(eur("1500.00"), true, "tenancy was not registered", date("2025-06-20")));
            assertThat(budget.calls).containsExactly(
                    "refund 1500.00 EUR on B-CITY-2025 for C-HOUSING-FIRST-1/O-1 on 2025-06-20: tenancy was not registered");
        }

        @Test
        void refuses_to_reverse_an_outcome_without_a_payment() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified())
                    .when(outcome.reverse("mistake", paidOn))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "outcomeId",
                            "outcome O-1 is VERIFIED; only an outcome that is APPROVED or PAID can be reversed"));
            assertThat(budget.calls).isEmpty();
        }

        @Test
        void refuses_a_reversal_without_a_reason() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.approved())
                    .when(outcome.reverse("", paidOn))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "reason", "reason is required"));
        }

        @Test
        void refuses_a_refund_dated_before_the_payment() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.approved(),
                            outcome.executed(eur("1500.00"), "TRN-1", paidOn))
                    .when(outcome.reverse("mistake", paidOn.minusDays(1)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "valueDate", "valueDate 2025-06-09 is before the payment's value date 2025-06-10"));
        }
    }

    // ================================================================ withdrawing outcomes

    @Nested
    class Withdrawing {

        private final OutcomeSpec outcome = outcome("O-1");

        static Stream<Arguments> withdrawableHistories() {
            OutcomeSpec o = outcome("O-1");
            return Stream.of(
                    Arguments.of("reported", List.of(o.reported())),
                    Arguments.of("verified", List.of(o.reported(), o.verified())),
                    Arguments.of("rejected", List.of(o.reported(), o.rejected())));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("withdrawableHistories")
        void withdraws_an_outcome_without_committed_money(String status, List<Object> history) {
            List<Object> given = new ArrayList<>();
            given.add(contractSigned());
            given.addAll(history);
            fixture.given(given)
                    .when(outcome.withdraw("reported twice by mistake"))
                    .expectEvents(outcome.withdrawn("reported twice by mistake"))
                    .expectState(contract -> assertWithdrawn(contract));
        }

        private void assertWithdrawn(Contract contract) {
            assertThat(contract.findOutcome(outcome.id()).map(OutcomeState::status)).contains(OutcomeStatus.WITHDRAWN);
        }

        @Test
        void refuses_to_withdraw_an_outcome_with_an_approved_payment() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.approved())
                    .when(outcome.withdraw("mistake"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "outcomeId", "outcome O-1 is APPROVED; reverse the payment first, then withdraw the outcome"));
        }

        @Test
        void refuses_to_withdraw_a_paid_outcome() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.approved(),
                            outcome.executed(eur("1500.00"), "TRN-1", date("2025-06-10")))
                    .when(outcome.withdraw("mistake"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "outcomeId", "outcome O-1 is PAID; reverse the payment first, then withdraw the outcome"));
        }

        @Test
        void refuses_to_withdraw_an_outcome_twice() {
            fixture.given(contractSigned(), outcome.reported(), outcome.withdrawn("mistake"))
                    .when(outcome.withdraw("mistake"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "outcomeId",
                            "outcome O-1 is WITHDRAWN; only an outcome that is REPORTED or VERIFIED or REJECTED can be withdrawn"));
        }

        @Test
        void refuses_a_withdrawal_without_a_reason() {
            fixture.given(contractSigned(), outcome.reported())
                    .when(outcome.withdraw(null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "reason", "reason is required"));
        }

        @Test
        void refuses_to_approve_a_withdrawn_outcome() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.withdrawn("mistake"))
                    .when(outcome.approve(APPROVER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_STATE, "outcomeId",
                            "outcome O-1 is WITHDRAWN; only an outcome that is VERIFIED can be approved for payment"));
        }
    }

    @Test
    void keeps_the_fund_budget_and_payer_of_the_signed_contract() {
        fixture.given(contractSigned())
                .when(outcome("O-1").report())
                .expectState(contract -> {
                    assertThat(contract.contractId()).isEqualTo(CONTRACT);
                    assertThat(contract.budgetId()).isEqualTo(BUDGET);
                    assertThat(contract.payerId()).isEqualTo(ContractTestData.PAYER);
                    assertThat(contract.fundId()).isEqualTo(ContractTestData.FUND);
                    assertThat(contract.cap()).isEqualTo(CAP);
                });
    }

    /** Ownership: the acting party on a command is checked against the contract itself, so it holds from the moment of signing. */
    @Nested
    class Ownership {

        private final OutcomeSpec outcome = outcome("O-1");

        @Test
        void a_provider_reports_outcomes_on_its_own_contract() {
            ReportOutcome own = outcome.report();
            fixture.given(contractSigned())
                    .when(new ReportOutcome(own.contractId(), own.outcomeId(), own.beneficiaryId(), own.metricCode(), own.period(),
                            own.outcomeDate(), own.quantity(), own.evidenceReference(), own.evidenceSha256(), own.reportedBy(), PROVIDER))
                    .expectEvents(outcome.reported());
        }

        @Test
        void refuses_a_report_from_a_provider_the_contract_is_not_signed_with() {
            ReportOutcome own = outcome.report();
            fixture.given(contractSigned())
                    .when(new ReportOutcome(own.contractId(), own.outcomeId(), own.beneficiaryId(), own.metricCode(), own.period(),
                            own.outcomeDate(), own.quantity(), own.evidenceReference(), own.evidenceSha256(), own.reportedBy(),
                            ProviderId.of("P-OTHER")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.NOT_OWNER, "providerId", "provider P-OTHER may not report outcomes on contract "
                            + "C-HOUSING-FIRST-1, which is signed with another provider"));
        }

        @Test
        void refuses_a_withdrawal_from_a_provider_the_contract_is_not_signed_with() {
            fixture.given(contractSigned(), outcome.reported())
                    .when(new WithdrawOutcome(CONTRACT, outcome.id(), "duplicate report", REPORTER, ProviderId.of("P-OTHER")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.NOT_OWNER, "providerId", "provider P-OTHER may not withdraw outcomes on contract "
                            + "C-HOUSING-FIRST-1, which is signed with another provider"));
        }

        @Test
        void the_payer_of_the_contract_approves_its_payments() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified())
                    .when(new ApproveOutcomePayment(CONTRACT, outcome.id(), APPROVER, PAYER))
                    .expectEvents(outcome.approved("1", eur("1500"), HOUSED_TARGETS));
        }

        @Test
        void refuses_an_approval_from_another_payer() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified())
                    .when(new ApproveOutcomePayment(CONTRACT, outcome.id(), APPROVER, PayerId.of("region-piedmont")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.NOT_OWNER, "payerId", "payer region-piedmont may not approve payments on contract "
                            + "C-HOUSING-FIRST-1, which is paid by another payer"));
            assertThat(budget.calls).isEmpty();
        }

        @Test
        void refuses_an_execution_or_reversal_from_another_payer() {
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.approved("1", eur("1500"), HOUSED_TARGETS))
                    .when(new ExecuteOutcomePayment(CONTRACT, outcome.id(), "SEPA-1", date("2025-06-30"), TREASURER, PayerId.of("region-piedmont")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.NOT_OWNER, "payerId", "payer region-piedmont may not execute payments on contract "
                            + "C-HOUSING-FIRST-1, which is paid by another payer"));
            fixture.given(contractSigned(), outcome.reported(), outcome.verified(), outcome.approved("1", eur("1500"), HOUSED_TARGETS))
                    .when(new ReversePayment(CONTRACT, outcome.id(), "wrong", date("2025-06-30"), TREASURER, PayerId.of("region-piedmont")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.NOT_OWNER, "payerId", "payer region-piedmont may not reverse payments on contract "
                            + "C-HOUSING-FIRST-1, which is paid by another payer"));
        }
    }
}
