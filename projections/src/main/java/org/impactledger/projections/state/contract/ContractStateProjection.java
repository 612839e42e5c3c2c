package org.impactledger.projections.state.contract;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.impactledger.core.contract.event.ContractClosed;
import org.impactledger.core.contract.event.ContractSigned;
import org.impactledger.core.contract.event.OutcomePaymentApproved;
import org.impactledger.core.contract.event.OutcomePaymentExecuted;
import org.impactledger.core.contract.event.OutcomePaymentReversed;
import org.impactledger.core.contract.event.OutcomeRejected;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.contract.event.OutcomeVerified;
import org.impactledger.core.contract.event.OutcomeWithdrawn;
import org.impactledger.core.contract.event.RateCardAmended;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code contract_view} and {@code outcome_view} up to date from the contract's events (the
 * contract and the outcomes reported under it), in its own tracking processor
 * ({@value #PROCESSING_GROUP}).
 *
 * <h2>Why every write is idempotent</h2>
 * The contract's totals (approved, paid, number of outcomes) are running sums, and an outcome's
 * status depends on the order of its events, so a redelivered event must change nothing. As in
 * {@code FundStateProjection}, each event's position in the contract's own stream (the aggregate
 * sequence number, {@code @SequenceNumber}) is compared with {@code contract_view.last_event_index}:
 * a handler first moves that index forward with {@code ... WHERE last_event_index < :seq} and makes
 * its other changes only if that update hit the row. Outcomes belong to the contract aggregate, so
 * the contract's index guards its outcome rows too. The number is part of the stored event, hence
 * the same on every delivery and replay whatever the tracking token; the guard and the change share
 * one transaction (joining the processor's), so an event is applied entirely or not at all; a token
 * reset empties the tables ({@link #reset()}) before the replay rebuilds them.
 *
 * <p>Timestamps ({@code reportedAt}, {@code paidAt} ...) are the events' own timestamps, never the
 * clock, so a rebuild gives the same rows as the first build.
 */
@Component
@ProcessingGroup(ContractStateProjection.PROCESSING_GROUP)
public class ContractStateProjection {

    public static final String PROCESSING_GROUP = "contract-state";

    private static final Logger log = LoggerFactory.getLogger(ContractStateProjection.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public ContractStateProjection(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @EventHandler
    public void on(ContractSigned event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (contractExists(event.contractId())) {
                return;
            }
            jdbc.sql("""
                            INSERT INTO contract_view (contract_id, fund_id, provider_id, budget_id, payer_id, title, currency,
                                start_date, end_date, cap, approved_total, paid_total, status, rate_card, outcome_count,
                                last_event_index)
                            VALUES (:contractId, :fundId, :providerId, :budgetId, :payerId, :title, :currency,
                                :startDate, :endDate, :cap, 0, 0, :status, :rateCard, 0,
                                :seq)""")
                    .param("contractId", event.contractId().value())
                    .param("fundId", event.fundId().value())
                    .param("providerId", event.providerId().value())
                    .param("budgetId", event.budgetId().value())
                    .param("payerId", event.payerId().value())
                    .param("title", event.title())
                    .param("currency", event.cap().currency())
                    .param("startDate", event.startDate())
                    .param("endDate", event.endDate())
                    .param("cap", event.cap().amount())
                    .param("status", ContractStatus.OPEN.name())
                    .param("rateCard", RateCards.toJson(RateCards.signed(event)))
                    .param("seq", sequenceNumber)
                    .update();
        });
    }

    @EventHandler
    public void on(RateCardAmended event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (!advance(event.contractId(), sequenceNumber, "", Map.of())) {
                return;
            }
            String json = jdbc.sql("SELECT rate_card FROM contract_view WHERE contract_id = :contractId")
                    .param("contractId", event.contractId().value())
                    .query(String.class)
                    .single();
            List<RateCardLine> amended = RateCards.amended(RateCards.fromJson(json), event);
            jdbc.sql("UPDATE contract_view SET rate_card = :rateCard WHERE contract_id = :contractId")
                    .param("rateCard", RateCards.toJson(amended))
                    .param("contractId", event.contractId().value())
                    .update();
        });
    }

    @EventHandler
    public void on(ContractClosed event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status ->
                advance(event.contractId(), sequenceNumber, "status = :status, closed_on = :closedOn, close_reason = :reason",
                        params("status", ContractStatus.CLOSED.name(), "closedOn", event.closedOn(), "reason", event.reason())));
    }

    @EventHandler
    public void on(OutcomeReported event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        transaction.executeWithoutResult(status -> {
            if (!advance(event.contractId(), sequenceNumber, "outcome_count = outcome_count + 1", Map.of())) {
                return;
            }
            String currency = jdbc.sql("SELECT currency FROM contract_view WHERE contract_id = :contractId")
                    .param("contractId", event.contractId().value())
                    .query(String.class)
                    .single();
            jdbc.sql("""
                            INSERT INTO outcome_view (contract_id, outcome_id, fund_id, beneficiary_id, metric_code, period,
                                outcome_date, quantity, currency, status, evidence_reference, evidence_sha256, reported_by,
                                reported_at)
                            VALUES (:contractId, :outcomeId, :fundId, :beneficiaryId, :metricCode, :period,
                                :outcomeDate, :quantity, :currency, :status, :evidenceReference, :evidenceSha256, :reportedBy,
                                :reportedAt)""")
                    .param("contractId", event.contractId().value())
                    .param("outcomeId", event.outcomeId().value())
                    .param("fundId", event.fundId().value())
                    .param("beneficiaryId", event.beneficiaryId().value())
                    .param("metricCode", event.metricCode())
                    .param("period", event.period())
                    .param("outcomeDate", event.outcomeDate())
                    .param("quantity", event.quantity())
                    .param("currency", currency)
                    .param("status", OutcomeStatus.REPORTED.name())
                    .param("evidenceReference", event.evidenceReference())
                    .param("evidenceSha256", event.evidenceSha256())
                    .param("reportedBy", event.reportedBy())
                    .param("reportedAt", utc(timestamp))
                    .update();
        });
    }

    @EventHandler
    public void on(OutcomeVerified event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        transaction.executeWithoutResult(status -> {
            if (advance(event.contractId(), sequenceNumber, "", Map.of())) {
                updateOutcome(event.contractId(), event.outcomeId(), """
                                status = :status, verified_quantity = :verifiedQuantity, verified_by = :verifiedBy,
                                verified_at = :verifiedAt, verification_note = :note""",
                        params("status", OutcomeStatus.VERIFIED.name(), "verifiedQuantity", event.verifiedQuantity(),
                                "verifiedBy", event.verifiedBy(), "verifiedAt", utc(timestamp), "note", event.note()));
            }
        });
    }

    @EventHandler
    public void on(OutcomeRejected event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        transaction.executeWithoutResult(status -> {
            if (advance(event.contractId(), sequenceNumber, "", Map.of())) {
                updateOutcome(event.contractId(), event.outcomeId(),
                        "status = :status, rejection_reason = :reason, rejected_by = :rejectedBy, rejected_at = :rejectedAt",
                        params("status", OutcomeStatus.REJECTED.name(), "reason", event.reason(),
                                "rejectedBy", event.rejectedBy(), "rejectedAt", utc(timestamp)));
            }
        });
    }

    @EventHandler
    public void on(OutcomePaymentApproved event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        transaction.executeWithoutResult(status -> {
            if (advance(event.contractId(), sequenceNumber, "approved_total = approved_total + :amount",
                    Map.of("amount", event.amount().amount()))) {
                updateOutcome(event.contractId(), event.outcomeId(), """
                                status = :status, verified_quantity = :verifiedQuantity, unit_price = :unitPrice,
                                amount = :amount, currency = :currency, sdg_targets = :sdgTargets, approved_by = :approvedBy,
                                approved_at = :approvedAt""",
                        params("status", OutcomeStatus.APPROVED.name(), "verifiedQuantity", event.verifiedQuantity(),
                                "unitPrice", event.unitPrice().amount(), "amount", event.amount().amount(),
                                "currency", event.amount().currency(), "sdgTargets", sdgTargets(event.sdgTargets()),
                                "approvedBy", event.approvedBy(), "approvedAt", utc(timestamp)));
            }
        });
    }

    @EventHandler
    public void on(OutcomePaymentExecuted event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        transaction.executeWithoutResult(status -> {
            if (advance(event.contractId(), sequenceNumber, "paid_total = paid_total + :amount",
                    Map.of("amount", event.amount().amount()))) {
                updateOutcome(event.contractId(), event.outcomeId(), """
                                status = :status, bank_reference = :bankReference, value_date = :valueDate, paid_at = :paidAt,
                                executed_by = :executedBy""",
                        params("status", OutcomeStatus.PAID.name(), "bankReference", event.bankReference(),
                                "valueDate", event.valueDate(), "paidAt", utc(timestamp), "executedBy", event.executedBy()));
            }
        });
    }

    /**
     * The payment (approved, or also executed when {@code wasExecuted}) no longer counts: it leaves
     * the contract's totals, the outcome returns to VERIFIED and is no longer a payment.
     */
    @EventHandler
    public void on(OutcomePaymentReversed event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        BigDecimal paid = event.wasExecuted() ? event.amount().amount() : BigDecimal.ZERO.setScale(2);
        transaction.executeWithoutResult(status -> {
            if (advance(event.contractId(), sequenceNumber, "approved_total = approved_total - :amount, paid_total = paid_total - :paid",
                    Map.of("amount", event.amount().amount(), "paid", paid))) {
                updateOutcome(event.contractId(), event.outcomeId(), """
                                status = :status, unit_price = NULL, amount = NULL, approved_by = NULL, approved_at = NULL,
                                executed_by = NULL, bank_reference = NULL, paid_at = NULL, value_date = NULL,
                                reversal_reason = :reason, reversed_by = :reversedBy, reversed_at = :reversedAt""",
                        params("status", OutcomeStatus.VERIFIED.name(), "reason", event.reason(),
                                "reversedBy", event.reversedBy(), "reversedAt", utc(timestamp)));
            }
        });
    }

    @EventHandler
    public void on(OutcomeWithdrawn event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        transaction.executeWithoutResult(status -> {
            if (advance(event.contractId(), sequenceNumber, "", Map.of())) {
                updateOutcome(event.contractId(), event.outcomeId(),
                        "status = :status, withdrawal_reason = :reason, withdrawn_by = :withdrawnBy, withdrawn_at = :withdrawnAt",
                        params("status", OutcomeStatus.WITHDRAWN.name(), "reason", event.reason(),
                                "withdrawnBy", event.withdrawnBy(), "withdrawnAt", utc(timestamp)));
            }
        });
    }

    /** Before a replay from the start: empty the tables so the replay rebuilds them from zero. */
    @ResetHandler
    public void reset() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM outcome_view").update();
            jdbc.sql("DELETE FROM contract_view").update();
        });
    }

    /**
     * Moves the contract's {@code last_event_index} to {@code sequenceNumber} and applies
     * {@code assignments} to its row, if this event is newer than the last one applied.
     *
     * @return whether the event is new, so that its other changes are to be made
     */
    private boolean advance(ContractId contractId, long sequenceNumber, String assignments, Map<String, ?> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("contractId", contractId.value());
        all.put("seq", sequenceNumber);
        String set = assignments.isEmpty() ? "" : assignments + ", ";
        int updated = jdbc.sql("UPDATE contract_view SET " + set
                        + "last_event_index = :seq WHERE contract_id = :contractId AND last_event_index < :seq")
                .params(all)
                .update();
        if (updated == 1) {
            return true;
        }
        if (!contractExists(contractId)) {
            log.warn("Skipped contract event #{} for contract {}, which has no row in contract_view", sequenceNumber, contractId);
        }
        return false;
    }

    private boolean contractExists(ContractId contractId) {
        return jdbc.sql("SELECT COUNT(*) FROM contract_view WHERE contract_id = :contractId")
                .param("contractId", contractId.value())
                .query(Long.class)
                .single() > 0;
    }

    private void updateOutcome(ContractId contractId, OutcomeId outcomeId, String assignments, Map<String, ?> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("contractId", contractId.value());
        all.put("outcomeId", outcomeId.value());
        int updated = jdbc.sql("UPDATE outcome_view SET " + assignments + " WHERE contract_id = :contractId AND outcome_id = :outcomeId")
                .params(all)
                .update();
        if (updated == 0) {
            log.warn("Contract {} has no outcome {} to update", contractId, outcomeId);
        }
    }

    /** Name/value pairs that may hold {@code null} values (unlike {@link Map#of}). */
    private static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static String sdgTargets(List<String> targets) {
        return targets == null || targets.isEmpty() ? null : String.join(",", targets);
    }
}
