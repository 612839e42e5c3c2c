package org.impactledger.core.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.fund.FundTestData.BUDGET;
import static org.impactledger.core.fund.FundTestData.CAP_MULTIPLE;
import static org.impactledger.core.fund.FundTestData.CITY;
import static org.impactledger.core.fund.FundTestData.CONTRACT;
import static org.impactledger.core.fund.FundTestData.DAY;
import static org.impactledger.core.fund.FundTestData.DUE;
import static org.impactledger.core.fund.FundTestData.EUR;
import static org.impactledger.core.fund.FundTestData.FUND_ID;
import static org.impactledger.core.fund.FundTestData.INV_1;
import static org.impactledger.core.fund.FundTestData.INV_2;
import static org.impactledger.core.fund.FundTestData.INV_3;
import static org.impactledger.core.fund.FundTestData.MANAGER;
import static org.impactledger.core.fund.FundTestData.NAME;
import static org.impactledger.core.fund.FundTestData.NRRP;
import static org.impactledger.core.fund.FundTestData.OUTCOME_1;
import static org.impactledger.core.fund.FundTestData.OUTCOME_2;
import static org.impactledger.core.fund.FundTestData.PROVIDER;
import static org.impactledger.core.fund.FundTestData.advanced;
import static org.impactledger.core.fund.FundTestData.budgetCommitted;
import static org.impactledger.core.fund.FundTestData.called;
import static org.impactledger.core.fund.FundTestData.committed;
import static org.impactledger.core.fund.FundTestData.eur;
import static org.impactledger.core.fund.FundTestData.fundOpened;
import static org.impactledger.core.fund.FundTestData.fundWith;
import static org.impactledger.core.fund.FundTestData.fundWithCap;
import static org.impactledger.core.fund.FundTestData.openFund;
import static org.impactledger.core.fund.FundTestData.openFundWithCap;
import static org.impactledger.core.fund.FundTestData.outcomePaid;
import static org.impactledger.core.fund.FundTestData.paidIn;
import static org.impactledger.core.fund.FundTestData.paymentReceived;
import static org.impactledger.core.fund.FundTestData.received;
import static org.impactledger.core.fund.FundTestData.refused;
import static org.impactledger.core.fund.FundTestData.reserved;
import static org.impactledger.core.shared.ErrorCode.ALREADY_EXISTS;
import static org.impactledger.core.shared.ErrorCode.CURRENCY_MISMATCH;
import static org.impactledger.core.shared.ErrorCode.INVALID_STATE;
import static org.impactledger.core.shared.ErrorCode.INVALID_VALUE;
import static org.impactledger.core.shared.ErrorCode.LIMIT_EXCEEDED;
import static org.impactledger.core.shared.ErrorCode.UNKNOWN_CODE;
import static org.impactledger.core.shared.ErrorCode.NOT_FOUND;
import static org.impactledger.core.shared.ErrorCode.UNKNOWN_CODE;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.impactledger.core.fund.BudgetTestCommands.AskBudgetPayer;
import org.impactledger.core.fund.BudgetTestCommands.AskRemainingBudget;
import org.impactledger.core.fund.BudgetTestCommands.ReceivePayment;
import org.impactledger.core.fund.BudgetTestCommands.RefundPayment;
import org.impactledger.core.fund.BudgetTestCommands.ReleaseBudget;
import org.impactledger.core.fund.BudgetTestCommands.ReserveBudget;
import org.impactledger.core.fund.HousingTestCommands.PayPropertyAcquisition;
import org.impactledger.core.fund.HousingTestCommands.ReceiveRentIncome;
import org.impactledger.core.fund.HousingTestCommands.ReverseRentIncome;
import org.impactledger.core.fund.command.AdvanceWorkingCapital;
import org.impactledger.core.fund.command.CallCapital;
import org.impactledger.core.fund.command.CommitCapital;
import org.impactledger.core.fund.command.CommitOutcomeBudget;
import org.impactledger.core.fund.command.Distribute;
import org.impactledger.core.fund.command.OpenFund;
import org.impactledger.core.fund.command.ReceiveCapital;
import org.impactledger.core.fund.command.RecordValuation;
import org.impactledger.core.fund.event.CapitalCalled;
import org.impactledger.core.fund.event.CapitalCommitted;
import org.impactledger.core.fund.event.CapitalReceived;
import org.impactledger.core.fund.event.DistributionMade;
import org.impactledger.core.fund.event.DistributionShare;
import org.impactledger.core.fund.event.FundOpened;
import org.impactledger.core.fund.event.OutcomeBudgetCommitted;
import org.impactledger.core.fund.event.OutcomeBudgetReleased;
import org.impactledger.core.fund.event.OutcomeBudgetReserved;
import org.impactledger.core.fund.event.OutcomePaymentReceived;
import org.impactledger.core.fund.event.OutcomePaymentRefunded;
import org.impactledger.core.fund.event.PropertyAcquisitionPaid;
import org.impactledger.core.fund.event.RentIncomeReceived;
import org.impactledger.core.fund.event.RentIncomeReversed;
import org.impactledger.core.fund.event.ValuationRecorded;
import org.impactledger.core.fund.event.WorkingCapitalAdvanced;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FundTest {

    private FixtureConfiguration<Fund> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Fund.class);
        fixture.registerAnnotatedCommandHandler(new BudgetTestCommands.Handler(fixture.getRepository()));
        fixture.registerAnnotatedCommandHandler(new HousingTestCommands.Handler(fixture.getRepository()));
    }

    @Nested
    class OpeningAFund {

        @Test
        void opens_a_fund_with_its_currency_manager_and_return_cap() {
            fixture.givenNoPriorActivity()
                    .when(openFund())
                    .expectEvents(new FundOpened(FUND_ID, NAME, EUR, MANAGER, CAP_MULTIPLE))
                    .expectState(fund -> {
                        assertThat(fund.currency()).isEqualTo(EUR);
                        assertThat(fund.returnCapMultiple()).isEqualByComparingTo("1.30");
                        assertThat(fund.cash()).isEqualTo(eur("0.00"));
                    });
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "1.00", "1.2345", "10", "10.0000"})
        void accepts_a_return_cap_from_one_to_ten_with_up_to_four_decimals(String multiple) {
            fixture.givenNoPriorActivity()
                    .when(openFundWithCap(multiple))
                    .expectEvents(new FundOpened(FUND_ID, NAME, EUR, MANAGER, new BigDecimal(multiple)));
        }

        @Test
        void refuses_a_return_cap_below_one() {
            fixture.givenNoPriorActivity()
                    .when(openFundWithCap("0.99"))
                    .expectException(refused(INVALID_VALUE, "returnCapMultiple"))
                    .expectExceptionMessage("returnCapMultiple must be between 1 and 10, was 0.99")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_return_cap_above_ten() {
            fixture.givenNoPriorActivity()
                    .when(openFundWithCap("10.0001"))
                    .expectException(refused(INVALID_VALUE, "returnCapMultiple"))
                    .expectExceptionMessage("returnCapMultiple must be between 1 and 10, was 10.0001")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_return_cap_with_more_than_four_decimals() {
            fixture.givenNoPriorActivity()
                    .when(openFundWithCap("1.23456"))
                    .expectException(refused(INVALID_VALUE, "returnCapMultiple"))
                    .expectExceptionMessage("returnCapMultiple may have at most 4 decimals, was 1.23456")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_fund_without_a_return_cap() {
            fixture.givenNoPriorActivity()
                    .when(new OpenFund(FUND_ID, NAME, EUR, MANAGER, null))
                    .expectException(refused(INVALID_VALUE, "returnCapMultiple"))
                    .expectExceptionMessage("returnCapMultiple is required")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void refuses_a_fund_without_a_name(String name) {
            fixture.givenNoPriorActivity()
                    .when(new OpenFund(FUND_ID, name, EUR, MANAGER, CAP_MULTIPLE))
                    .expectException(refused(INVALID_VALUE, "name"))
                    .expectExceptionMessage("name is required")
                    .expectNoEvents();
        }

        @Test
        void accepts_a_name_of_200_characters_and_refuses_201() {
            fixture.givenNoPriorActivity()
                    .when(new OpenFund(FUND_ID, "n".repeat(200), EUR, MANAGER, CAP_MULTIPLE))
                    .expectSuccessfulHandlerExecution();
            fixture.givenNoPriorActivity()
                    .when(new OpenFund(FUND_ID, "n".repeat(201), EUR, MANAGER, CAP_MULTIPLE))
                    .expectException(refused(INVALID_VALUE, "name"))
                    .expectExceptionMessage("name may have at most 200 characters, had 201")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_fund_without_a_manager() {
            fixture.givenNoPriorActivity()
                    .when(new OpenFund(FUND_ID, NAME, EUR, null, CAP_MULTIPLE))
                    .expectException(refused(INVALID_VALUE, "manager"))
                    .expectExceptionMessage("manager is required")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_currency_that_is_not_three_upper_case_letters() {
            fixture.givenNoPriorActivity()
                    .when(new OpenFund(FUND_ID, NAME, "euro", MANAGER, CAP_MULTIPLE))
                    .expectException(refused(INVALID_VALUE, "currency"))
                    .expectExceptionMessage("currency must be an ISO 4217 code of three upper-case letters")
                    .expectNoEvents();
        }

        @Test
        void refuses_an_iso_4217_code_that_is_not_money() {
            fixture.givenNoPriorActivity()
                    .when(new OpenFund(FUND_ID, NAME, "XAU", MANAGER, CAP_MULTIPLE))
                    .expectException(refused(UNKNOWN_CODE, "currency"))
                    .expectExceptionMessage("currency XAU (Gold) is an ISO 4217 code but not money: it has no minor unit (no-currency, "
                            + "testing, precious-metal and unit-of-account codes are refused)")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_currency_unknown_to_iso_4217() {
            fixture.givenNoPriorActivity()
                    .when(new OpenFund(FUND_ID, NAME, "EUX", MANAGER, CAP_MULTIPLE))
                    .expectException(refused(UNKNOWN_CODE, "currency"))
                    .expectExceptionMessage("currency EUX is not an ISO 4217 code")
                    .expectNoEvents();
        }
    }

    @Nested
    class CommittingCapital {

        @Test
        void records_a_commitment_with_the_investors_new_total() {
            fixture.given(fundWith(committed(INV_1, "500.00")))
                    .when(new CommitCapital(FUND_ID, INV_1, eur("300.00"), DAY))
                    .expectEvents(new CapitalCommitted(FUND_ID, INV_1, eur("300.00"), eur("800.00"), DAY))
                    .expectState(fund -> assertThat(fund.uncalled(INV_1)).isEqualTo(eur("800.00")));
        }

        @Test
        void refuses_a_commitment_in_another_currency() {
            fixture.given(fundOpened())
                    .when(new CommitCapital(FUND_ID, INV_1, Money.of("300.00", "USD"), DAY))
                    .expectException(refused(CURRENCY_MISMATCH, "amount"))
                    .expectExceptionMessage("amount is in USD but the fund keeps its books in EUR")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-0.01"})
        void refuses_a_commitment_that_is_not_positive(String amount) {
            fixture.given(fundOpened())
                    .when(new CommitCapital(FUND_ID, INV_1, eur(amount), DAY))
                    .expectException(refused(INVALID_VALUE, "amount"))
                    .expectExceptionMessage("amount must be positive, was " + eur(amount))
                    .expectNoEvents();
        }

        @Test
        void refuses_a_commitment_without_a_value_date() {
            fixture.given(fundOpened())
                    .when(new CommitCapital(FUND_ID, INV_1, eur("300.00"), null))
                    .expectException(refused(INVALID_VALUE, "valueDate"))
                    .expectExceptionMessage("valueDate is required")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_commitment_without_an_investor() {
            fixture.given(fundOpened())
                    .when(new CommitCapital(FUND_ID, null, eur("300.00"), DAY))
                    .expectException(refused(INVALID_VALUE, "investorId"))
                    .expectExceptionMessage("investorId is required")
                    .expectNoEvents();
        }
    }

    @Nested
    class CallingCapital {

        @Test
        void calls_part_of_an_investors_commitment() {
            fixture.given(fundWith(committed(INV_1, "500.00")))
                    .when(new CallCapital(FUND_ID, "call-1", INV_1, eur("200.00"), DUE))
                    .expectEvents(new CapitalCalled(FUND_ID, "call-1", INV_1, eur("200.00"), DUE))
                    .expectState(fund -> assertThat(fund.uncalled(INV_1)).isEqualTo(eur("300.00")));
        }

        @Test
        void calls_exactly_what_remains_uncalled() {
            fixture.given(fundWith(committed(INV_1, "500.00"), called("call-1", INV_1, "300.00")))
                    .when(new CallCapital(FUND_ID, "call-2", INV_1, eur("200.00"), DUE))
                    .expectEvents(new CapitalCalled(FUND_ID, "call-2", INV_1, eur("200.00"), DUE))
                    .expectState(fund -> assertThat(fund.uncalled(INV_1)).isEqualTo(eur("0.00")));
        }

        @Test
        void refuses_a_call_beyond_the_uncalled_commitment() {
            fixture.given(fundWith(committed(INV_1, "800.00"), called("call-1", INV_1, "300.00")))
                    .when(new CallCapital(FUND_ID, "call-2", INV_1, eur("600.00"), DUE))
                    .expectException(refused(LIMIT_EXCEEDED, "amount"))
                    .expectExceptionMessage("call of 600.00 EUR exceeds investor inv-1's uncalled commitment of 500.00 EUR"
                            + " (committed 800.00 EUR, called 300.00 EUR)")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_call_id_that_already_exists() {
            fixture.given(fundWith(committed(INV_1, "500.00"), called("call-1", INV_1, "100.00")))
                    .when(new CallCapital(FUND_ID, "call-1", INV_1, eur("100.00"), DUE))
                    .expectException(refused(ALREADY_EXISTS, "callId"))
                    .expectExceptionMessage("capital call call-1 already exists in fund fund-1")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_call_on_an_investor_without_a_commitment() {
            fixture.given(fundWith(committed(INV_1, "500.00")))
                    .when(new CallCapital(FUND_ID, "call-1", INV_2, eur("100.00"), DUE))
                    .expectException(refused(NOT_FOUND, "investorId"))
                    .expectExceptionMessage("investor inv-2 has no commitment in fund fund-1")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_call_without_a_call_id() {
            fixture.given(fundWith(committed(INV_1, "500.00")))
                    .when(new CallCapital(FUND_ID, " ", INV_1, eur("100.00"), DUE))
                    .expectException(refused(INVALID_VALUE, "callId"))
                    .expectExceptionMessage("callId is required")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_call_in_another_currency() {
            fixture.given(fundWith(committed(INV_1, "500.00")))
                    .when(new CallCapital(FUND_ID, "call-1", INV_1, Money.of("100.00", "CHF"), DUE))
                    .expectException(refused(CURRENCY_MISMATCH, "amount"))
                    .expectExceptionMessage("amount is in CHF but the fund keeps its books in EUR")
                    .expectNoEvents();
        }
    }

    @Nested
    class ReceivingCapital {

        @Test
        void receives_capital_against_a_call_and_adds_it_to_cash_and_paid_in() {
            fixture.given(fundWith(committed(INV_1, "500.00"), called("call-1", INV_1, "500.00")))
                    .when(new ReceiveCapital(FUND_ID, "call-1", eur("500.00"), DAY, "SEPA-1"))
                    .expectEvents(new CapitalReceived(FUND_ID, "call-1", INV_1, eur("500.00"), DAY, "SEPA-1"))
                    .expectState(fund -> {
                        assertThat(fund.cash()).isEqualTo(eur("500.00"));
                        assertThat(fund.paidIn(INV_1)).isEqualTo(eur("500.00"));
                        assertThat(fund.totalPaidIn()).isEqualTo(eur("500.00"));
                    });
        }

        @Test
        void receives_a_call_in_instalments_up_to_its_outstanding() {
            fixture.given(fundWith(committed(INV_1, "500.00"), called("call-1", INV_1, "500.00"), received("call-1", INV_1, "200.00")))
                    .when(new ReceiveCapital(FUND_ID, "call-1", eur("300.00"), DAY, "SEPA-2"))
                    .expectEvents(new CapitalReceived(FUND_ID, "call-1", INV_1, eur("300.00"), DAY, "SEPA-2"))
                    .expectState(fund -> assertThat(fund.paidIn(INV_1)).isEqualTo(eur("500.00")));
        }

        @Test
        void refuses_a_receipt_beyond_the_calls_outstanding() {
            fixture.given(fundWith(committed(INV_1, "500.00"), called("call-1", INV_1, "500.00"), received("call-1", INV_1, "200.00")))
                    .when(new ReceiveCapital(FUND_ID, "call-1", eur("300.01"), DAY, "SEPA-2"))
                    .expectException(refused(LIMIT_EXCEEDED, "amount"))
                    .expectExceptionMessage("receipt of 300.01 EUR exceeds call call-1's outstanding 300.00 EUR"
                            + " (called 500.00 EUR, received 200.00 EUR)")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_receipt_for_an_unknown_call() {
            fixture.given(fundWith(committed(INV_1, "500.00"), called("call-1", INV_1, "500.00")))
                    .when(new ReceiveCapital(FUND_ID, "call-9", eur("100.00"), DAY, "SEPA-1"))
                    .expectException(refused(NOT_FOUND, "callId"))
                    .expectExceptionMessage("capital call call-9 does not exist in fund fund-1")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_receipt_without_a_bank_reference() {
            fixture.given(fundWith(committed(INV_1, "500.00"), called("call-1", INV_1, "500.00")))
                    .when(new ReceiveCapital(FUND_ID, "call-1", eur("100.00"), DAY, ""))
                    .expectException(refused(INVALID_VALUE, "bankReference"))
                    .expectExceptionMessage("bankReference is required")
                    .expectNoEvents();
        }
    }

    @Nested
    class AdvancingWorkingCapital {

        @Test
        void advances_working_capital_out_of_available_cash() {
            fixture.given(fundWith(paidIn(INV_1, "1000.00")))
                    .when(new AdvanceWorkingCapital(FUND_ID, "adv-1", PROVIDER, CONTRACT, eur("1000.00"), DAY))
                    .expectEvents(new WorkingCapitalAdvanced(FUND_ID, "adv-1", PROVIDER, CONTRACT, eur("1000.00"), DAY))
                    .expectState(fund -> assertThat(fund.cash()).isEqualTo(eur("0.00")));
        }

        @Test
        void refuses_an_advance_beyond_available_cash() {
            fixture.given(fundWith(paidIn(INV_1, "1000.00"), advanced("adv-1", "400.00")))
                    .when(new AdvanceWorkingCapital(FUND_ID, "adv-2", PROVIDER, CONTRACT, eur("600.01"), DAY))
                    .expectException(refused(LIMIT_EXCEEDED, "amount"))
                    .expectExceptionMessage("advance of 600.01 EUR exceeds the fund's available cash of 600.00 EUR")
                    .expectNoEvents();
        }

        @Test
        void refuses_an_advance_id_that_already_exists() {
            fixture.given(fundWith(paidIn(INV_1, "1000.00"), advanced("adv-1", "400.00")))
                    .when(new AdvanceWorkingCapital(FUND_ID, "adv-1", PROVIDER, CONTRACT, eur("100.00"), DAY))
                    .expectException(refused(ALREADY_EXISTS, "advanceId"))
                    .expectExceptionMessage("working capital advance adv-1 already exists in fund fund-1")
                    .expectNoEvents();
        }

        @Test
        void refuses_an_advance_without_a_contract() {
            fixture.given(fundWith(paidIn(INV_1, "1000.00")))
                    .when(new AdvanceWorkingCapital(FUND_ID, "adv-1", PROVIDER, null, eur("100.00"), DAY))
                    .expectException(refused(INVALID_VALUE, "contractId"))
                    .expectExceptionMessage("contractId is required")
                    .expectNoEvents();
        }
    }

    @Nested
    class CommittingAnOutcomeBudget {

        @Test
        void commits_a_budget_that_is_not_nrrp_funded() {
            fixture.given(fundOpened())
                    .when(new CommitOutcomeBudget(FUND_ID, BUDGET, CITY, eur("5000.00"), null, DAY))
                    .expectEvents(new OutcomeBudgetCommitted(FUND_ID, BUDGET, CITY, eur("5000.00"), null, DAY))
                    .expectState(fund -> assertThat(fund.remainingBudget(BUDGET)).isEqualTo(eur("5000.00")));
        }

        @Test
        void commits_an_nrrp_funded_budget_with_its_cup_and_measure() {
            fixture.given(fundOpened())
                    .when(new CommitOutcomeBudget(FUND_ID, BUDGET, CITY, eur("5000.00"), NRRP, DAY))
                    .expectEvents(new OutcomeBudgetCommitted(FUND_ID, BUDGET, CITY, eur("5000.00"), NRRP, DAY));
        }

        @Test
        void refuses_a_budget_id_that_already_exists() {
            fixture.given(fundWith(budgetCommitted("5000.00")))
                    .when(new CommitOutcomeBudget(FUND_ID, BUDGET, CITY, eur("1000.00"), null, DAY))
                    .expectException(refused(ALREADY_EXISTS, "budgetId"))
                    .expectExceptionMessage("outcome budget b-1 already exists in fund fund-1")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_budget_in_another_currency() {
            fixture.given(fundOpened())
                    .when(new CommitOutcomeBudget(FUND_ID, BUDGET, CITY, Money.of("1000.00", "GBP"), null, DAY))
                    .expectException(refused(CURRENCY_MISMATCH, "amount"))
                    .expectExceptionMessage("amount is in GBP but the fund keeps its books in EUR")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_budget_of_zero() {
            fixture.given(fundOpened())
                    .when(new CommitOutcomeBudget(FUND_ID, BUDGET, CITY, eur("0.00"), null, DAY))
                    .expectException(refused(INVALID_VALUE, "amount"))
                    .expectExceptionMessage("amount must be positive, was 0.00 EUR")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_malformed_cup() {
            fixture.given(fundOpened())
                    .when(new CommitOutcomeBudget(FUND_ID, BUDGET, CITY, eur("1000.00"), new NrrpTag("C12D2400015000", "M5C2I1.3"), DAY))
                    .expectException(refused(INVALID_VALUE, "nrrp.cup"))
                    .expectExceptionMessage("CUP must be 15 characters: a letter, two digits, a letter, eleven digits; was 'C12D2400015000'")
                    .expectNoEvents();
        }

        @Test
        void refuses_an_nrrp_tag_without_a_cup() {
            fixture.given(fundOpened())
                    .when(new CommitOutcomeBudget(FUND_ID, BUDGET, CITY, eur("1000.00"), new NrrpTag(" ", "M5C2I1.3"), DAY))
                    .expectException(refused(INVALID_VALUE, "nrrp.cup"))
                    .expectExceptionMessage("the CUP of an NRRP-funded budget is required")
                    .expectNoEvents();
        }

        @Test
        void refuses_an_nrrp_tag_without_a_measure() {
            fixture.given(fundOpened())
                    .when(new CommitOutcomeBudget(FUND_ID, BUDGET, CITY, eur("1000.00"), new NrrpTag("C12D24000150006", null), DAY))
                    .expectException(refused(INVALID_VALUE, "nrrp.measure"))
                    .expectExceptionMessage("the NRRP measure of an NRRP-funded budget is required")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_measure_outside_the_seven_missions() {
            fixture.given(fundOpened())
                    .when(new CommitOutcomeBudget(FUND_ID, BUDGET, CITY, eur("1000.00"), new NrrpTag("C12D24000150006", "M8C1I1.1"), DAY))
                    .expectException(refused(UNKNOWN_CODE, "nrrp.measure"))
                    .expectNoEvents();
        }

        @Test
        void refuses_a_component_the_plan_does_not_have() {
            fixture.given(fundOpened())
                    .when(new CommitOutcomeBudget(FUND_ID, BUDGET, CITY, eur("1000.00"), new NrrpTag("C12D24000150006", "M5C9I1.3"), DAY))
                    .expectException(refused(UNKNOWN_CODE, "nrrp.measure"))
                    .expectNoEvents();
        }

        @Test
        void stores_the_nrrp_codes_in_canonical_form() {
            fixture.given(fundOpened())
                    .when(new CommitOutcomeBudget(FUND_ID, BUDGET, CITY, eur("1000.00"), new NrrpTag("c12d24000150006", "M5C2I1.03"), DAY))
                    .expectEvents(new OutcomeBudgetCommitted(FUND_ID, BUDGET, CITY, eur("1000.00"), new NrrpTag("C12D24000150006", "M5C2I1.3"), DAY));
        }
    }

    @Nested
    class Distributing {

        /** inv-1 paid in 1000.00 and inv-2 3000.00: cash 4000.00, caps 1300.00 + 3900.00 = 5200.00. */
        private List<Object> twoInvestorsPaidIn(Object... more) {
            return fundWith(paidIn(INV_1, "1000.00"), paidIn(INV_2, "3000.00"), List.of(more));
        }

        @Test
        void returns_capital_first_pro_rata_to_paid_in() {
            fixture.given(twoInvestorsPaidIn())
                    .when(new Distribute(FUND_ID, "dist-1", eur("2000.00"), DAY))
                    .expectEvents(new DistributionMade(FUND_ID, "dist-1", eur("2000.00"), DAY, List.of(
                            new DistributionShare(INV_1, eur("500.00"), eur("0.00")),
                            new DistributionShare(INV_2, eur("1500.00"), eur("0.00")))))
                    .expectState(fund -> {
                        assertThat(fund.cash()).isEqualTo(eur("2000.00"));
                        assertThat(fund.distributedTo(INV_1)).isEqualTo(eur("500.00"));
                        assertThat(fund.totalDistributed()).isEqualTo(eur("2000.00"));
                    });
        }

        @Test
        void pays_profit_once_all_capital_is_returned() {
            // cash 4000.00 + 1000.00 of outcome payments; tier 1 takes 4000.00, tier 2 splits 400.00 as 1:3
            fixture.given(twoInvestorsPaidIn(outcomePaid(OUTCOME_1, "5000.00", "1000.00")))
                    .when(new Distribute(FUND_ID, "dist-1", eur("4400.00"), DAY))
                    .expectEvents(new DistributionMade(FUND_ID, "dist-1", eur("4400.00"), DAY, List.of(
                            new DistributionShare(INV_1, eur("1000.00"), eur("100.00")),
                            new DistributionShare(INV_2, eur("3000.00"), eur("300.00")))))
                    .expectState(fund -> assertThat(fund.cash()).isEqualTo(eur("600.00")));
        }

        @Test
        void distributes_up_to_exactly_the_return_cap() {
            fixture.given(twoInvestorsPaidIn(outcomePaid(OUTCOME_1, "5000.00", "2000.00")))
                    .when(new Distribute(FUND_ID, "dist-1", eur("5200.00"), DAY))
                    .expectEvents(new DistributionMade(FUND_ID, "dist-1", eur("5200.00"), DAY, List.of(
                            new DistributionShare(INV_1, eur("1000.00"), eur("300.00")),
                            new DistributionShare(INV_2, eur("3000.00"), eur("900.00")))));
        }

        @Test
        void refuses_a_distribution_beyond_the_return_cap() {
            fixture.given(twoInvestorsPaidIn(outcomePaid(OUTCOME_1, "5000.00", "2000.00"),
                            new DistributionMade(FUND_ID, "dist-1", eur("4000.00"), DAY, List.of(
                                    new DistributionShare(INV_1, eur("1000.00"), eur("0.00")),
                                    new DistributionShare(INV_2, eur("3000.00"), eur("0.00"))))))
                    .when(new Distribute(FUND_ID, "dist-2", eur("1200.01"), DAY))
                    .expectException(refused(LIMIT_EXCEEDED, "amount"))
                    .expectExceptionMessage("distribution of 1200.01 EUR exceeds the 1200.00 EUR left under the return cap:"
                            + " 1.30 × paid-in 4000.00 EUR = 5200.00 EUR, of which 4000.00 EUR already distributed")
                    .expectNoEvents();
        }

        @Test
        void says_when_the_cap_was_rounded_down_per_investor() {
            // cap 1.20: 1.20 × 33.33 = 39.996 → 39.99 and 1.20 × 66.67 = 80.004 → 80.00, so 119.99 rather than 120.00
            fixture.given(fundWithCap("1.20", paidIn(INV_1, "33.33"), paidIn(INV_2, "66.67"), outcomePaid(OUTCOME_1, "500.00", "500.00")))
                    .when(new Distribute(FUND_ID, "dist-1", eur("120.00"), DAY))
                    .expectException(refused(LIMIT_EXCEEDED, "amount"))
                    .expectExceptionMessage("distribution of 120.00 EUR exceeds the 119.99 EUR left under the return cap:"
                            + " 1.20 × paid-in 100.00 EUR (rounded down to the cent per investor) = 119.99 EUR,"
                            + " of which 0.00 EUR already distributed")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_distribution_beyond_available_cash() {
            fixture.given(twoInvestorsPaidIn(advanced("adv-1", "1000.00")))
                    .when(new Distribute(FUND_ID, "dist-1", eur("3000.01"), DAY))
                    .expectException(refused(LIMIT_EXCEEDED, "amount"))
                    .expectExceptionMessage("distribution of 3000.01 EUR exceeds the fund's available cash of 3000.00 EUR")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_distribution_id_that_already_exists() {
            fixture.given(twoInvestorsPaidIn(new DistributionMade(FUND_ID, "dist-1", eur("400.00"), DAY, List.of(
                            new DistributionShare(INV_1, eur("100.00"), eur("0.00")),
                            new DistributionShare(INV_2, eur("300.00"), eur("0.00"))))))
                    .when(new Distribute(FUND_ID, "dist-1", eur("400.00"), DAY))
                    .expectException(refused(ALREADY_EXISTS, "distributionId"))
                    .expectExceptionMessage("distribution dist-1 already exists in fund fund-1")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_distribution_that_is_not_positive() {
            fixture.given(twoInvestorsPaidIn())
                    .when(new Distribute(FUND_ID, "dist-1", eur("-1.00"), DAY))
                    .expectException(refused(INVALID_VALUE, "amount"))
                    .expectExceptionMessage("amount must be positive, was -1.00 EUR")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_distribution_when_nobody_has_paid_in() {
            fixture.given(fundWith(committed(INV_1, "1000.00"), outcomePaid(OUTCOME_1, "5000.00", "1000.00")))
                    .when(new Distribute(FUND_ID, "dist-1", eur("100.00"), DAY))
                    .expectException(refused(LIMIT_EXCEEDED, "amount"))
                    .expectExceptionMessage("distribution of 100.00 EUR exceeds the 0.00 EUR left under the return cap:"
                            + " 1.30 × paid-in 0.00 EUR = 0.00 EUR, of which 0.00 EUR already distributed")
                    .expectNoEvents();
        }

        @Test
        void leaves_out_investors_who_have_not_paid_in() {
            // 100.00 over paid-in 100/200/300 is 16.666.. / 33.333.. / 50: the leftover cent goes to inv-1 (fraction .666)
            fixture.given(fundWith(paidIn(INV_1, "100.00"), paidIn(INV_2, "200.00"), paidIn(INV_3, "300.00"),
                            committed(InvestorId.of("inv-4"), "1000.00")))
                    .when(new Distribute(FUND_ID, "dist-1", eur("100.00"), DAY))
                    .expectEvents(new DistributionMade(FUND_ID, "dist-1", eur("100.00"), DAY, List.of(
                            new DistributionShare(INV_1, eur("16.67"), eur("0.00")),
                            new DistributionShare(INV_2, eur("33.33"), eur("0.00")),
                            new DistributionShare(INV_3, eur("50.00"), eur("0.00")))));
        }
    }

    @Nested
    class RecordingAValuation {

        @ParameterizedTest
        @ValueSource(strings = {"0.00", "4250.75"})
        void records_a_net_asset_value_of_zero_or_more(String nav) {
            fixture.given(fundOpened())
                    .when(new RecordValuation(FUND_ID, eur(nav), DAY, "IPEV fair value"))
                    .expectEvents(new ValuationRecorded(FUND_ID, eur(nav), DAY, "IPEV fair value"));
        }

        @Test
        void refuses_a_negative_net_asset_value() {
            fixture.given(fundOpened())
                    .when(new RecordValuation(FUND_ID, eur("-0.01"), DAY, "IPEV fair value"))
                    .expectException(refused(INVALID_VALUE, "netAssetValue"))
                    .expectExceptionMessage("netAssetValue may not be negative, was -0.01 EUR")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_valuation_in_another_currency() {
            fixture.given(fundOpened())
                    .when(new RecordValuation(FUND_ID, Money.of("100.00", "USD"), DAY, "IPEV fair value"))
                    .expectException(refused(CURRENCY_MISMATCH, "netAssetValue"))
                    .expectExceptionMessage("netAssetValue is in USD but the fund keeps its books in EUR")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_valuation_without_a_date() {
            fixture.given(fundOpened())
                    .when(new RecordValuation(FUND_ID, eur("100.00"), null, "IPEV fair value"))
                    .expectException(refused(INVALID_VALUE, "asOf"))
                    .expectExceptionMessage("asOf is required")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_valuation_without_a_method() {
            fixture.given(fundOpened())
                    .when(new RecordValuation(FUND_ID, eur("100.00"), DAY, "  "))
                    .expectException(refused(INVALID_VALUE, "method"))
                    .expectExceptionMessage("method is required")
                    .expectNoEvents();
        }
    }

    @Nested
    class ReservingOutcomeBudget {

        @Test
        void reserves_budget_for_an_approved_outcome_payment() {
            fixture.given(fundWith(budgetCommitted("500.00")))
                    .when(new ReserveBudget(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00")))
                    .expectEvents(new OutcomeBudgetReserved(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00")))
                    .expectState(fund -> assertThat(fund.remainingBudget(BUDGET)).isEqualTo(eur("200.00")));
        }

        @Test
        void reserves_exactly_the_remaining_budget() {
            fixture.given(fundWith(budgetCommitted("500.00"), reserved(OUTCOME_1, "300.00")))
                    .when(new ReserveBudget(FUND_ID, BUDGET, CONTRACT, OUTCOME_2, eur("200.00")))
                    .expectEvents(new OutcomeBudgetReserved(FUND_ID, BUDGET, CONTRACT, OUTCOME_2, eur("200.00")))
                    .expectState(fund -> assertThat(fund.remainingBudget(BUDGET)).isEqualTo(eur("0.00")));
        }

        @Test
        void refuses_to_reserve_beyond_the_payers_remaining_budget() {
            fixture.given(fundWith(budgetCommitted("500.00"), reserved(OUTCOME_1, "300.00")))
                    .when(new ReserveBudget(FUND_ID, BUDGET, CONTRACT, OUTCOME_2, eur("300.00")))
                    .expectException(refused(LIMIT_EXCEEDED, "budgetId"))
                    .expectExceptionMessage("approving 300.00 EUR would exceed payer city-of-turin's remaining budget b-1 of 200.00 EUR")
                    .expectNoEvents();
        }

        @Test
        void counts_paid_outcomes_against_the_remaining_budget() {
            fixture.given(fundWith(outcomePaid(OUTCOME_1, "500.00", "300.00")))
                    .when(new ReserveBudget(FUND_ID, BUDGET, CONTRACT, OUTCOME_2, eur("200.01")))
                    .expectException(refused(LIMIT_EXCEEDED, "budgetId"))
                    .expectExceptionMessage("approving 200.01 EUR would exceed payer city-of-turin's remaining budget b-1 of 200.00 EUR")
                    .expectNoEvents();
        }

        @Test
        void refuses_to_reserve_the_same_outcome_twice() {
            fixture.given(fundWith(budgetCommitted("500.00"), reserved(OUTCOME_1, "100.00")))
                    .when(new ReserveBudget(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("100.00")))
                    .expectException(refused(INVALID_STATE, "outcomeId"))
                    .expectExceptionMessage("outcome o-1 already has 100.00 EUR reserved from budget b-1")
                    .expectNoEvents();
        }

        @Test
        void reserves_for_an_outcome_of_another_contract_with_the_same_outcome_id() {
            ContractId other = ContractId.of("c-2");
            fixture.given(fundWith(outcomePaid(OUTCOME_1, "500.00", "100.00")))
                    .when(new ReserveBudget(FUND_ID, BUDGET, other, OUTCOME_1, eur("100.00")))
                    .expectEvents(new OutcomeBudgetReserved(FUND_ID, BUDGET, other, OUTCOME_1, eur("100.00")))
                    .expectState(fund -> assertThat(fund.remainingBudget(BUDGET)).isEqualTo(eur("300.00")));
        }

        @Test
        void refuses_to_reserve_from_an_unknown_budget() {
            fixture.given(fundWith(budgetCommitted("500.00")))
                    .when(new ReserveBudget(FUND_ID, BudgetId.of("b-9"), CONTRACT, OUTCOME_1, eur("100.00")))
                    .expectException(refused(NOT_FOUND, "budgetId"))
                    .expectExceptionMessage("outcome budget b-9 does not exist in fund fund-1")
                    .expectNoEvents();
        }

        @Test
        void refuses_to_reserve_in_another_currency() {
            fixture.given(fundWith(budgetCommitted("500.00")))
                    .when(new ReserveBudget(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, Money.of("100.00", "USD")))
                    .expectException(refused(CURRENCY_MISMATCH, "amount"))
                    .expectExceptionMessage("amount is in USD but the fund keeps its books in EUR")
                    .expectNoEvents();
        }

        @Test
        void tells_the_payer_and_the_remaining_budget() {
            fixture.given(fundWith(budgetCommitted("500.00"), reserved(OUTCOME_1, "120.00")))
                    .when(new AskBudgetPayer(FUND_ID, BUDGET))
                    .expectResultMessagePayload(CITY)
                    .expectNoEvents();
            fixture.given(fundWith(budgetCommitted("500.00"), reserved(OUTCOME_1, "120.00")))
                    .when(new AskRemainingBudget(FUND_ID, BUDGET))
                    .expectResultMessagePayload(eur("380.00"))
                    .expectNoEvents();
        }

        @Test
        void refuses_to_name_the_payer_of_an_unknown_budget() {
            fixture.given(fundWith(budgetCommitted("500.00")))
                    .when(new AskBudgetPayer(FUND_ID, BudgetId.of("b-9")))
                    .expectException(refused(NOT_FOUND, "budgetId"))
                    .expectExceptionMessage("outcome budget b-9 does not exist in fund fund-1")
                    .expectNoEvents();
        }
    }

    @Nested
    class ReceivingAnOutcomePayment {

        @Test
        void moves_the_reservation_to_paid_and_adds_the_payment_to_cash() {
            fixture.given(fundWith(budgetCommitted("500.00"), reserved(OUTCOME_1, "300.00")))
                    .when(new ReceivePayment(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00"), "SEPA-o-1", DAY))
                    .expectEvents(new OutcomePaymentReceived(FUND_ID, BUDGET, CITY, CONTRACT, OUTCOME_1, eur("300.00"), "SEPA-o-1", DAY))
                    .expectState(fund -> {
                        assertThat(fund.cash()).isEqualTo(eur("300.00"));
                        assertThat(fund.remainingBudget(BUDGET)).isEqualTo(eur("200.00"));
                    });
        }

        @Test
        void refuses_a_payment_for_an_outcome_without_a_reservation() {
            fixture.given(fundWith(budgetCommitted("500.00")))
                    .when(new ReceivePayment(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00"), "SEPA-o-1", DAY))
                    .expectException(refused(INVALID_STATE, "outcomeId"))
                    .expectExceptionMessage("cannot receive a payment for outcome o-1 of contract contract-1: it has no reservation in budget b-1")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_second_payment_for_a_paid_outcome() {
            fixture.given(fundWith(outcomePaid(OUTCOME_1, "500.00", "300.00")))
                    .when(new ReceivePayment(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00"), "SEPA-again", DAY))
                    .expectException(refused(INVALID_STATE, "outcomeId"))
                    .expectExceptionMessage("cannot receive a payment for outcome o-1: its payment of 300.00 EUR is already paid")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_payment_that_differs_from_the_reservation() {
            fixture.given(fundWith(budgetCommitted("500.00"), reserved(OUTCOME_1, "300.00")))
                    .when(new ReceivePayment(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("299.99"), "SEPA-o-1", DAY))
                    .expectException(refused(INVALID_VALUE, "amount"))
                    .expectExceptionMessage("cannot receive a payment for outcome o-1 with 299.99 EUR: its reservation is 300.00 EUR")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_payment_under_another_contract() {
            fixture.given(fundWith(budgetCommitted("500.00"), reserved(OUTCOME_1, "300.00")))
                    .when(new ReceivePayment(FUND_ID, BUDGET, ContractId.of("contract-2"), OUTCOME_1,
                            eur("300.00"), "SEPA-o-1", DAY))
                    .expectException(refused(INVALID_STATE, "outcomeId"))
                    .expectExceptionMessage("cannot receive a payment for outcome o-1 of contract contract-2: it has no reservation in budget b-1")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_payment_under_another_budget_than_the_reserved_one() {
            BudgetId other = BudgetId.of("b-2");
            fixture.given(fundWith(budgetCommitted("500.00"), new OutcomeBudgetCommitted(FUND_ID, other, CITY, eur("500.00"), null, DAY),
                            reserved(OUTCOME_1, "300.00")))
                    .when(new ReceivePayment(FUND_ID, other, CONTRACT, OUTCOME_1, eur("300.00"), "SEPA-o-1", DAY))
                    .expectException(refused(INVALID_STATE, "outcomeId"))
                    .expectExceptionMessage("cannot receive a payment for outcome o-1 of contract contract-1 under budget b-2:"
                            + " it is reserved under budget b-1")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_payment_without_a_bank_reference() {
            fixture.given(fundWith(budgetCommitted("500.00"), reserved(OUTCOME_1, "300.00")))
                    .when(new ReceivePayment(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00"), null, DAY))
                    .expectException(refused(INVALID_VALUE, "bankReference"))
                    .expectExceptionMessage("bankReference is required")
                    .expectNoEvents();
        }
    }

    @Nested
    class ReleasingAReservation {

        @Test
        void releases_a_reservation_and_frees_the_budget() {
            fixture.given(fundWith(budgetCommitted("500.00"), reserved(OUTCOME_1, "300.00")))
                    .when(new ReleaseBudget(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00"), "approval reversed"))
                    .expectEvents(new OutcomeBudgetReleased(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00"), "approval reversed"))
                    .expectState(fund -> assertThat(fund.remainingBudget(BUDGET)).isEqualTo(eur("500.00")));
        }

        @Test
        void lets_a_released_outcome_be_reserved_again() {
            fixture.given(fundWith(budgetCommitted("500.00"), reserved(OUTCOME_1, "300.00"),
                            new OutcomeBudgetReleased(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00"), "approval reversed")))
                    .when(new ReserveBudget(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("250.00")))
                    .expectEvents(new OutcomeBudgetReserved(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("250.00")));
        }

        @Test
        void refuses_to_release_an_outcome_that_is_not_reserved() {
            fixture.given(fundWith(budgetCommitted("500.00")))
                    .when(new ReleaseBudget(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00"), "approval reversed"))
                    .expectException(refused(INVALID_STATE, "outcomeId"))
                    .expectExceptionMessage("cannot release outcome o-1 of contract contract-1: it has no reservation in budget b-1")
                    .expectNoEvents();
        }

        @Test
        void refuses_to_release_a_paid_outcome() {
            fixture.given(fundWith(outcomePaid(OUTCOME_1, "500.00", "300.00")))
                    .when(new ReleaseBudget(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00"), "approval reversed"))
                    .expectException(refused(INVALID_STATE, "outcomeId"))
                    .expectExceptionMessage("cannot release outcome o-1: its payment of 300.00 EUR is already paid")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_release_without_a_reason() {
            fixture.given(fundWith(budgetCommitted("500.00"), reserved(OUTCOME_1, "300.00")))
                    .when(new ReleaseBudget(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00"), ""))
                    .expectException(refused(INVALID_VALUE, "reason"))
                    .expectExceptionMessage("reason is required")
                    .expectNoEvents();
        }
    }

    @Nested
    class RefundingAnOutcomePayment {

        @Test
        void refunds_a_paid_outcome_payment_out_of_cash_and_frees_the_budget() {
            fixture.given(fundWith(outcomePaid(OUTCOME_1, "500.00", "300.00")))
                    .when(new RefundPayment(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00"), "outcome withdrawn", DAY))
                    .expectEvents(new OutcomePaymentRefunded(FUND_ID, BUDGET, CITY, CONTRACT, OUTCOME_1, eur("300.00"), "outcome withdrawn", DAY))
                    .expectState(fund -> {
                        assertThat(fund.cash()).isEqualTo(eur("0.00"));
                        assertThat(fund.remainingBudget(BUDGET)).isEqualTo(eur("500.00"));
                    });
        }

        @Test
        void refuses_to_refund_an_outcome_that_was_only_reserved() {
            fixture.given(fundWith(budgetCommitted("500.00"), reserved(OUTCOME_1, "300.00")))
                    .when(new RefundPayment(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00"), "outcome withdrawn", DAY))
                    .expectException(refused(INVALID_STATE, "outcomeId"))
                    .expectExceptionMessage("cannot refund outcome o-1: its payment of 300.00 EUR is reserved but not paid")
                    .expectNoEvents();
        }

        @Test
        void refuses_to_refund_an_outcome_without_a_reservation() {
            fixture.given(fundWith(budgetCommitted("500.00")))
                    .when(new RefundPayment(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00"), "outcome withdrawn", DAY))
                    .expectException(refused(INVALID_STATE, "outcomeId"))
                    .expectExceptionMessage("cannot refund outcome o-1 of contract contract-1: it has no reservation in budget b-1")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_refund_beyond_available_cash() {
            fixture.given(fundWith(outcomePaid(OUTCOME_1, "500.00", "300.00"), advanced("adv-1", "100.00")))
                    .when(new RefundPayment(FUND_ID, BUDGET, CONTRACT, OUTCOME_1, eur("300.00"), "outcome withdrawn", DAY))
                    .expectException(refused(LIMIT_EXCEEDED, "amount"))
                    .expectExceptionMessage("refund of 300.00 EUR exceeds the fund's available cash of 200.00 EUR")
                    .expectNoEvents();
        }
    }

    @Nested
    class KeepingCash {

        @Test
        void cash_is_receipts_and_outcome_payments_less_advances_distributions_and_refunds() {
            fixture.given(fundWith(paidIn(INV_1, "1000.00"),                       // +1000.00
                            outcomePaid(OUTCOME_1, "900.00", "300.00"),            // + 300.00
                            reserved(OUTCOME_2, "200.00"), paymentReceived(OUTCOME_2, "200.00"), // + 200.00
                            advanced("adv-1", "250.00"),                           // − 250.00
                            new DistributionMade(FUND_ID, "dist-1", eur("400.00"), DAY,
                                    List.of(new DistributionShare(INV_1, eur("400.00"), eur("0.00"))))))  // − 400.00
                    .when(new RefundPayment(FUND_ID, BUDGET, CONTRACT, OUTCOME_2, eur("200.00"), "outcome withdrawn", DAY)) // − 200.00
                    .expectSuccessfulHandlerExecution()
                    .expectState(fund -> {
                        assertThat(fund.cash()).isEqualTo(eur("650.00"));
                        assertThat(fund.paidIn(INV_1)).isEqualTo(eur("1000.00"));
                        assertThat(fund.distributedTo(INV_1)).isEqualTo(eur("400.00"));
                        assertThat(fund.remainingBudget(BUDGET)).isEqualTo(eur("600.00"));
                    });
        }

        @Test
        void a_domain_refusal_is_the_one_exception_type() {
            fixture.given(fundOpened())
                    .when(new CommitCapital(FUND_ID, INV_1, eur("0.00"), DAY))
                    .expectException(DomainException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class PayingForPropertiesAndReceivingRent {

        private final PropertyId property = PropertyId.of("P-VIA-CIGNA-14");
        private final LeaseId lease = LeaseId.of("L-1");

        private PropertyAcquisitionPaid acquisitionPaid(String price) {
            return new PropertyAcquisitionPaid(FUND_ID, property, eur(price), DAY);
        }

        private RentIncomeReceived rentReceived(String collectionId, String amount) {
            return new RentIncomeReceived(FUND_ID, property, lease, collectionId, "2025-03", eur(amount), DUE, "SEPA-" + collectionId);
        }

        private ReceiveRentIncome receiveRent(String collectionId, String amount) {
            return new ReceiveRentIncome(FUND_ID, property, lease, collectionId, "2025-03", eur(amount), DUE, "SEPA-" + collectionId);
        }

        @Test
        void pays_a_property_acquisition_out_of_cash() {
            fixture.given(fundWith(paidIn(INV_1, "500000.00")))
                    .when(new PayPropertyAcquisition(FUND_ID, property, eur("420000.00"), DAY))
                    .expectEvents(acquisitionPaid("420000.00"))
                    .expectState(fund -> {
                        assertThat(fund.cash()).isEqualTo(eur("80000.00"));
                        assertThat(fund.acquisitionPaid(property)).contains(eur("420000.00"));
                    });
        }

        @Test
        void pays_exactly_the_cash_the_fund_holds() {
            fixture.given(fundWith(paidIn(INV_1, "420000.00")))
                    .when(new PayPropertyAcquisition(FUND_ID, property, eur("420000.00"), DAY))
                    .expectEvents(acquisitionPaid("420000.00"))
                    .expectState(fund -> assertThat(fund.cash()).isEqualTo(eur("0.00")));
        }

        @Test
        void refuses_an_acquisition_beyond_available_cash() {
            fixture.given(fundWith(paidIn(INV_1, "500000.00"), advanced("adv-1", "100000.00")))
                    .when(new PayPropertyAcquisition(FUND_ID, property, eur("400000.01"), DAY))
                    .expectException(refused(LIMIT_EXCEEDED, "acquisitionPrice"))
                    .expectExceptionMessage("acquisition price of 400000.01 EUR exceeds the fund's available cash of 400000.00 EUR")
                    .expectNoEvents();
        }

        @Test
        void refuses_an_acquisition_price_in_another_currency() {
            fixture.given(fundWith(paidIn(INV_1, "500000.00")))
                    .when(new PayPropertyAcquisition(FUND_ID, property, Money.of("100000.00", "CHF"), DAY))
                    .expectException(refused(CURRENCY_MISMATCH, "acquisitionPrice"))
                    .expectExceptionMessage("acquisitionPrice is in CHF but the fund keeps its books in EUR")
                    .expectNoEvents();
        }

        @Test
        void refuses_to_pay_for_the_same_property_twice() {
            fixture.given(fundWith(paidIn(INV_1, "500000.00"), acquisitionPaid("200000.00")))
                    .when(new PayPropertyAcquisition(FUND_ID, property, eur("200000.00"), DAY))
                    .expectException(refused(ALREADY_EXISTS, "propertyId"))
                    .expectExceptionMessage("fund fund-1 already paid 200000.00 EUR for property P-VIA-CIGNA-14")
                    .expectNoEvents();
        }

        @Test
        void refuses_an_acquisition_without_a_date() {
            fixture.given(fundWith(paidIn(INV_1, "500000.00")))
                    .when(new PayPropertyAcquisition(FUND_ID, property, eur("1000.00"), null))
                    .expectException(refused(INVALID_VALUE, "acquiredOn"))
                    .expectNoEvents();
        }

        @Test
        void rent_collected_reaches_fund_cash() {
            fixture.given(fundWith(paidIn(INV_1, "500000.00"), acquisitionPaid("420000.00")))
                    .when(receiveRent("C-1", "400.00"))
                    .expectEvents(rentReceived("C-1", "400.00"))
                    .expectState(fund -> assertThat(fund.cash()).isEqualTo(eur("80400.00")));
        }

        @Test
        void refuses_rent_for_a_property_the_fund_did_not_acquire() {
            fixture.given(fundWith(paidIn(INV_1, "500000.00")))
                    .when(receiveRent("C-1", "400.00"))
                    .expectException(refused(NOT_FOUND, "propertyId"))
                    .expectExceptionMessage("fund fund-1 did not acquire property P-VIA-CIGNA-14")
                    .expectNoEvents();
        }

        @Test
        void refuses_the_same_rent_collection_twice() {
            fixture.given(fundWith(paidIn(INV_1, "500000.00"), acquisitionPaid("420000.00"), rentReceived("C-1", "400.00")))
                    .when(receiveRent("C-1", "400.00"))
                    .expectException(refused(ALREADY_EXISTS, "collectionId"))
                    .expectExceptionMessage("rent collection C-1 of property P-VIA-CIGNA-14 already reached fund fund-1")
                    .expectNoEvents();
        }

        @Test
        void refuses_rent_in_another_currency() {
            fixture.given(fundWith(paidIn(INV_1, "500000.00"), acquisitionPaid("420000.00")))
                    .when(new ReceiveRentIncome(FUND_ID, property, lease, "C-1", "2025-03", Money.of("400.00", "CHF"), DUE, "SEPA-1"))
                    .expectException(refused(CURRENCY_MISMATCH, "amount"))
                    .expectNoEvents();
        }

        @Test
        void a_reversed_collection_leaves_fund_cash_again() {
            fixture.given(fundWith(paidIn(INV_1, "500000.00"), acquisitionPaid("420000.00"), rentReceived("C-1", "400.00")))
                    .when(new ReverseRentIncome(FUND_ID, property, "C-1", eur("400.00"), "returned by the bank", DUE))
                    .expectEvents(new RentIncomeReversed(FUND_ID, property, lease, "C-1", "2025-03", eur("400.00"), "returned by the bank", DUE))
                    .expectState(fund -> assertThat(fund.cash()).isEqualTo(eur("80000.00")));
        }

        @Test
        void refuses_to_reverse_rent_the_fund_never_received() {
            fixture.given(fundWith(paidIn(INV_1, "500000.00"), acquisitionPaid("420000.00")))
                    .when(new ReverseRentIncome(FUND_ID, property, "C-1", eur("400.00"), "returned by the bank", DUE))
                    .expectException(refused(NOT_FOUND, "collectionId"))
                    .expectExceptionMessage("fund fund-1 received no rent collection C-1 of property P-VIA-CIGNA-14")
                    .expectNoEvents();
        }

        @Test
        void refuses_to_reverse_rent_twice() {
            fixture.given(fundWith(paidIn(INV_1, "500000.00"), acquisitionPaid("420000.00"), rentReceived("C-1", "400.00"),
                            new RentIncomeReversed(FUND_ID, property, lease, "C-1", "2025-03", eur("400.00"), "returned", DUE)))
                    .when(new ReverseRentIncome(FUND_ID, property, "C-1", eur("400.00"), "returned again", DUE))
                    .expectException(refused(INVALID_STATE, "collectionId"))
                    .expectExceptionMessage("rent collection C-1 of property P-VIA-CIGNA-14 was already reversed in fund fund-1")
                    .expectNoEvents();
        }

        @Test
        void refuses_to_reverse_another_amount_than_was_received() {
            fixture.given(fundWith(paidIn(INV_1, "500000.00"), acquisitionPaid("420000.00"), rentReceived("C-1", "400.00")))
                    .when(new ReverseRentIncome(FUND_ID, property, "C-1", eur("399.99"), "returned by the bank", DUE))
                    .expectException(refused(INVALID_VALUE, "amount"))
                    .expectExceptionMessage("cannot reverse rent collection C-1 with 399.99 EUR: 400.00 EUR was received")
                    .expectNoEvents();
        }

        @Test
        void refuses_a_reversal_the_fund_cash_cannot_cover() {
            fixture.given(fundWith(paidIn(INV_1, "420000.00"), acquisitionPaid("420000.00"), rentReceived("C-1", "400.00"),
                            advanced("adv-1", "100.00")))
                    .when(new ReverseRentIncome(FUND_ID, property, "C-1", eur("400.00"), "returned by the bank", DUE))
                    .expectException(refused(LIMIT_EXCEEDED, "collectionId"))
                    .expectExceptionMessage("reversing rent collection C-1 of 400.00 EUR exceeds the fund's available cash of 300.00 EUR")
                    .expectNoEvents();
        }

        @Test
        void cash_counts_acquisitions_paid_rent_received_and_rent_reversed() {
            fixture.given(fundWith(paidIn(INV_1, "500000.00"),                   // +500000.00
                            acquisitionPaid("420000.00"),                         // −420000.00
                            rentReceived("C-1", "400.00"), rentReceived("C-2", "250.00"), // +650.00
                            new RentIncomeReversed(FUND_ID, property, lease, "C-2", "2025-03", eur("250.00"), "returned", DUE))) // −250.00
                    .when(receiveRent("C-3", "250.00"))                          // +250.00
                    .expectSuccessfulHandlerExecution()
                    .expectState(fund -> assertThat(fund.cash()).isEqualTo(eur("80650.00")));
        }
    }
}
