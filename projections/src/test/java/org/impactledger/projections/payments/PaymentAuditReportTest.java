package org.impactledger.projections.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.impactledger.core.contract.event.OutcomePaymentApproved;
import org.impactledger.core.contract.event.OutcomePaymentExecuted;
import org.impactledger.core.contract.event.OutcomePaymentReversed;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.contract.event.OutcomeVerified;
import org.impactledger.core.contract.event.OutcomeWithdrawn;
import org.impactledger.core.contract.event.ContractEvent;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.projections.payments.PaymentChain.CorrectionStep;
import org.impactledger.projections.report.ReportDatabases;
import org.impactledger.projections.report.ReportHistory;
import org.impactledger.projections.report.ReportViews;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.state.LedgerHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outcome payment audit chain on PostgreSQL, over the shared outcome-fund history: payments are
 * the outcomes that were approved (employment o-1 paid, o-2 approval reversed, o-3 paid then
 * reversed; training o-1 approved).
 */
class PaymentAuditReportTest {

    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");
    private static final TimeTravel NOW = new TimeTravel(null, LATER);

    private static ReportViews views;
    private static ReportHistory history;

    @BeforeAll
    static void database() {
        views = new ReportViews(ReportDatabases.postgres());
        history = ReportHistory.of(LedgerHistory.outcomeFund());
    }

    @BeforeEach
    void build() {
        views.reset();
        views.applyAll(history.events());
    }

    private static PaymentChain chain(ContractId contract, String outcome, TimeTravel time) {
        return views.auditQueries.handle(new FindPaymentChain(contract, OutcomeId.of(outcome), time));
    }

    @Test
    void the_list_holds_every_approved_outcome_in_order_of_first_approval_with_its_status_and_net_amounts() {
        PaymentPage page = views.auditQueries.handle(new ListOutcomePayments(null, null, 0, 50, NOW));

        assertThat(page.total()).isEqualTo(4);
        assertThat(page.items()).extracting(PaymentSummary::contractId, PaymentSummary::outcomeId, PaymentSummary::status,
                PaymentSummary::approvedAmount, PaymentSummary::paidAmount).containsExactly(
                tuple("contract-employment", "o-1", PaymentStatus.PAID, new BigDecimal("2400.00"), new BigDecimal("2400.00")),
                tuple("contract-employment", "o-2", PaymentStatus.REVERSED, new BigDecimal("0.00"), new BigDecimal("0.00")),
                tuple("contract-employment", "o-3", PaymentStatus.REVERSED, new BigDecimal("0.00"), new BigDecimal("0.00")),
                tuple("contract-training", "o-1", PaymentStatus.APPROVED, new BigDecimal("1200.00"), new BigDecimal("0.00")));
        PaymentSummary paid = page.items().get(0);
        assertThat(paid.lastApprovedBy()).isEqualTo("payer-carla");
        assertThat(paid.lastBankReference()).isEqualTo("BNK-OUT-1");
        assertThat(paid.lastValueDate()).isEqualTo(LocalDate.parse("2026-04-10"));
        assertThat(paid.evidenceSha256()).isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    @Test
    void the_list_filters_by_fund_and_contract_and_pages_without_overlap() {
        assertThat(views.auditQueries.handle(new ListOutcomePayments(null, LedgerHistory.CONTRACT, 0, 50, NOW)).total()).isEqualTo(3);
        assertThat(views.auditQueries.handle(new ListOutcomePayments(LedgerHistory.FUND, null, 0, 50, NOW)).total()).isEqualTo(4);
        assertThat(views.auditQueries.handle(new ListOutcomePayments(FundId.of("fund-bari"), null, 0, 50, NOW)).items()).isEmpty();
        assertThat(views.auditQueries.handle(new ListOutcomePayments(null, null, LedgerHistory.PAYER, 0, 50, NOW)).total()).isEqualTo(4);
        assertThat(views.auditQueries.handle(new ListOutcomePayments(null, null, PayerId.of("payer-other"), 0, 50, NOW)).items()).isEmpty();

        PaymentPage second = views.auditQueries.handle(new ListOutcomePayments(null, null, 1, 3, NOW));
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.items()).extracting(PaymentSummary::contractId, PaymentSummary::outcomeId)
                .containsExactly(tuple("contract-training", "o-1"));
        assertThat(views.auditQueries.handle(new ListOutcomePayments(null, null, 0, 1000, NOW)).size()).isEqualTo(200);
        assertThatThrownBy(() -> new ListOutcomePayments(null, null, -1, 10, NOW)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("page"));
        assertThatThrownBy(() -> new ListOutcomePayments(null, null, 0, 0, NOW)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("size"));
    }

    @Test
    void a_chain_shows_report_verification_approval_transfer_and_reversal_each_with_its_event_id_position_actor_and_time() {
        PaymentChain chain = chain(LedgerHistory.CONTRACT, "o-3", NOW);

        TrackedEventMessage<?> reported = event(OutcomeReported.class, "o-3");
        assertThat(chain.report().event().eventId()).isEqualTo(reported.getIdentifier());
        assertThat(chain.report().event().globalPosition()).isEqualTo(reported.trackingToken().position().getAsLong());
        assertThat(chain.report().event().recordedAt()).isEqualTo(reported.getTimestamp());
        assertThat(chain.report().event().principal()).isEqualTo("tester");
        assertThat(chain.report().reportedBy()).isEqualTo("provider-dario");
        assertThat(chain.report().evidenceReference()).isEqualTo("s3://evidence/o-3.pdf");
        assertThat(chain.report().evidenceSha256()).isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(chain.report().quantity()).isEqualByComparingTo("2");

        assertThat(chain.verification().event().eventId()).isEqualTo(event(OutcomeVerified.class, "o-3").getIdentifier());
        assertThat(chain.verification().verifiedBy()).isEqualTo("verifier-anna");
        assertThat(chain.verification().verifiedQuantity()).isEqualByComparingTo("2");

        assertThat(chain.approvals()).singleElement().satisfies(a -> {
            assertThat(a.event().eventId()).isEqualTo(event(OutcomePaymentApproved.class, "o-3").getIdentifier());
            assertThat(a.approvedBy()).isEqualTo("payer-carla");
            assertThat(a.unitPrice()).isEqualTo(new BigDecimal("800.00"));
            assertThat(a.amount()).isEqualTo(new BigDecimal("1600.00"));
        });
        assertThat(chain.transfers()).singleElement().satisfies(t -> {
            assertThat(t.event().eventId()).isEqualTo(event(OutcomePaymentExecuted.class, "o-3").getIdentifier());
            assertThat(t.executedBy()).isEqualTo("treasurer-bruno");
            assertThat(t.bankReference()).isEqualTo("BNK-OUT-3");
            assertThat(t.valueDate()).isEqualTo(LocalDate.parse("2026-05-02"));
            assertThat(t.event().businessDate()).isEqualTo(LocalDate.parse("2026-05-02"));
        });
        assertThat(chain.corrections()).singleElement().satisfies(c -> {
            assertThat(c.event().eventId()).isEqualTo(event(OutcomePaymentReversed.class, "o-3").getIdentifier());
            assertThat(c.kind()).isEqualTo(CorrectionStep.REVERSAL);
            assertThat(c.correctedBy()).isEqualTo("payer-carla");
            assertThat(c.reason()).isEqualTo("job lost within six months");
            assertThat(c.wasExecuted()).isTrue();
            assertThat(c.amount()).isEqualTo(new BigDecimal("1600.00"));
        });
        List<Long> positions = List.of(chain.report().event().globalPosition(), chain.verification().event().globalPosition(),
                chain.approvals().get(0).event().globalPosition(), chain.transfers().get(0).event().globalPosition(),
                chain.corrections().get(0).event().globalPosition());
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(chain.status()).isEqualTo(PaymentStatus.REVERSED);
    }

    @Test
    void as_known_at_the_transfer_the_chain_ends_with_the_transfer_and_the_payment_is_paid() {
        Instant transferred = event(OutcomePaymentExecuted.class, "o-3").getTimestamp();

        PaymentChain chain = chain(LedgerHistory.CONTRACT, "o-3", new TimeTravel(null, transferred));

        assertThat(chain.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(chain.paidAmount()).isEqualTo(new BigDecimal("1600.00"));
        assertThat(chain.corrections()).isEmpty();
        assertThat(chain.knownAt()).isEqualTo(transferred);
        // as of the business date before the reversal's value date, the same
        assertThat(chain(LedgerHistory.CONTRACT, "o-3", new TimeTravel(LocalDate.parse("2026-05-19"), LATER)).status())
                .isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void an_outcome_that_was_never_approved_has_no_payment_chain() {
        assertThat(chain(LedgerHistory.CONTRACT, "o-4", NOW)).isNull();
        assertThat(chain(LedgerHistory.CONTRACT, "o-99", NOW)).isNull();
        Instant approved = event(OutcomePaymentApproved.class, "o-1").getTimestamp();
        assertThat(chain(LedgerHistory.CONTRACT, "o-1", new TimeTravel(null, approved.minusNanos(1000)))).isNull();
        assertThat(chain(LedgerHistory.CONTRACT, "o-1", new TimeTravel(null, approved))).isNotNull();
    }

    @Test
    void an_outcome_approved_again_after_a_reversal_and_then_withdrawn_shows_every_step() {
        LedgerHistory h = LedgerHistory.outcomeFund();
        h.approved(LedgerHistory.CONTRACT, "o-2", "ben-2", LedgerHistory.EMPLOYMENT, "2026-Q1", "2026-03-20", "1", "800", List.of("8.5"));
        h.then(new OutcomePaymentReversed(LedgerHistory.CONTRACT, OutcomeId.of("o-2"), LedgerHistory.FUND, LedgerHistory.eur("800"), false,
                "budget line closed", LocalDate.parse("2026-08-01"), "payer-carla"));
        h.then(new OutcomeWithdrawn(LedgerHistory.CONTRACT, OutcomeId.of("o-2"), "beneficiary moved away", "provider-dario"));
        views.applyAll(ReportHistory.of(h).events());

        PaymentChain chain = chain(LedgerHistory.CONTRACT, "o-2", NOW);

        assertThat(chain.approvals()).hasSize(2);
        assertThat(chain.transfers()).isEmpty();
        assertThat(chain.corrections()).extracting(CorrectionStep::kind, CorrectionStep::reason).containsExactly(
                tuple("REVERSAL", "approved in error"), tuple("REVERSAL", "budget line closed"), tuple("WITHDRAWAL", "beneficiary moved away"));
        assertThat(chain.status()).isEqualTo(PaymentStatus.WITHDRAWN);
        assertThat(chain.approvedAmount()).isEqualTo(new BigDecimal("0.00"));
    }

    private static TrackedEventMessage<?> event(Class<? extends ContractEvent> type, String outcomeId) {
        return history.events().stream()
                .filter(e -> type.isInstance(e.getPayload()))
                .filter(e -> outcomeOf(e.getPayload()).equals(outcomeId) && ((ContractEvent) e.getPayload()).contractId().equals(LedgerHistory.CONTRACT))
                .findFirst()
                .orElseThrow();
    }

    private static String outcomeOf(Object payload) {
        if (payload instanceof OutcomeReported e) {
            return e.outcomeId().value();
        }
        if (payload instanceof OutcomeVerified e) {
            return e.outcomeId().value();
        }
        if (payload instanceof OutcomePaymentApproved e) {
            return e.outcomeId().value();
        }
        if (payload instanceof OutcomePaymentExecuted e) {
            return e.outcomeId().value();
        }
        if (payload instanceof OutcomePaymentReversed e) {
            return e.outcomeId().value();
        }
        return "";
    }
}
