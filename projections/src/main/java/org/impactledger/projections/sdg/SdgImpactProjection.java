package org.impactledger.projections.sdg;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.impactledger.core.contract.RateCardEntry;
import org.impactledger.core.contract.event.ContractSigned;
import org.impactledger.core.contract.event.OutcomePaymentApproved;
import org.impactledger.core.contract.event.OutcomePaymentExecuted;
import org.impactledger.core.contract.event.OutcomePaymentReversed;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.contract.event.OutcomeVerified;
import org.impactledger.core.contract.event.OutcomeWithdrawn;
import org.impactledger.core.contract.event.RateCardAmended;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.projections.report.FactStamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the facts behind the SDG impact report ({@value #PROCESSING_GROUP}): who pays for each
 * contract, the SDG targets of each rate card version, and one row per outcome event that moves a
 * figure (verified quantity, approved money, paid money), each with its business date and
 * recording time.
 *
 * <h2>Why facts rather than running totals</h2>
 * The report must answer "as of" a business date and "as known at" a recording time, and a later
 * correction (a reversal, a withdrawal) must not change what an earlier question returns. Signed
 * changes stamped with both dates can be summed up to any point; a running total cannot be
 * unwound. For the same reason the SDG targets are not copied onto the outcome: the report looks
 * them up in the rate card versions known at {@code knownAt}, so a back-dated amendment changes
 * the attribution only from the moment the ledger learnt of it.
 *
 * <h2>Why every write is idempotent</h2>
 * Each row is keyed by the identifier of the event it comes from (plus metric and target for rate
 * card rows) and inserted with {@code INSERT ... SELECT ... WHERE NOT EXISTS}: a redelivered event
 * finds its row and writes nothing, so redelivery and replay after a reset give the same rows. A
 * withdrawal takes back the verified quantity that the outcome's earlier facts add up to; those
 * facts come from the same contract stream, which a tracking processor delivers in order.
 *
 * <p>Money events carry their value date as business date ({@link FactStamp}); the others the
 * business date of the command (metadata), else the recording day.
 */
@Component
@ProcessingGroup(SdgImpactProjection.PROCESSING_GROUP)
public class SdgImpactProjection {

    public static final String PROCESSING_GROUP = "sdg-impact";

    private static final Logger log = LoggerFactory.getLogger(SdgImpactProjection.class);
    private static final BigDecimal NO_QUANTITY = BigDecimal.ZERO;
    private static final BigDecimal NO_MONEY = BigDecimal.ZERO.setScale(2);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public SdgImpactProjection(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @EventHandler
    public void on(ContractSigned event, @SequenceNumber long sequenceNumber, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                            INSERT INTO sdg_contract (contract_id, fund_id, payer_id, currency, event_id, recorded_at)
                            SELECT :contractId, :fundId, :payerId, :currency, :eventId, :recordedAt
                            WHERE NOT EXISTS (SELECT 1 FROM sdg_contract WHERE contract_id = :contractId)""")
                    .param("contractId", event.contractId().value())
                    .param("fundId", event.fundId().value())
                    .param("payerId", event.payerId().value())
                    .param("currency", event.cap().currency())
                    .param("eventId", stamp.eventId())
                    .param("recordedAt", utc(stamp.recordedAt()))
                    .update();
            insertRateCard(event.contractId(), event.startDate(), event.rateCard(), sequenceNumber, stamp);
        });
    }

    @EventHandler
    public void on(RateCardAmended event, @SequenceNumber long sequenceNumber, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        transaction.executeWithoutResult(status ->
                insertRateCard(event.contractId(), event.effectiveFrom(), event.entries(), sequenceNumber, stamp));
    }

    /** Opens the outcome with zero figures: it carries the context every later fact copies. */
    @EventHandler
    public void on(OutcomeReported event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        transaction.executeWithoutResult(status -> {
            Optional<ContractContext> contract = jdbc.sql("SELECT payer_id, currency FROM sdg_contract WHERE contract_id = :contractId")
                    .param("contractId", event.contractId().value())
                    .query((rs, row) -> new ContractContext(rs.getString("payer_id"), rs.getString("currency")))
                    .optional();
            if (contract.isEmpty()) {
                log.warn("Skipped outcome {} of contract {}, which has no row in sdg_contract", event.outcomeId(), event.contractId());
                return;
            }
            OutcomeContext context = new OutcomeContext(Programme.OUTCOME_FUND.name(), event.fundId().value(), event.contractId().value(),
                    event.outcomeId().value(), contract.get().payerId(), event.beneficiaryId().value(), event.metricCode(), event.period(),
                    event.outcomeDate(), contract.get().currency());
            insertFact(stamp, FactType.REPORTED, context, NO_QUANTITY, NO_MONEY, NO_MONEY);
        });
    }

    @EventHandler
    public void on(OutcomeVerified event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        transaction.executeWithoutResult(status -> context(event.contractId(), event.outcomeId()).ifPresent(context ->
                insertFact(stamp, FactType.VERIFIED, context, event.verifiedQuantity(), NO_MONEY, NO_MONEY)));
    }

    /** Takes back whatever quantity the outcome had verified (none if it was only reported or rejected). */
    @EventHandler
    public void on(OutcomeWithdrawn event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        transaction.executeWithoutResult(status -> context(event.contractId(), event.outcomeId()).ifPresent(context -> {
            BigDecimal verified = jdbc.sql("""
                            SELECT COALESCE(SUM(verified_delta), 0) FROM sdg_outcome_fact
                            WHERE contract_id = :contractId AND outcome_id = :outcomeId AND event_id <> :eventId""")
                    .param("contractId", context.contractId())
                    .param("outcomeId", context.outcomeId())
                    .param("eventId", stamp.eventId())
                    .query(BigDecimal.class)
                    .single();
            insertFact(stamp, FactType.WITHDRAWN, context, verified.negate(), NO_MONEY, NO_MONEY);
        }));
    }

    @EventHandler
    public void on(OutcomePaymentApproved event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        transaction.executeWithoutResult(status -> context(event.contractId(), event.outcomeId()).ifPresent(context ->
                insertFact(stamp, FactType.APPROVED, context, NO_QUANTITY, event.amount().amount(), NO_MONEY)));
    }

    @EventHandler
    public void on(OutcomePaymentExecuted event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, event.valueDate());
        transaction.executeWithoutResult(status -> context(event.contractId(), event.outcomeId()).ifPresent(context ->
                insertFact(stamp, FactType.EXECUTED, context, NO_QUANTITY, NO_MONEY, event.amount().amount())));
    }

    /** The approval no longer counts; the transfer neither, if it had been made. */
    @EventHandler
    public void on(OutcomePaymentReversed event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, event.valueDate());
        BigDecimal amount = event.amount().amount();
        transaction.executeWithoutResult(status -> context(event.contractId(), event.outcomeId()).ifPresent(context ->
                insertFact(stamp, FactType.REVERSED, context, NO_QUANTITY, amount.negate(), event.wasExecuted() ? amount.negate() : NO_MONEY)));
    }

    /** Before a replay from the start: empty the tables so the replay rebuilds them from zero. */
    @ResetHandler
    public void reset() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM sdg_outcome_fact").update();
            jdbc.sql("DELETE FROM sdg_rate_card_target").update();
            jdbc.sql("DELETE FROM sdg_contract").update();
        });
    }

    private void insertRateCard(ContractId contractId, LocalDate effectiveFrom, List<RateCardEntry> entries, long sequenceNumber,
                                FactStamp stamp) {
        for (RateCardEntry entry : entries) {
            for (String target : entry.sdgTargets().stream().distinct().toList()) {
                jdbc.sql("""
                                INSERT INTO sdg_rate_card_target (event_id, metric_code, sdg_target, contract_id, effective_from, version_seq,
                                    recorded_at)
                                SELECT :eventId, :metricCode, :target, :contractId, :effectiveFrom, :seq, :recordedAt
                                WHERE NOT EXISTS (SELECT 1 FROM sdg_rate_card_target
                                    WHERE event_id = :eventId AND metric_code = :metricCode AND sdg_target = :target)""")
                        .param("eventId", stamp.eventId())
                        .param("metricCode", entry.metricCode())
                        .param("target", target)
                        .param("contractId", contractId.value())
                        .param("effectiveFrom", effectiveFrom)
                        .param("seq", sequenceNumber)
                        .param("recordedAt", utc(stamp.recordedAt()))
                        .update();
            }
        }
    }

    /** The context the outcome was reported with; empty (and logged) if its report never reached this projection. */
    private Optional<OutcomeContext> context(ContractId contractId, OutcomeId outcomeId) {
        Optional<OutcomeContext> context = jdbc.sql("""
                        SELECT programme, fund_id, contract_id, outcome_id, payer_id, beneficiary_id, metric_code, period, outcome_date,
                            currency
                        FROM sdg_outcome_fact WHERE contract_id = :contractId AND outcome_id = :outcomeId AND event_type = 'REPORTED'""")
                .param("contractId", contractId.value())
                .param("outcomeId", outcomeId.value())
                .query((rs, row) -> new OutcomeContext(rs.getString("programme"), rs.getString("fund_id"), rs.getString("contract_id"),
                        rs.getString("outcome_id"), rs.getString("payer_id"), rs.getString("beneficiary_id"), rs.getString("metric_code"),
                        rs.getString("period"), rs.getObject("outcome_date", LocalDate.class), rs.getString("currency")))
                .optional();
        if (context.isEmpty()) {
            log.warn("Skipped an event for outcome {} of contract {}, which has no REPORTED fact", outcomeId, contractId);
        }
        return context;
    }

    private void insertFact(FactStamp stamp, FactType type, OutcomeContext context, BigDecimal verified, BigDecimal approved,
                            BigDecimal paid) {
        jdbc.sql("""
                        INSERT INTO sdg_outcome_fact (event_id, event_type, programme, fund_id, contract_id, outcome_id, payer_id,
                            beneficiary_id, metric_code, period, outcome_date, currency, verified_delta, approved_delta, paid_delta,
                            business_date, recorded_at)
                        SELECT :eventId, :type, :programme, :fundId, :contractId, :outcomeId, :payerId,
                            :beneficiaryId, :metricCode, :period, :outcomeDate, :currency, :verified, :approved, :paid,
                            :businessDate, :recordedAt
                        WHERE NOT EXISTS (SELECT 1 FROM sdg_outcome_fact WHERE event_id = :eventId)""")
                .param("eventId", stamp.eventId())
                .param("type", type.name())
                .param("programme", context.programme())
                .param("fundId", context.fundId())
                .param("contractId", context.contractId())
                .param("outcomeId", context.outcomeId())
                .param("payerId", context.payerId())
                .param("beneficiaryId", context.beneficiaryId())
                .param("metricCode", context.metricCode())
                .param("period", context.period())
                .param("outcomeDate", context.outcomeDate())
                .param("currency", context.currency())
                .param("verified", verified)
                .param("approved", approved)
                .param("paid", paid)
                .param("businessDate", stamp.businessDate())
                .param("recordedAt", utc(stamp.recordedAt()))
                .update();
    }

    /** The kinds of outcome event that become facts. */
    enum FactType { REPORTED, VERIFIED, WITHDRAWN, APPROVED, EXECUTED, REVERSED }

    private record ContractContext(String payerId, String currency) {
    }

    private record OutcomeContext(String programme, String fundId, String contractId, String outcomeId, String payerId,
                                  String beneficiaryId, String metricCode, String period, LocalDate outcomeDate, String currency) {
    }
}
