package org.impactledger.core.nrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactledger.core.nrrp.NrrpTestData.CUP;
import static org.impactledger.core.nrrp.NrrpTestData.LOCAL;
import static org.impactledger.core.nrrp.NrrpTestData.PROJECT;
import static org.impactledger.core.nrrp.NrrpTestData.SUB_MEASURE;
import static org.impactledger.core.nrrp.NrrpTestData.TITLE;
import static org.impactledger.core.nrrp.NrrpTestData.allocate;
import static org.impactledger.core.nrrp.NrrpTestData.allocated;
import static org.impactledger.core.nrrp.NrrpTestData.commit;
import static org.impactledger.core.nrrp.NrrpTestData.committed;
import static org.impactledger.core.nrrp.NrrpTestData.date;
import static org.impactledger.core.nrrp.NrrpTestData.eur;
import static org.impactledger.core.nrrp.NrrpTestData.metrics;
import static org.impactledger.core.nrrp.NrrpTestData.qty;
import static org.impactledger.core.nrrp.NrrpTestData.register;
import static org.impactledger.core.nrrp.NrrpTestData.registered;
import static org.impactledger.core.shared.Refusal.refusal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.impactledger.core.nrrp.command.EnterNrrpCommitment;
import org.impactledger.core.nrrp.command.RegisterNrrpProject;
import org.impactledger.core.nrrp.command.ReportNrrpExpenditure;
import org.impactledger.core.nrrp.command.SetNrrpTarget;
import org.impactledger.core.nrrp.event.NrrpExpenditureReported;
import org.impactledger.core.nrrp.event.NrrpTargetSet;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.NrrpProjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The NRRP project's rules, command by command, each with its accepted and its refused path. */
class NrrpProjectTest {

    private FixtureConfiguration<NrrpProject> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NrrpProject.class);
    }

    @Nested
    class TheProjectKey {

        @Test
        void is_the_cup_the_local_project_code_and_the_sub_measure_code() {
            assertThat(NrrpProject.idOf("c11h22000110001 ", LOCAL, "M5C2I1.03.00")).isEqualTo(PROJECT);
        }

        @Test
        void counts_a_measure_given_without_a_sub_measure_as_sub_measure_00() {
            assertThat(NrrpProject.idOf(CUP, LOCAL, "M5C2I1.3")).isEqualTo(PROJECT);
            assertThat(NrrpProject.idOf(CUP, LOCAL, "M5C2I1.03")).isEqualTo(PROJECT);
        }

        @Test
        void tells_apart_two_local_projects_under_one_cup() {
            assertThat(NrrpProject.idOf(CUP, "HF-TO-02", "M5C2I1.3")).isNotEqualTo(PROJECT);
        }

        @Test
        void refuses_a_malformed_cup_or_local_code() {
            assertThatThrownBy(() -> NrrpProject.idOf("C11H2200011000", LOCAL, "M5C2I1.3"))
                    .isInstanceOf(DomainException.class).hasMessageStartingWith("CUP must be 15 characters");
            assertThatThrownBy(() -> NrrpProject.idOf(CUP, "a b", "M5C2I1.3"))
                    .isInstanceOf(DomainException.class).hasMessageStartingWith("localProjectCode must be 1-20 letters");
        }
    }

    @Nested
    class Registering {

        @Test
        void registers_the_project_with_its_canonical_sub_measure_code() {
            fixture.givenNoPriorActivity()
                    .when(register())
                    .expectEvents(registered());
        }

        @Test
        void refuses_an_id_that_is_not_the_projects_key() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterNrrpProject(NrrpProjectId.of("HF-1"), CUP, LOCAL, "M5C2I1.3", TITLE, "EUR"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "projectId",
                            "projectId must be CUP:localProjectCode:subMeasureCode, " + PROJECT + "; was HF-1"));
        }

        @Test
        void refuses_a_measure_of_a_component_the_plan_does_not_have() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterNrrpProject(PROJECT, CUP, LOCAL, "M5C9I1.3", TITLE, "EUR"))
                    .expectNoEvents()
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class AllocatingAndCommitting {

        @Test
        void records_an_allocation_with_its_granting_act() {
            fixture.given(registered())
                    .when(allocate("A-1", "100000.00"))
                    .expectEvents(allocated("A-1", "100000.00"))
                    .expectState(p -> assertThat(p.allocated()).isEqualTo(eur("100000.00")));
        }

        @Test
        void refuses_an_allocation_without_its_granting_act() {
            fixture.given(registered())
                    .when(new org.impactledger.core.nrrp.command.AllocateNrrpFunds(PROJECT, "A-1", eur("1.00"), " ", date("2022-05-12")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "grantingAct", "grantingAct is required"));
        }

        @Test
        void refuses_an_allocation_id_used_before_in_the_project() {
            fixture.given(registered(), allocated("A-1", "100000.00"))
                    .when(allocate("A-1", "5.00"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.ALREADY_EXISTS, "allocationId", "allocationId A-1 already exists in project " + PROJECT));
        }

        @Test
        void commits_up_to_exactly_the_allocation() {
            fixture.given(registered(), allocated("A-1", "100000.00"), committed("K-1", "60000.00"))
                    .when(commit("K-2", "40000.00"))
                    .expectEvents(committed("K-2", "40000.00"))
                    .expectState(p -> assertThat(p.committed()).isEqualTo(eur("100000.00")));
        }

        @Test
        void refuses_a_commitment_beyond_the_allocation() {
            fixture.given(registered(), allocated("A-1", "100000.00"), committed("K-1", "60000.00"))
                    .when(commit("K-2", "40000.01"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.LIMIT_EXCEEDED, "amount", "commitment of 40000.01 EUR would take the committed total to "
                            + "100000.01 EUR, beyond the 100000.00 EUR allocated to project " + PROJECT
                            + ": a legal commitment needs financial cover, so allocate first"));
        }

        @Test
        void refuses_a_commitment_with_a_malformed_cig() {
            fixture.given(registered(), allocated("A-1", "100000.00"))
                    .when(new EnterNrrpCommitment(PROJECT, "K-1", "98765", "Coop", eur("1.00"), date("2026-01-15")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "cig",
                            "CIG must be 10 characters, each an upper-case letter A-Z or a digit 0-9; was '98765'"));
        }
    }

    @Nested
    class Reporting {

        @Test
        void records_reported_expenditure_even_beyond_the_allocation_so_that_the_reconciliation_can_show_it() {
            fixture.given(registered(), allocated("A-1", "100.00"))
                    .when(new ReportNrrpExpenditure(PROJECT, "R-1", "2026-Q1", eur("150.00"), date("2026-04-10")))
                    .expectEvents(new NrrpExpenditureReported(PROJECT, CUP, SUB_MEASURE, "R-1", "2026-Q1", eur("150.00"), date("2026-04-10")));
        }

        @Test
        void refuses_a_period_that_is_neither_a_month_nor_a_quarter() {
            fixture.given(registered())
                    .when(new ReportNrrpExpenditure(PROJECT, "R-1", "2026-13", eur("1.00"), date("2026-04-10")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "period", "period must be a month (yyyy-MM) or a quarter (yyyy-Qn); was '2026-13'"));
        }

        @Test
        void refuses_an_amount_in_another_currency() {
            fixture.given(registered())
                    .when(new ReportNrrpExpenditure(PROJECT, "R-1", "2026-03", org.impactledger.core.shared.Money.of("1.00", "CHF"), date("2026-04-10")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "amount", "amount is in CHF but the fund keeps its books in EUR"));
        }
    }

    @Nested
    class Targets {

        @Test
        void sets_a_target_linked_to_a_contracts_outcome_metrics_without_duplicates() {
            ContractId contract = ContractId.of("hf-contract");
            fixture.given(registered())
                    .when(new SetNrrpTarget(PROJECT, "T-1", "People helped by Housing First", qty("50"), date("2026-06-30"), contract,
                            metrics("HOUSED-6M", " HOUSED-6M", "HOUSED-12M")))
                    .expectEvents(new NrrpTargetSet(PROJECT, CUP, SUB_MEASURE, "T-1", "People helped by Housing First", qty("50"),
                            date("2026-06-30"), contract, metrics("HOUSED-6M", "HOUSED-12M")));
        }

        @Test
        void refuses_a_target_without_a_metric() {
            fixture.given(registered())
                    .when(new SetNrrpTarget(PROJECT, "T-1", "People helped", qty("50"), date("2026-06-30"), ContractId.of("c"), metrics()))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "metricCodes", "at least one outcome metric code is required"));
        }

        @Test
        void refuses_a_target_of_zero() {
            fixture.given(registered())
                    .when(new SetNrrpTarget(PROJECT, "T-1", "People helped", qty("0"), date("2026-06-30"), ContractId.of("c"), metrics("M")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.INVALID_VALUE, "quantity", "quantity must be positive; was 0"));
        }
    }
}
