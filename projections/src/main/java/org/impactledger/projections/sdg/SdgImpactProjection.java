package org.impactledger.projections.sdg;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
import org.impactledger.core.exchange.event.IssuerOutcomeReported;
import org.impactledger.core.exchange.event.IssuerOutcomeVerified;
import org.impactledger.core.housing.HousingOutcomes;
import org.impactledger.core.housing.event.LeaseEnded;
import org.impactledger.core.housing.event.LeaseSigned;
import org.impactledger.core.housing.event.RentChargeCancelled;
import org.impactledger.core.housing.event.RentCharged;
import org.impactledger.core.taxonomy.SdgTarget;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.projections.report.FactStamp;
import org.impactledger.projections.state.BatchWrites;
import org.impactledger.projections.state.ReadModelTables;
import org.impactledger.projections.state.TableStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * card rows) and inserted only if its event has none yet (the contract and rate card rows with
 * {@code INSERT ... SELECT ... WHERE NOT EXISTS}; the facts after looking up, once per batch,
 * which of the batch's events have one): a redelivered event finds its row and writes nothing, so
 * redelivery and replay after a reset give the same rows. A withdrawal takes back the verified
 * quantity that the outcome's earlier facts add up to; those facts come from the same contract
 * stream, which a tracking processor delivers in order.
 *
 * <h2>One write per row per batch</h2>
 * A tracking processor hands its events over in batches, each in one unit of work and one
 * transaction. As in {@code ContractStateProjection}, the handlers do not write event by event:
 * they change a {@link SdgImpactWrites} kept in the unit of work, which reads each row it needs
 * once, holds the batch's changes and writes them when the unit of work prepares to commit: the
 * facts in one JDBC batch, each outcome's totals once, each report cell once. Event by event, an
 * outcome event took six to twelve statements (the fact, the outcome's context and totals read and
 * written, a beneficiary's other outcomes, about ten cells). See {@link SdgImpactWrites} for why the
 * rows come out the same. Called outside a unit of work (tests call the handlers directly), each
 * event is written at once.
 *
 * <h2>Totals kept as it goes</h2>
 * Beside the facts, each new fact is added to the report's totals ({@link SdgImpactTotals}) in the
 * same transaction, and a new rate card version moves the outcomes it re-prices to their new
 * targets: the report over every outcome or one fund, as known now, reads those instead of every
 * fact. Each fund also keeps its count of verified Outcome Fund outcomes ({@link FundVerifiedOutcomes}), which the fund
 * performance report reads. The reset handler empties them with the facts.
 *
 * <p>Money events carry their value date as business date ({@link FactStamp}); the others the
 * business date of the command (metadata), else the recording day.
 *
 * <h2>Homes4All and the exchange</h2>
 * Their outcomes have no rate card and no outcome payment: each fact carries its SDG targets
 * ({@code sdg_targets}) and no currency, so money approved and paid stay zero and list no line.
 * Homes4All (programme {@code HOMES4ALL}; the property is the "contract", its fund the fund, the
 * household the beneficiary, no payer):
 * <ul>
 *   <li>{@link LeaseSigned}: one household housed (outcome {@code <lease>/housed}, dated the start);</li>
 *   <li>{@link LeaseEnded} with {@code MOVED_TO_AUTONOMOUS_HOUSING}: one exit to autonomy
 *       ({@code <lease>/exit}, dated the end);</li>
 *   <li>{@link RentCharged}: one month of stable housing ({@code <lease>/<yyyy-mm>}, dated the first
 *       day of that month, or the lease's start if later); {@link RentChargeCancelled} takes that
 *       month back from the cancellation's business date.</li>
 * </ul>
 * The rent discount against market rent is money that no one pays; it stays in the housing report
 * rather than being mixed into the report's outcome-payment columns. Exchange (programme
 * {@code EXCHANGE}; the issuer is the "contract", no fund, payer or beneficiary): an
 * {@link IssuerOutcomeReported} opens the outcome with its metric, target and period (dated the last
 * day of the period), an {@link IssuerOutcomeVerified} adds the verified quantity; a rejected
 * outcome adds nothing and so never counts.
 */
@Component
@ProcessingGroup(SdgImpactProjection.PROCESSING_GROUP)
public class SdgImpactProjection {

    public static final String PROCESSING_GROUP = "sdg-impact";

    private static final Logger log = LoggerFactory.getLogger(SdgImpactProjection.class);
    private static final BigDecimal NO_QUANTITY = BigDecimal.ZERO;
    private static final BigDecimal NO_MONEY = BigDecimal.ZERO.setScale(2);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final BatchWrites<SdgImpactWrites> batch;
    private final SdgImpactWrites.Statistics statistics;

    public SdgImpactProjection(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = new TransactionTemplate(transactionManager);
        this.statistics = new SdgImpactWrites.Statistics(new TableStatistics(template, "sdg_outcome_fact"),
                new TableStatistics(template, "sdg_impact_outcome"));
        this.batch = new BatchWrites<>(transaction, batch -> new SdgImpactWrites(jdbc, template, statistics, batch));
    }

    @EventHandler
    public void on(ContractSigned event, @SequenceNumber long sequenceNumber, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        apply(writes -> {
            writes.flush();
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
            writes.forgetContract(event.contractId().value());
            if (insertRateCard(event.contractId(), event.startDate(), event.rateCard(), sequenceNumber, stamp)) {
                writes.totals().rateCardChanged(event.contractId().value());
            }
        });
    }

    @EventHandler
    public void on(RateCardAmended event, @SequenceNumber long sequenceNumber, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        apply(writes -> {
            writes.flush();
            if (insertRateCard(event.contractId(), event.effectiveFrom(), event.entries(), sequenceNumber, stamp)) {
                writes.totals().rateCardChanged(event.contractId().value());
            }
        });
    }

    /** Opens the outcome with zero figures: it carries the context every later fact copies. */
    @EventHandler
    public void on(OutcomeReported event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        apply(writes -> {
            Optional<SdgImpactWrites.ContractContext> contract = writes.contract(event.contractId().value());
            if (contract.isEmpty()) {
                log.warn("Skipped outcome {} of contract {}, which has no row in sdg_contract", event.outcomeId(), event.contractId());
                return;
            }
            OutcomeContext context = new OutcomeContext(Programme.OUTCOME_FUND.name(), event.fundId().value(), event.contractId().value(),
                    event.outcomeId().value(), contract.get().payerId(), event.beneficiaryId().value(), event.metricCode(), event.period(),
                    event.outcomeDate(), contract.get().currency(), null);
            writes.fact(stamp, FactType.REPORTED, context, NO_QUANTITY, NO_MONEY, NO_MONEY);
        });
    }

    @EventHandler
    public void on(OutcomeVerified event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        apply(writes -> context(writes, event.contractId(), event.outcomeId()).ifPresent(context ->
                writes.fact(stamp, FactType.VERIFIED, context, event.verifiedQuantity(), NO_MONEY, NO_MONEY)));
    }

    /** Takes back whatever quantity the outcome had verified (none if it was only reported or rejected). */
    @EventHandler
    public void on(OutcomeWithdrawn event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        apply(writes -> context(writes, event.contractId(), event.outcomeId()).ifPresent(context -> {
            BigDecimal verified = writes.netVerified(context.contractId(), context.outcomeId());
            writes.fact(stamp, FactType.WITHDRAWN, context, verified.negate(), NO_MONEY, NO_MONEY);
        }));
    }

    @EventHandler
    public void on(OutcomePaymentApproved event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        apply(writes -> context(writes, event.contractId(), event.outcomeId()).ifPresent(context ->
                writes.fact(stamp, FactType.APPROVED, context, NO_QUANTITY, event.amount().amount(), NO_MONEY)));
    }

    @EventHandler
    public void on(OutcomePaymentExecuted event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, event.valueDate());
        apply(writes -> context(writes, event.contractId(), event.outcomeId()).ifPresent(context ->
                writes.fact(stamp, FactType.EXECUTED, context, NO_QUANTITY, NO_MONEY, event.amount().amount())));
    }

    /** The approval no longer counts; the transfer neither, if it had been made. */
    @EventHandler
    public void on(OutcomePaymentReversed event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, event.valueDate());
        BigDecimal amount = event.amount().amount();
        apply(writes -> context(writes, event.contractId(), event.outcomeId()).ifPresent(context ->
                writes.fact(stamp, FactType.REVERSED, context, NO_QUANTITY, amount.negate(), event.wasExecuted() ? amount.negate() : NO_MONEY)));
    }


    /** One household housed: the lease's context (property, fund, household) that later housing facts copy. */
    @EventHandler
    public void on(LeaseSigned event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, event.startDate());
        OutcomeContext context = new OutcomeContext(Programme.HOMES4ALL.name(), event.fundId().value(), event.propertyId().value(),
                housedId(event.leaseId().value()), null, event.householdId().value(), HousingOutcomes.Metric.HOUSEHOLDS_HOUSED.code(),
                YearMonth.from(event.startDate()).toString(), event.startDate(), null,
                targets(HousingOutcomes.Metric.HOUSEHOLDS_HOUSED));
        apply(writes -> writes.fact(stamp, FactType.HOUSED, context, BigDecimal.ONE, NO_MONEY, NO_MONEY));
    }

    /** An exit to autonomy, if that is why the tenancy ended; other reasons are no outcome. */
    @EventHandler
    public void on(LeaseEnded event, EventMessage<?> message) {
        if (!HousingOutcomes.isExitToAutonomy(event.reason())) {
            return;
        }
        FactStamp stamp = FactStamp.of(message, event.endDate());
        apply(writes -> lease(writes, event.propertyId().value(), event.leaseId().value()).ifPresent(lease ->
                writes.fact(stamp, FactType.EXIT, lease.as(exitId(event.leaseId().value()), HousingOutcomes.Metric.EXITS_TO_AUTONOMY,
                        event.endDate()), BigDecimal.ONE, NO_MONEY, NO_MONEY)));
    }

    /**
     * A month of rent charged on the lease is a month of stable housing, dated the first day of that
     * month or, for the first month of a lease signed mid-month, the lease's start.
     */
    @EventHandler
    public void on(RentCharged event, EventMessage<?> message) {
        apply(writes -> lease(writes, event.propertyId().value(), event.leaseId().value()).ifPresent(lease -> {
            LocalDate date = monthDate(event.period(), lease);
            writes.fact(FactStamp.of(message, date), FactType.MONTH_CHARGED, lease.as(monthId(event.leaseId().value(), event.period()),
                    HousingOutcomes.Metric.MONTHS_OF_STABLE_HOUSING, date), BigDecimal.ONE, NO_MONEY, NO_MONEY);
        }));
    }

    /**
     * A cancelled charge corrects a mistake: the month takes back what its facts add up to (one), from
     * the business date of the cancellation, so an earlier "as of" still shows what was known then.
     */
    @EventHandler
    public void on(RentChargeCancelled event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        String outcomeId = monthId(event.leaseId().value(), event.period());
        apply(writes -> lease(writes, event.propertyId().value(), event.leaseId().value()).ifPresent(lease -> {
            BigDecimal months = writes.netVerified(event.propertyId().value(), outcomeId);
            writes.fact(stamp, FactType.MONTH_CANCELLED, lease.as(outcomeId, HousingOutcomes.Metric.MONTHS_OF_STABLE_HOUSING,
                    monthDate(event.period(), lease)), months.negate(), NO_MONEY, NO_MONEY);
        }));
    }

    /** Opens an issuer's outcome with zero figures, dated the last day of its period; only a verification makes it count. */
    @EventHandler
    public void on(IssuerOutcomeReported event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        OutcomeContext context = new OutcomeContext(Programme.EXCHANGE.name(), null, event.issuerId().value(), event.outcomeId().value(),
                null, null, event.metricCode(), event.period(), lastDayOf(event.period()), null,
                SdgTarget.parse(event.sdgTarget(), "sdgTarget").code());
        apply(writes -> writes.fact(stamp, FactType.REPORTED, context, NO_QUANTITY, NO_MONEY, NO_MONEY));
    }

    @EventHandler
    public void on(IssuerOutcomeVerified event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        apply(writes -> context(writes, event.issuerId().value(), event.outcomeId().value()).ifPresent(context ->
                writes.fact(stamp, FactType.VERIFIED, context, event.verifiedQuantity(), NO_MONEY, NO_MONEY)));
    }

    /** Before a replay from the start: empty the tables so the replay rebuilds them from zero. */
    @ResetHandler
    public void reset() {
        transaction.executeWithoutResult(status -> ReadModelTables.empty(template, "sdg_impact_line_period", "sdg_impact_outcome", "sdg_fund_verified",
                "sdg_outcome_fact", "sdg_rate_card_target", "sdg_contract"));
        statistics.facts().emptied();
        statistics.outcomes().emptied();
    }

    /** Records the rate card version's targets; true if a row was new (false on redelivery). */
    private boolean insertRateCard(ContractId contractId, LocalDate effectiveFrom, List<RateCardEntry> entries, long sequenceNumber,
                                   FactStamp stamp) {
        int inserted = 0;
        for (RateCardEntry entry : entries) {
            for (String target : entry.sdgTargets().stream().distinct().toList()) {
                inserted += jdbc.sql("""
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
        return inserted > 0;
    }

    /** The context the outcome was reported with; empty (and logged) if its report never reached this projection. */
    private static Optional<OutcomeContext> context(SdgImpactWrites writes, ContractId contractId, OutcomeId outcomeId) {
        return context(writes, contractId.value(), outcomeId.value());
    }

    private static Optional<OutcomeContext> context(SdgImpactWrites writes, String contractId, String outcomeId) {
        Optional<OutcomeContext> context = writes.context(contractId, outcomeId, FactType.REPORTED);
        if (context.isEmpty()) {
            log.warn("Skipped an event for outcome {} of contract {}, which has no REPORTED fact", outcomeId, contractId);
        }
        return context;
    }

    /** The household housed by a lease, whose context (fund, household) the lease's later facts copy; empty (and logged) if missing. */
    private static Optional<OutcomeContext> lease(SdgImpactWrites writes, String propertyId, String leaseId) {
        Optional<OutcomeContext> context = writes.context(propertyId, housedId(leaseId), FactType.HOUSED);
        if (context.isEmpty()) {
            log.warn("Skipped an event for lease {} of property {}, which has no HOUSED fact", leaseId, propertyId);
        }
        return context;
    }

    /** The outcome date of a month of stable housing: the month's first day, not before the lease's start (its housed date). */
    private static LocalDate monthDate(String period, OutcomeContext lease) {
        LocalDate firstDay = YearMonth.parse(period).atDay(1);
        return firstDay.isBefore(lease.outcomeDate()) ? lease.outcomeDate() : firstDay;
    }

    static String housedId(String leaseId) {
        return leaseId + "/housed";
    }

    static String exitId(String leaseId) {
        return leaseId + "/exit";
    }

    static String monthId(String leaseId, String period) {
        return leaseId + "/" + period;
    }

    private static String targets(HousingOutcomes.Metric metric) {
        return metric.sdgTargets().stream().map(SdgTarget::code).collect(Collectors.joining(","));
    }

    /** The last day of an issuer's reporting period: a year (2025), a month (2025-03) or a quarter (2025-Q1). */
    static LocalDate lastDayOf(String period) {
        if (period.contains("-Q")) {
            int year = Integer.parseInt(period.substring(0, 4));
            int quarter = Integer.parseInt(period.substring(period.indexOf("-Q") + 2));
            return YearMonth.of(year, quarter * 3).atEndOfMonth();
        }
        if (period.length() == 4) {
            return LocalDate.of(Integer.parseInt(period), 12, 31);
        }
        return YearMonth.parse(period).atEndOfMonth();
    }

    /** Applies one event's changes: held for the processor's batch and written at its end ({@link BatchWrites}). */
    private void apply(Consumer<SdgImpactWrites> change) {
        batch.apply(change);
    }

    /** The kinds of outcome event that become facts. */
    enum FactType { REPORTED, VERIFIED, WITHDRAWN, APPROVED, EXECUTED, REVERSED, HOUSED, EXIT, MONTH_CHARGED, MONTH_CANCELLED }

    /** What every fact of an outcome copies; {@code sdgTargets} only for outcomes without a rate card (comma-separated codes). */
    record OutcomeContext(String programme, String fundId, String contractId, String outcomeId, String payerId,
                                  String beneficiaryId, String metricCode, String period, LocalDate outcomeDate, String currency,
                                  String sdgTargets) {

        /** Another outcome of the same lease: same property, fund and household. */
        OutcomeContext as(String otherOutcomeId, HousingOutcomes.Metric metric, LocalDate date) {
            return new OutcomeContext(programme, fundId, contractId, otherOutcomeId, payerId, beneficiaryId, metric.code(),
                    YearMonth.from(date).toString(), date, currency, targets(metric));
        }
    }
}
