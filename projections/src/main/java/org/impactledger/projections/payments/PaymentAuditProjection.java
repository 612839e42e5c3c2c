package org.impactledger.projections.payments;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.impactledger.core.contract.event.OutcomePaymentApproved;
import org.impactledger.core.contract.event.OutcomePaymentExecuted;
import org.impactledger.core.contract.event.OutcomePaymentReversed;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.contract.event.OutcomeVerified;
import org.impactledger.core.contract.event.OutcomeWithdrawn;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.infra.messaging.LedgerMetaData;
import org.impactledger.projections.report.FactStamp;
import org.impactledger.projections.state.BatchWrites;
import org.impactledger.projections.state.TableStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records every step of an outcome's way to payment ({@value #PROCESSING_GROUP}): report with
 * its evidence hash, verification, approval, transfer, and the corrections (reversal, withdrawal),
 * each with the principal the event names, the principal and role of its metadata, its times, the
 * event identifier and the event's global position.
 *
 * <p>Why the identifier and the position: the audit trail hash-chains every event in global order;
 * with them an auditor can look up the proof for each step of a payment, and see that the chain
 * shown here is the chain the ledger holds.
 *
 * <p>Why idempotent: each row is keyed by its event's identifier and inserted only if absent (the
 * batch's identifiers are looked up together), so redelivery writes nothing and a replay after a
 * reset gives the same rows (the global position is part of the stored event, so it is the same on
 * replay). Rejections are not recorded: a rejected outcome can never be paid.
 *
 * <p>Steps written per batch: as in {@code ContractStateProjection}, the handlers put their step in
 * a {@link PaymentAuditWrites} kept in the processor's unit of work, which writes the batch's steps
 * in one JDBC batch when the unit of work prepares to commit, and reads an outcome's fund (its
 * REPORTED step) once per batch (see there why the rows are the same). An approval's listed payment,
 * its list positions and counts ({@link #listPayment}) are still written at once: they read the
 * payments and lists only, never the steps. Called outside a unit of work (tests call the handlers
 * directly), each step is written at once.
 */
@Component
@ProcessingGroup(PaymentAuditProjection.PROCESSING_GROUP)
public class PaymentAuditProjection {

    public static final String PROCESSING_GROUP = "payment-audit";

    private static final Logger log = LoggerFactory.getLogger(PaymentAuditProjection.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final PaymentListPositions positions;
    private final BatchWrites<PaymentAuditWrites> batch;
    /**
     * Planner statistics of the listed payments while they fill: numbering a list's unordered payments
     * counts and reads them in the list's order from one payment on, which on a never-analyzed table was
     * a sequential scan of every payment (32 ms per numbering at 40,000 payments, half the database's
     * time in a rebuild of this read model; bench/RESULTS.md, "fifth session").
     */
    private final TableStatistics paymentStatistics;

    @Autowired
    public PaymentAuditProjection(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager) {
        this(jdbc, template, transactionManager, PaymentListPositions.UNORDERED_LIMIT);
    }

    /** @param unorderedLimit payments left unnumbered in a list before they are numbered at once (see {@link PaymentListPositions}) */
    public PaymentAuditProjection(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager, int unorderedLimit) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = new TransactionTemplate(transactionManager);
        this.batch = new BatchWrites<>(transaction, ids -> new PaymentAuditWrites(template, ids));
        this.positions = new PaymentListPositions(jdbc, unorderedLimit);
        this.paymentStatistics = new TableStatistics(template, "payment_audit_payment");
    }

    @EventHandler
    public void on(OutcomeReported event, @SequenceNumber long sequenceNumber, EventMessage<?> message, TrackingToken token) {
        Step step = new Step(AuditStepType.REPORTED, event.fundId().value(), event.contractId(), event.outcomeId(), event.reportedBy())
                .set("beneficiary_id", event.beneficiaryId().value())
                .set("metric_code", event.metricCode())
                .set("period", event.period())
                .set("outcome_date", event.outcomeDate())
                .set("quantity", event.quantity())
                .set("evidence_reference", event.evidenceReference())
                .set("evidence_sha256", event.evidenceSha256());
        apply(writes -> insert(writes, step, sequenceNumber, FactStamp.of(message, null), message, token));
    }

    @EventHandler
    public void on(OutcomeVerified event, @SequenceNumber long sequenceNumber, EventMessage<?> message, TrackingToken token) {
        apply(writes -> fundOf(writes, event.contractId(), event.outcomeId()).ifPresent(fundId -> insert(writes,
                new Step(AuditStepType.VERIFIED, fundId, event.contractId(), event.outcomeId(), event.verifiedBy())
                        .set("quantity", event.verifiedQuantity())
                        .set("note", event.note()),
                sequenceNumber, FactStamp.of(message, null), message, token)));
    }

    @EventHandler
    public void on(OutcomePaymentApproved event, @SequenceNumber long sequenceNumber, EventMessage<?> message, TrackingToken token) {
        Step step = new Step(AuditStepType.APPROVED, event.fundId().value(), event.contractId(), event.outcomeId(), event.approvedBy())
                .set("payer_id", event.payerId().value())
                .set("quantity", event.verifiedQuantity())
                .set("unit_price", event.unitPrice().amount())
                .set("amount", event.amount().amount())
                .set("currency", event.amount().currency());
        FactStamp stamp = FactStamp.of(message, null);
        apply(writes -> {
            if (insert(writes, step, sequenceNumber, stamp, message, token)) {
                listPayment(step, event.payerId().value(), stamp);
            }
        });
    }

    /**
     * The approval's outcome in {@code payment_audit_payment}, first approved at the earliest of its
     * approvals' recording times; only the insert that created the approval's step gets here, so a
     * redelivery changes nothing. One processor thread handles a contract's events (Axon sequences
     * them by aggregate), so update-else-insert does not race.
     */
    private void listPayment(Step step, String payerId, FactStamp stamp) {
        Object recordedAt = utc(stamp.recordedAt());
        String contractId = step.contractId.value();
        String outcomeId = step.outcomeId.value();
        List<Map<String, Object>> listed = jdbc.sql("""
                        SELECT payer_id, first_approved_at FROM payment_audit_payment WHERE contract_id = :contractId AND outcome_id = :outcomeId""")
                .param("contractId", contractId)
                .param("outcomeId", outcomeId)
                .query()
                .listOfRows();
        if (listed.isEmpty()) {
            positions.place(new PaymentListPositions.Key((LocalDateTime) recordedAt, contractId, outcomeId), lists(step.fundId, payerId), true,
                    exact -> jdbc.sql("""
                                    INSERT INTO payment_audit_payment (contract_id, outcome_id, fund_id, payer_id, first_approved_at, list_position,
                                        fund_position, payer_position)
                                    VALUES (:contractId, :outcomeId, :fundId, :payerId, :recordedAt, CAST(:list AS BIGINT), CAST(:fund AS BIGINT),
                                        CAST(:payer AS BIGINT))""")
                            .param("contractId", contractId)
                            .param("outcomeId", outcomeId)
                            .param("fundId", step.fundId)
                            .param("payerId", payerId)
                            .param("recordedAt", recordedAt)
                            .param("list", exact.get("list_position"))
                            .param("fund", exact.get("fund_position"))
                            .param("payer", exact.get("payer_position"))
                            .update());
            paymentStatistics.inserted(1);
            count(contractId, step.fundId, payerId, 1, recordedAt);
            return;
        }
        jdbc.sql("""
                        UPDATE payment_audit_payment
                        SET first_approved_at = CASE WHEN first_approved_at > :recordedAt THEN :recordedAt ELSE first_approved_at END,
                            payer_id = COALESCE(payer_id, :payerId)
                        WHERE contract_id = :contractId AND outcome_id = :outcomeId""")
                .param("contractId", contractId)
                .param("outcomeId", outcomeId)
                .param("recordedAt", recordedAt)
                .param("payerId", payerId)
                .update();
        Object firstApprovedAt = listed.get(0).get("first_approved_at");
        LocalDateTime listedAt = firstApprovedAt instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) firstApprovedAt;
        LocalDateTime approvedAt = (LocalDateTime) recordedAt;
        LocalDateTime first = approvedAt.isBefore(listedAt) ? approvedAt : listedAt;
        String listedPayer = (String) listed.get(0).get("payer_id");
        PaymentListPositions.Key key = new PaymentListPositions.Key(first, contractId, outcomeId);
        if (approvedAt.isBefore(listedAt)) {
            // approved earlier than its first approval so far (a clock set back): earlier in every list it is in
            positions.place(key, lists(step.fundId, listedPayer), false, exact -> writePositions(key, exact));
        }
        if (listedPayer == null && payerId != null) {
            // a payment listed without a payer (from before V190) now has one: it moves to that payer's count and list
            count(contractId, step.fundId, null, -1, firstApprovedAt);
            count(contractId, step.fundId, payerId, 1, firstApprovedAt);
            positions.place(key, List.of(PaymentList.payer(payerId)), true, exact -> writePositions(key, exact));
        }
    }

    /** Writes a listed payment's exact positions (position column to position). */
    private void writePositions(PaymentListPositions.Key key, Map<String, Long> exact) {
        if (exact.isEmpty()) {
            return;
        }
        StringBuilder set = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        exact.forEach((column, position) -> {
            set.append(set.isEmpty() ? "" : ", ").append(column).append(" = :").append(column);
            params.put(column, position);
        });
        params.put("contractId", key.contractId());
        params.put("outcomeId", key.outcomeId());
        jdbc.sql("UPDATE payment_audit_payment SET " + set + " WHERE contract_id = :contractId AND outcome_id = :outcomeId").params(params).update();
    }

    /** The lists a payment of the fund and payer is in, the list of every payment first (the order their rows are locked in). */
    private static List<PaymentList> lists(String fundId, String payerId) {
        return payerId == null ? List.of(PaymentList.ALL, PaymentList.fund(fundId))
                : List.of(PaymentList.ALL, PaymentList.fund(fundId), PaymentList.payer(payerId));
    }

    /** Adds {@code delta} payments to the contract's count for the payer ({@code ''} for none). */
    private void count(String contractId, String fundId, String payerId, int delta, Object firstApprovedAt) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("contractId", contractId);
        params.put("fundId", fundId);
        params.put("payerId", payerId == null ? "" : payerId);
        params.put("delta", delta);
        params.put("at", firstApprovedAt);
        int updated = jdbc.sql("""
                        UPDATE payment_audit_count SET payments = payments + :delta,
                            last_first_approved_at = CASE WHEN last_first_approved_at < :at THEN :at ELSE last_first_approved_at END
                        WHERE contract_id = :contractId AND fund_id = :fundId AND payer_id = :payerId""")
                .params(params)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO payment_audit_count (contract_id, fund_id, payer_id, payments, last_first_approved_at)
                            VALUES (:contractId, :fundId, :payerId, :delta, :at)""")
                    .params(params)
                    .update();
        }
    }

    @EventHandler
    public void on(OutcomePaymentExecuted event, @SequenceNumber long sequenceNumber, EventMessage<?> message, TrackingToken token) {
        Step step = new Step(AuditStepType.EXECUTED, event.fundId().value(), event.contractId(), event.outcomeId(), event.executedBy())
                .set("amount", event.amount().amount())
                .set("currency", event.amount().currency())
                .set("bank_reference", event.bankReference())
                .set("value_date", event.valueDate());
        apply(writes -> insert(writes, step, sequenceNumber, FactStamp.of(message, event.valueDate()), message, token));
    }

    @EventHandler
    public void on(OutcomePaymentReversed event, @SequenceNumber long sequenceNumber, EventMessage<?> message, TrackingToken token) {
        Step step = new Step(AuditStepType.REVERSED, event.fundId().value(), event.contractId(), event.outcomeId(), event.reversedBy())
                .set("amount", event.amount().amount())
                .set("currency", event.amount().currency())
                .set("was_executed", event.wasExecuted())
                .set("reason", event.reason())
                .set("value_date", event.valueDate());
        apply(writes -> insert(writes, step, sequenceNumber, FactStamp.of(message, event.valueDate()), message, token));
    }

    @EventHandler
    public void on(OutcomeWithdrawn event, @SequenceNumber long sequenceNumber, EventMessage<?> message, TrackingToken token) {
        apply(writes -> fundOf(writes, event.contractId(), event.outcomeId()).ifPresent(fundId -> insert(writes,
                new Step(AuditStepType.WITHDRAWN, fundId, event.contractId(), event.outcomeId(), event.withdrawnBy())
                        .set("reason", event.reason()),
                sequenceNumber, FactStamp.of(message, null), message, token)));
    }

    /** Before a replay from the start: empty the table so the replay rebuilds it from zero. */
    @ResetHandler
    public void reset() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM payment_audit_step").update();
            jdbc.sql("DELETE FROM payment_audit_payment").update();
            jdbc.sql("DELETE FROM payment_audit_count").update();
            jdbc.sql("DELETE FROM payment_audit_list").update();
        });
    }

    private static Optional<String> fundOf(PaymentAuditWrites writes, ContractId contractId, OutcomeId outcomeId) {
        Optional<String> fundId = writes.fundOf(contractId.value(), outcomeId.value());
        if (fundId.isEmpty()) {
            log.warn("Skipped a step of outcome {} of contract {}, whose report has no row in payment_audit_step", outcomeId, contractId);
        }
        return fundId;
    }

    /** @return whether the step's row is new (false: it was there already, a redelivery) */
    private static boolean insert(PaymentAuditWrites writes, Step step, long sequenceNumber, FactStamp stamp, EventMessage<?> message,
                                  TrackingToken token) {
        Map<String, Object> columns = new LinkedHashMap<>(step.details);
        columns.put("event_id", stamp.eventId());
        columns.put("global_position", token == null || token.position().isEmpty() ? null : token.position().getAsLong());
        columns.put("sequence_number", sequenceNumber);
        columns.put("step", step.type.name());
        columns.put("fund_id", step.fundId);
        columns.put("contract_id", step.contractId.value());
        columns.put("outcome_id", step.outcomeId.value());
        columns.put("actor", step.actor);
        columns.put("principal", stamp.principal());
        columns.put("role", metaData(message, LedgerMetaData.ROLE));
        columns.put("business_date", stamp.businessDate());
        columns.put("recorded_at", utc(stamp.recordedAt()));
        return writes.step(columns);
    }

    /** Applies one event's changes: held for the processor's batch and written at its end ({@link BatchWrites}). */
    private void apply(Consumer<PaymentAuditWrites> change) {
        batch.apply(change);
    }

    private static String metaData(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    /** One step's row: the columns every step has, and the details that apply to it (the rest stay null). */
    private static final class Step {
        private static final String[] DETAILS = {"beneficiary_id", "metric_code", "period", "outcome_date", "quantity", "evidence_reference",
                "evidence_sha256", "note", "unit_price", "amount", "currency", "bank_reference", "value_date", "was_executed", "reason", "payer_id"};

        private final AuditStepType type;
        private final String fundId;
        private final ContractId contractId;
        private final OutcomeId outcomeId;
        private final String actor;
        private final Map<String, Object> details = new LinkedHashMap<>();

        Step(AuditStepType type, String fundId, ContractId contractId, OutcomeId outcomeId, String actor) {
            this.type = type;
            this.fundId = fundId;
            this.contractId = contractId;
            this.outcomeId = outcomeId;
            this.actor = actor;
            for (String column : DETAILS) {
                details.put(column, null);
            }
        }

        Step set(String column, Object value) {
            if (!details.containsKey(column)) {
                throw new IllegalArgumentException("no detail column " + column);
            }
            details.put(column, value);
            return this;
        }
    }
}
