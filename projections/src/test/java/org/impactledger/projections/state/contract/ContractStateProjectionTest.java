package org.impactledger.projections.state.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.impactledger.projections.state.LedgerHistory.CONTRACT;
import static org.impactledger.projections.state.LedgerHistory.EMPLOYMENT;
import static org.impactledger.projections.state.LedgerHistory.FUND;
import static org.impactledger.projections.state.LedgerHistory.OTHER_FUND;
import static org.impactledger.projections.state.LedgerHistory.SECOND_CONTRACT;
import static org.impactledger.projections.state.LedgerHistory.TRAINING;
import static org.impactledger.projections.state.LedgerHistory.eur;
import static org.impactledger.projections.state.LedgerHistory.outcome;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.impactledger.core.contract.PaymentRule;
import org.impactledger.core.contract.RateCardEntry;
import org.impactledger.core.contract.event.RateCardAmended;
import org.impactledger.core.contract.query.FindContract;
import org.impactledger.core.contract.query.FindOutcome;
import org.impactledger.core.contract.query.ListContracts;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.ProviderId;
import org.impactledger.core.contract.query.ListOutcomes;
import org.impactledger.core.contract.query.ListPayments;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.projections.state.LedgerHistory;
import org.impactledger.projections.state.Page;
import org.impactledger.projections.state.Recorded;
import org.impactledger.projections.state.StateViews;
import org.impactledger.projections.state.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract-state read model on PostgreSQL: contracts, their rate cards, outcomes and payments. */
class ContractStateProjectionTest {

    private static StateViews views;

    @BeforeAll
    static void database() {
        views = new StateViews(TestDatabases.postgres());
    }

    @BeforeEach
    void emptyTables() {
        views.reset();
    }

    @Test
    void an_outcome_goes_from_reported_to_verified_to_approved_to_paid_each_step_stamped_with_its_events_time() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        Instant reportedAt = timeOf(events, "OutcomeReported", "o-1");
        Instant verifiedAt = timeOf(events, "OutcomeVerified", "o-1");
        Instant approvedAt = timeOf(events, "OutcomePaymentApproved", "o-1");
        Instant paidAt = timeOf(events, "OutcomePaymentExecuted", "o-1");

        List<OutcomeStatus> seen = new ArrayList<>();
        for (Recorded event : events) {
            views.apply(event);
            OutcomeView o1 = views.contractQueries.handle(new FindOutcome(CONTRACT, outcome("o-1")));
            if (o1 != null && (seen.isEmpty() || seen.get(seen.size() - 1) != o1.status())) {
                seen.add(o1.status());
            }
        }
        assertThat(seen).containsExactly(OutcomeStatus.REPORTED, OutcomeStatus.VERIFIED, OutcomeStatus.APPROVED, OutcomeStatus.PAID);

        OutcomeView paid = views.contractQueries.handle(new FindOutcome(CONTRACT, outcome("o-1")));
        assertThat(paid.fundId()).isEqualTo(FUND.value());
        assertThat(paid.beneficiaryId()).isEqualTo("ben-1");
        assertThat(paid.metricCode()).isEqualTo(TRAINING);
        assertThat(paid.period()).isEqualTo("2026-Q1");
        assertThat(paid.outcomeDate()).isEqualTo(LocalDate.parse("2026-03-15"));
        assertThat(paid.quantity()).isEqualTo(new BigDecimal("8"));
        assertThat(paid.verifiedQuantity()).isEqualTo(new BigDecimal("8"));
        assertThat(paid.unitPrice()).isEqualTo(new BigDecimal("300.00"));
        assertThat(paid.amount()).isEqualTo(new BigDecimal("2400.00"));
        assertThat(paid.currency()).isEqualTo("EUR");
        assertThat(paid.evidenceReference()).isEqualTo("s3://evidence/o-1.pdf");
        assertThat(paid.evidenceSha256()).hasSize(64);
        assertThat(paid.reportedBy()).isEqualTo("provider-dario");
        assertThat(paid.reportedAt()).isEqualTo(reportedAt);
        assertThat(paid.verifiedBy()).isEqualTo("verifier-anna");
        assertThat(paid.verifiedAt()).isEqualTo(verifiedAt);
        assertThat(paid.verificationNote()).isEqualTo("attendance sheets checked");
        assertThat(paid.approvedBy()).isEqualTo("payer-carla");
        assertThat(paid.approvedAt()).isEqualTo(approvedAt);
        assertThat(paid.executedBy()).isEqualTo("treasurer-bruno");
        assertThat(paid.bankReference()).isEqualTo("BNK-OUT-1");
        assertThat(paid.paidAt()).isEqualTo(paidAt);
        assertThat(paid.valueDate()).isEqualTo(LocalDate.parse("2026-04-10"));
        assertThat(paid.sdgTargets()).containsExactly("4.4");
        assertThat(paid.reversalReason()).isNull();
    }

    @Test
    void a_reversed_approval_takes_the_outcome_back_to_verified_and_out_of_the_approved_total() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        OutcomeView o2 = views.contractQueries.handle(new FindOutcome(CONTRACT, outcome("o-2")));
        assertThat(o2.status()).isEqualTo(OutcomeStatus.VERIFIED);
        assertThat(o2.amount()).isNull();
        assertThat(o2.unitPrice()).isNull();
        assertThat(o2.approvedBy()).isNull();
        assertThat(o2.approvedAt()).isNull();
        assertThat(o2.reversalReason()).isEqualTo("approved in error");
        assertThat(o2.reversedBy()).isEqualTo("payer-carla");
        assertThat(o2.reversedAt()).isNotNull();
    }

    @Test
    void a_reversed_executed_payment_leaves_both_contract_totals_and_is_no_longer_a_payment() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        OutcomeView o3 = views.contractQueries.handle(new FindOutcome(CONTRACT, outcome("o-3")));
        assertThat(o3.status()).isEqualTo(OutcomeStatus.VERIFIED);
        assertThat(o3.amount()).isNull();
        assertThat(o3.bankReference()).isNull();
        assertThat(o3.paidAt()).isNull();
        assertThat(o3.valueDate()).isNull();
        assertThat(o3.reversalReason()).isEqualTo("job lost within six months");

        ContractView contract = views.contractQueries.handle(new FindContract(CONTRACT));
        assertThat(contract.approvedTotal()).isEqualTo(new BigDecimal("2400.00"));
        assertThat(contract.paidTotal()).isEqualTo(new BigDecimal("2400.00"));
        assertThat(contract.outcomeCount()).isEqualTo(6);
    }

    @Test
    void a_rejected_outcome_keeps_the_reason_and_who_rejected_it() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        OutcomeView o4 = views.contractQueries.handle(new FindOutcome(CONTRACT, outcome("o-4")));
        assertThat(o4.status()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(o4.rejectionReason()).isEqualTo("evidence unreadable");
        assertThat(o4.rejectedBy()).isEqualTo("verifier-anna");
        assertThat(o4.rejectedAt()).isNotNull();
        assertThat(o4.amount()).isNull();
    }

    @Test
    void a_withdrawn_outcome_keeps_the_reason_and_who_withdrew_it() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        OutcomeView o5 = views.contractQueries.handle(new FindOutcome(CONTRACT, outcome("o-5")));
        assertThat(o5.status()).isEqualTo(OutcomeStatus.WITHDRAWN);
        assertThat(o5.withdrawalReason()).isEqualTo("reported twice");
        assertThat(o5.withdrawnBy()).isEqualTo("provider-dario");
        assertThat(o5.withdrawnAt()).isNotNull();
    }

    @Test
    void a_signed_contract_shows_its_parties_term_cap_and_is_open() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        ContractView contract = views.contractQueries.handle(new FindContract(CONTRACT));
        assertThat(contract.fundId()).isEqualTo(FUND.value());
        assertThat(contract.providerId()).isEqualTo("prov-coop-lavoro");
        assertThat(contract.budgetId()).isEqualTo("budget-comune");
        assertThat(contract.payerId()).isEqualTo("payer-comune-torino");
        assertThat(contract.title()).isEqualTo("Inserimento lavorativo");
        assertThat(contract.currency()).isEqualTo("EUR");
        assertThat(contract.startDate()).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(contract.endDate()).isEqualTo(LocalDate.parse("2027-12-31"));
        assertThat(contract.cap()).isEqualTo(new BigDecimal("200000.00"));
        assertThat(contract.status()).isEqualTo(ContractStatus.OPEN);
        assertThat(contract.closedOn()).isNull();
    }

    @Test
    void a_closed_contract_shows_the_day_and_reason_of_closing() {
        views.applyAll(LedgerHistory.outcomeFund().closed(CONTRACT, "2027-12-31").events());

        ContractView contract = views.contractQueries.handle(new FindContract(CONTRACT));
        assertThat(contract.status()).isEqualTo(ContractStatus.CLOSED);
        assertThat(contract.closedOn()).isEqualTo(LocalDate.parse("2027-12-31"));
        assertThat(contract.closeReason()).isEqualTo("term ended");
    }

    @Test
    void the_rate_card_keeps_every_version_of_a_line_with_the_dates_it_was_in_force() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        List<RateCardLine> rateCard = views.contractQueries.handle(new FindContract(CONTRACT)).rateCard();
        assertThat(rateCard)
                .extracting(RateCardLine::metricCode, RateCardLine::version, RateCardLine::unitPrice, RateCardLine::effectiveFrom,
                        RateCardLine::effectiveUntil, RateCardLine::amendmentId)
                .containsExactly(
                        tuple(EMPLOYMENT, 1, new BigDecimal("800.00"), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-07-01"), null),
                        tuple(EMPLOYMENT, 2, new BigDecimal("900.00"), LocalDate.parse("2026-07-01"), null, "amend-1"),
                        tuple(TRAINING, 1, new BigDecimal("300.00"), LocalDate.parse("2026-01-01"), null, null));
        assertThat(rateCard.get(0).sdgTargets()).containsExactly("8.5", "10.2");
        assertThat(rateCard.get(0).rule()).isEqualTo(PaymentRule.ONCE_PER_BENEFICIARY);
        assertThat(rateCard.get(0).currency()).isEqualTo("EUR");
        assertThat(rateCard.get(1).inForceOn(LocalDate.parse("2026-07-10"))).isTrue();
        assertThat(rateCard.get(0).inForceOn(LocalDate.parse("2026-07-10"))).isFalse();
        assertThat(rateCard.get(0).inForceOn(LocalDate.parse("2026-06-30"))).isTrue();
    }

    @Test
    void an_amendment_dated_before_a_later_one_ends_the_earlier_versions_and_the_later_one_never_comes_into_force() {
        LedgerHistory history = LedgerHistory.outcomeFund()
                .then(new RateCardAmended(CONTRACT, "amend-2", LocalDate.parse("2026-05-01"), List.of(
                        new RateCardEntry(EMPLOYMENT, "Six months in employment", eur("850"), List.of("8.5"),
                                PaymentRule.ONCE_PER_BENEFICIARY))));
        views.applyAll(history.events());

        assertThat(views.contractQueries.handle(new FindContract(CONTRACT)).rateCard())
                .filteredOn(line -> line.metricCode().equals(EMPLOYMENT))
                .extracting(RateCardLine::version, RateCardLine::effectiveFrom, RateCardLine::effectiveUntil)
                .containsExactly(
                        tuple(1, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-05-01")),
                        tuple(2, LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-01")),
                        tuple(3, LocalDate.parse("2026-05-01"), null));
    }

    @Test
    void outcomes_are_listed_by_outcome_date_then_id_and_can_be_filtered_by_status() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        Page<OutcomeView> all = views.contractQueries.handle(new ListOutcomes(CONTRACT, null, 0, 50));
        assertThat(all.items()).extracting(OutcomeView::outcomeId).containsExactly("o-1", "o-2", "o-3", "o-4", "o-5", "o-6");
        assertThat(all.total()).isEqualTo(6);

        Page<OutcomeView> verified = views.contractQueries.handle(new ListOutcomes(CONTRACT, "verified", 0, 1));
        assertThat(verified.items()).extracting(OutcomeView::outcomeId).containsExactly("o-2");
        assertThat(verified.total()).isEqualTo(2);
        assertThat(views.contractQueries.handle(new ListOutcomes(CONTRACT, "VERIFIED", 1, 1)).items())
                .extracting(OutcomeView::outcomeId).containsExactly("o-3");
        assertThat(views.contractQueries.handle(new ListOutcomes(CONTRACT, "REPORTED", 0, 10)).items())
                .extracting(OutcomeView::outcomeId).containsExactly("o-6");
        assertThat(views.contractQueries.handle(new ListOutcomes(CONTRACT, null, 0, 500)).size()).isEqualTo(200);
    }

    @Test
    void an_unknown_status_filter_is_refused_as_bad_input_naming_the_field() {
        assertThatThrownBy(() -> views.contractQueries.handle(new ListOutcomes(CONTRACT, "LOST", 0, 10)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                    assertThat(e.field()).isEqualTo("status");
                    assertThat(e.getMessage()).contains("REPORTED, VERIFIED, REJECTED, APPROVED, PAID, WITHDRAWN").contains("LOST");
                });
    }

    @Test
    void the_payments_of_a_fund_are_its_outcomes_with_an_amount_across_contracts_by_date_outcome_and_contract() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        Page<OutcomeView> payments = views.contractQueries.handle(new ListPayments(FUND, 0, 20));
        assertThat(payments.items())
                .extracting(OutcomeView::contractId, OutcomeView::outcomeId, OutcomeView::status, OutcomeView::amount)
                .containsExactly(
                        tuple(CONTRACT.value(), "o-1", OutcomeStatus.PAID, new BigDecimal("2400.00")),
                        tuple(SECOND_CONTRACT.value(), "o-1", OutcomeStatus.APPROVED, new BigDecimal("1200.00")));
        assertThat(payments.total()).isEqualTo(2);
        assertThat(views.contractQueries.handle(new ListPayments(OTHER_FUND, 0, 20)).items()).isEmpty();
        // a payer who reads only its own: the contracts it pays, and nothing of another payer's
        assertThat(views.contractQueries.handle(new ListPayments(FUND, LedgerHistory.PAYER, 0, 20)).total()).isEqualTo(2);
        Page<OutcomeView> other = views.contractQueries.handle(new ListPayments(FUND, PayerId.of("payer-other"), 0, 20));
        assertThat(other.items()).isEmpty();
        assertThat(other.total()).isZero();
    }

    @Test
    void contracts_are_listed_by_id_for_one_fund_or_for_all_funds() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        assertThat(views.contractQueries.handle(new ListContracts(FUND, 0, 10)).items())
                .extracting(ContractView::contractId).containsExactly(CONTRACT.value(), SECOND_CONTRACT.value());
        assertThat(views.contractQueries.handle(new ListContracts(null, 0, 10)).total()).isEqualTo(2);
        assertThat(views.contractQueries.handle(new ListContracts(null, 1, 1)).items())
                .extracting(ContractView::contractId).containsExactly(SECOND_CONTRACT.value());
        assertThat(views.contractQueries.handle(new ListContracts(OTHER_FUND, 0, 10)).total()).isZero();
    }

    @Test
    void contracts_are_listed_for_one_provider_only_when_asked() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        assertThat(views.contractQueries.handle(new ListContracts(FUND, LedgerHistory.PROVIDER, 0, 10)).items())
                .extracting(ContractView::contractId).containsExactly(CONTRACT.value(), SECOND_CONTRACT.value());
        ContractPage other = views.contractQueries.handle(new ListContracts(null, ProviderId.of("prov-other"), 0, 10));
        assertThat(other.items()).isEmpty();
        assertThat(other.total()).isZero();
    }

    @Test
    void an_unknown_contract_or_outcome_is_answered_with_null() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        assertThat(views.contractQueries.handle(new FindContract(ContractId.of("contract-nowhere")))).isNull();
        assertThat(views.contractQueries.handle(new FindOutcome(CONTRACT, outcome("o-99")))).isNull();
        assertThat(views.contractQueries.handle(new ListOutcomes(ContractId.of("contract-nowhere"), null, 0, 10)).total()).isZero();
    }

    /** The timestamp of the first event of {@code type} about outcome {@code outcomeId} of the main contract. */
    private static Instant timeOf(List<Recorded> events, String type, String outcomeId) {
        return events.stream()
                .filter(r -> r.payload().getClass().getSimpleName().equals(type))
                .filter(r -> r.aggregateId().equals(CONTRACT.value()) && outcome(outcomeId).equals(outcomeIdOf(r.payload())))
                .findFirst()
                .orElseThrow()
                .timestamp();
    }

    private static Object outcomeIdOf(Object event) {
        try {
            for (RecordComponent component : event.getClass().getRecordComponents()) {
                if (component.getName().equals("outcomeId")) {
                    return component.getAccessor().invoke(event);
                }
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
