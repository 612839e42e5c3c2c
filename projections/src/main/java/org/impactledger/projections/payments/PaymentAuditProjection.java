package org.impactledger.projections.payments;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
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
import org.impactledger.projections.state.ReadModelTables;
import org.impactledger.projections.state.TableStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * REPORTED step) once per batch (see there why the rows are the same). The payments the batch's new
 * approvals list, their counts and their positions in the lists are written after the steps, once per
 * batch ({@link PaymentListPositions}). Called outside a unit of work (tests call the handlers
 * directly), each event is written at once.
 */
@Component
@ProcessingGroup(PaymentAuditProjection.PROCESSING_GROUP)
public class PaymentAuditProjection {

    public static final String PROCESSING_GROUP = "payment-audit";

    private static final Logger log = LoggerFactory.getLogger(PaymentAuditProjection.class);

    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final BatchWrites<PaymentAuditWrites> batch;
    private final PaymentListPositions positions;
    /** Planner statistics of payment_audit_step while it fills: the batch's redelivery check looks it up by key. */
    private final TableStatistics stepStatistics;

    @Autowired
    public PaymentAuditProjection(JdbcTemplate template, PlatformTransactionManager transactionManager) {
        this(template, transactionManager, PaymentListPositions.SEPARATE_LISTS);
    }

    /** @param separateLists see {@link PaymentListPositions#SEPARATE_LISTS} (tests take both ways of renumbering) */
    PaymentAuditProjection(JdbcTemplate template, PlatformTransactionManager transactionManager, int separateLists) {
        this.template = template;
        this.transaction = new TransactionTemplate(transactionManager);
        this.positions = new PaymentListPositions(template, separateLists);
        this.stepStatistics = new TableStatistics(template, "payment_audit_step");
        this.batch = new BatchWrites<>(transaction, batch -> new PaymentAuditWrites(template, positions, stepStatistics, batch::eventIds));
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
                writes.approved(new PaymentListPositions.Approval(event.contractId().value(), event.outcomeId().value(), event.fundId().value(),
                        event.payerId().value(), (LocalDateTime) utc(stamp.recordedAt()), stamp.businessDate()));
            }
        });
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
        transaction.executeWithoutResult(status -> ReadModelTables.empty(template, "payment_audit_step", "payment_audit_payment",
                "payment_audit_count", "payment_audit_list", "payment_audit_day"));
        positions.emptied();
        stepStatistics.emptied();
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
