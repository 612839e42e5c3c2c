package org.impactledger.projections.state.contract;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
import org.impactledger.projections.state.BatchWrites;
import org.impactledger.projections.state.TableStatistics;
import org.impactledger.projections.state.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * an event is applied only if its number is higher, and applying it moves that index to it.
 * Outcomes belong to the contract aggregate, so the contract's index guards its outcome rows too.
 * The number is part of the stored event, hence the same on every delivery and replay whatever the
 * tracking token; the guard and the change share one transaction (the processor's), so an event is
 * applied entirely or not at all; a token reset empties the tables ({@link #reset()}) before the
 * replay rebuilds them.
 *
 * <h2>One write per row per batch</h2>
 * A tracking processor hands its events over in batches (up to 1,000), each in one unit of work and one
 * transaction. The handlers do not write event by event: they change a {@link ContractStateWrites}
 * kept in the unit of work (each contract's row read once per batch with {@code FOR UPDATE}, then
 * held in memory, the guard decided on it) which writes everything when the unit of work prepares
 * to commit, in JDBC batches: one update per contract and one insert or update per outcome. Event
 * by event, each event took two or three statements and updated the contract's row, up to a thousand
 * times per batch. See {@link ContractStateWrites} for why the rows come out the same. Called
 * outside a unit of work (tests call the handlers directly), each event is written at once.
 *
 * <p>Timestamps ({@code reportedAt}, {@code paidAt} ...) are the events' own timestamps, never the
 * clock, so a rebuild gives the same rows as the first build.
 */
@Component
@ProcessingGroup(ContractStateProjection.PROCESSING_GROUP)
public class ContractStateProjection {

    public static final String PROCESSING_GROUP = "contract-state";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TableStatistics contractStatistics;
    private final TableStatistics outcomeStatistics;
    private final BatchWrites<ContractStateWrites> batch;

    public ContractStateProjection(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.contractStatistics = new TableStatistics(jdbc, "contract_view");
        this.outcomeStatistics = new TableStatistics(jdbc, "outcome_view");
        this.batch = new BatchWrites<>(transaction, batch -> new ContractStateWrites(jdbc, contractStatistics, outcomeStatistics));
    }

    @EventHandler
    public void on(ContractSigned event, @SequenceNumber long sequenceNumber) {
        apply(writes -> {
            String contractId = event.contractId().value();
            if (writes.contract(contractId).exists) {
                return;
            }
            writes.insertContract(contractId, event.cap().currency(), new Object[] {contractId, event.fundId().value(),
                    event.providerId().value(), event.budgetId().value(), event.payerId().value(), event.title(),
                    event.cap().currency(), event.startDate(), event.endDate(), event.cap().amount()},
                    ContractStatus.OPEN.name(), RateCards.toJson(RateCards.signed(event)), sequenceNumber);
        });
    }

    @EventHandler
    public void on(RateCardAmended event, @SequenceNumber long sequenceNumber) {
        apply(writes -> {
            ContractStateWrites.Contract contract = writes.contract(event.contractId().value());
            if (!writes.advance(contract, sequenceNumber)) {
                return;
            }
            List<RateCardLine> amended = RateCards.amended(RateCards.fromJson(contract.rateCard), event);
            contract.rateCard = RateCards.toJson(amended);
        });
    }

    @EventHandler
    public void on(ContractClosed event, @SequenceNumber long sequenceNumber) {
        apply(writes -> {
            ContractStateWrites.Contract contract = writes.contract(event.contractId().value());
            if (writes.advance(contract, sequenceNumber)) {
                contract.status = ContractStatus.CLOSED.name();
                contract.closedOn = event.closedOn();
                contract.closeReason = event.reason();
            }
        });
    }

    @EventHandler
    public void on(OutcomeReported event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        apply(writes -> {
            ContractStateWrites.Contract contract = writes.contract(event.contractId().value());
            if (!contract.exists || sequenceNumber <= contract.lastEventIndex) {
                writes.advance(contract, sequenceNumber);
                return;
            }
            // the insert is checked (and may refuse) before the contract's index and count move
            writes.insertOutcome(event.contractId().value(), event.outcomeId().value(), params(
                    "fund_id", event.fundId().value(),
                    "beneficiary_id", event.beneficiaryId().value(),
                    "metric_code", event.metricCode(),
                    "period", event.period(),
                    "outcome_date", event.outcomeDate(),
                    "quantity", event.quantity(),
                    "currency", contract.currency,
                    "status", OutcomeStatus.REPORTED.name(),
                    "evidence_reference", event.evidenceReference(),
                    "evidence_sha256", event.evidenceSha256(),
                    "reported_by", event.reportedBy(),
                    "reported_at", utc(timestamp)));
            writes.advance(contract, sequenceNumber);
            contract.outcomeCountDelta++;
        });
    }

    @EventHandler
    public void on(OutcomeVerified event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        apply(writes -> {
            if (writes.advance(writes.contract(event.contractId().value()), sequenceNumber)) {
                writes.updateOutcome(event.contractId().value(), event.outcomeId().value(), params(
                        "status", OutcomeStatus.VERIFIED.name(),
                        "verified_quantity", event.verifiedQuantity(),
                        "verified_by", event.verifiedBy(),
                        "verified_at", utc(timestamp),
                        "verification_note", event.note()));
            }
        });
    }

    @EventHandler
    public void on(OutcomeRejected event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        apply(writes -> {
            if (writes.advance(writes.contract(event.contractId().value()), sequenceNumber)) {
                writes.updateOutcome(event.contractId().value(), event.outcomeId().value(), params(
                        "status", OutcomeStatus.REJECTED.name(),
                        "rejection_reason", event.reason(),
                        "rejected_by", event.rejectedBy(),
                        "rejected_at", utc(timestamp)));
            }
        });
    }

    @EventHandler
    public void on(OutcomePaymentApproved event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        apply(writes -> {
            ContractStateWrites.Contract contract = writes.contract(event.contractId().value());
            if (writes.advance(contract, sequenceNumber)) {
                contract.addApproved(event.amount().amount());
                writes.updateOutcome(event.contractId().value(), event.outcomeId().value(), params(
                        "status", OutcomeStatus.APPROVED.name(),
                        "verified_quantity", event.verifiedQuantity(),
                        "unit_price", event.unitPrice().amount(),
                        "amount", event.amount().amount(),
                        "currency", event.amount().currency(),
                        "sdg_targets", sdgTargets(event.sdgTargets()),
                        "approved_by", event.approvedBy(),
                        "approved_at", utc(timestamp)));
            }
        });
    }

    @EventHandler
    public void on(OutcomePaymentExecuted event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        apply(writes -> {
            ContractStateWrites.Contract contract = writes.contract(event.contractId().value());
            if (writes.advance(contract, sequenceNumber)) {
                contract.addPaid(event.amount().amount());
                writes.updateOutcome(event.contractId().value(), event.outcomeId().value(), params(
                        "status", OutcomeStatus.PAID.name(),
                        "bank_reference", event.bankReference(),
                        "value_date", event.valueDate(),
                        "paid_at", utc(timestamp),
                        "executed_by", event.executedBy()));
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
        apply(writes -> {
            ContractStateWrites.Contract contract = writes.contract(event.contractId().value());
            if (writes.advance(contract, sequenceNumber)) {
                contract.addApproved(event.amount().amount().negate());
                contract.addPaid(paid.negate());
                writes.updateOutcome(event.contractId().value(), event.outcomeId().value(), params(
                        "status", OutcomeStatus.VERIFIED.name(),
                        "unit_price", null,
                        "amount", null,
                        "approved_by", null,
                        "approved_at", null,
                        "executed_by", null,
                        "bank_reference", null,
                        "paid_at", null,
                        "value_date", null,
                        "reversal_reason", event.reason(),
                        "reversed_by", event.reversedBy(),
                        "reversed_at", utc(timestamp)));
            }
        });
    }

    @EventHandler
    public void on(OutcomeWithdrawn event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        apply(writes -> {
            if (writes.advance(writes.contract(event.contractId().value()), sequenceNumber)) {
                writes.updateOutcome(event.contractId().value(), event.outcomeId().value(), params(
                        "status", OutcomeStatus.WITHDRAWN.name(),
                        "withdrawal_reason", event.reason(),
                        "withdrawn_by", event.withdrawnBy(),
                        "withdrawn_at", utc(timestamp)));
            }
        });
    }

    /** Before a replay from the start: empty the tables so the replay rebuilds them from zero. */
    @ResetHandler
    public void reset() {
        transaction.executeWithoutResult(status -> ReadModelTables.empty(jdbc, "outcome_view", "contract_view"));
        contractStatistics.emptied();
        outcomeStatistics.emptied();
    }

    /** Applies one event's changes: held for the processor's batch and written at its end ({@link BatchWrites}). */
    private void apply(Consumer<ContractStateWrites> change) {
        batch.apply(change);
    }

    /** Column/value pairs that may hold {@code null} values (unlike {@link Map#of}). */
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
