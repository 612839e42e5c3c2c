package org.impactledger.projections.sdg;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.impactledger.core.contract.event.OutcomePaymentApproved;
import org.impactledger.core.contract.event.OutcomePaymentExecuted;
import org.impactledger.core.contract.event.OutcomePaymentReversed;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.contract.event.OutcomeVerified;
import org.impactledger.core.contract.event.OutcomeWithdrawn;
import org.impactledger.core.exchange.event.IssuerOutcomeReported;
import org.impactledger.core.exchange.event.IssuerOutcomeVerified;
import org.impactledger.core.housing.event.LeaseEnded;
import org.impactledger.core.housing.event.LeaseSigned;
import org.impactledger.core.housing.event.RentChargeCancelled;
import org.impactledger.core.housing.event.RentCharged;
import org.impactledger.infra.jdbc.BatchInsert;
import org.impactledger.projections.report.FactStamp;
import org.impactledger.projections.sdg.SdgImpactProjection.FactType;
import org.impactledger.projections.sdg.SdgImpactProjection.OutcomeContext;
import org.impactledger.projections.state.BatchLookups;
import org.impactledger.projections.state.BatchWrites;
import org.impactledger.projections.state.StoredKeys;
import org.impactledger.projections.state.TableStatistics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a batch of events changes in the SDG impact tables, held in memory while the batch is
 * handled and written at its end: the new facts in one JDBC batch, the totals as
 * {@link SdgImpactTotals} writes them (each outcome and each cell once), each fund's count of
 * verified outcomes once ({@link FundVerifiedOutcomes}). Reads are made at most once
 * per batch and then answered from what is held: whether the batch's events already have their
 * fact (one query for every event of the batch), who pays for a contract, the context an outcome
 * was reported with.
 *
 * <h2>Why the rows are the same as event by event</h2>
 * The processor is the only writer of these tables and a batch is one transaction, so what is held
 * is the stored rows plus the batch's own changes, exactly what each event's reads found when every
 * event wrote at once: a fact of this batch counts as present for a later event of the batch (a
 * redelivered event inserts nothing, as before), the context of an outcome reported earlier in the
 * batch is found, and the verified quantity a withdrawal or a cancelled rent charge takes back is
 * the outcome's held total, which is the sum of its facts (see {@link SdgImpactTotals#verified}).
 * Rate card versions (a signed contract, an amendment: a few per contract) re-price outcomes
 * from the stored rows, so the batch is written before them ({@link #flush()}) and they write at
 * once, as before.
 */
final class SdgImpactWrites implements BatchWrites.Held {

    private static final String INSERT_FACT = """
            INSERT INTO sdg_outcome_fact (event_id, event_type, programme, fund_id, contract_id, outcome_id, payer_id,
                beneficiary_id, metric_code, period, outcome_date, currency, verified_delta, approved_delta, paid_delta,
                business_date, recorded_at, sdg_targets)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int[] INSERT_FACT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.NUMERIC,
            Types.NUMERIC, Types.NUMERIC, Types.DATE, Types.TIMESTAMP, Types.VARCHAR};
    /** {@link #INSERT_FACT} as COPY on PostgreSQL ({@link BatchInsert}). */
    private static final BatchInsert FACT_INSERTS = BatchInsert.of(INSERT_FACT, INSERT_FACT_TYPES);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SdgImpactTotals totals;
    private final FundVerifiedOutcomes fundVerified;
    /** Event ids that have a fact (stored or of this batch). */
    private final StoredKeys facts;
    private final Map<String, Optional<ContractContext>> contracts = new HashMap<>();
    private final Map<ContextKey, Optional<OutcomeContext>> contexts = new HashMap<>();
    private final List<Object[]> pendingFacts = new ArrayList<>();
    private final BatchWrites.Batch batch;
    private final Statistics statistics;
    private boolean readAhead;

    /**
     * Planner statistics of the facts and the outcomes' totals while they fill, kept by the projection
     * across batches: the batch's reads by outcome and by beneficiary were planned, on the
     * never-analyzed tables of a rebuild, as reads of every row (346 ms a batch at 1M events;
     * bench/RESULTS.md, "sixth session").
     */
    record Statistics(TableStatistics facts, TableStatistics outcomes) {
    }

    /**
     * @param batch the batch's events: which of them have their fact already is looked up together the
     *              first time an event asks, and the rows they will read are read at the first read
     */
    SdgImpactWrites(JdbcClient jdbc, JdbcTemplate template, Statistics statistics, BatchWrites.Batch batch) {
        this.jdbc = jdbc;
        this.template = template;
        this.batch = batch;
        this.statistics = statistics;
        this.facts = new StoredKeys(template, "sdg_outcome_fact", "event_id", batch::eventIds);
        this.totals = new SdgImpactTotals(jdbc, template, statistics.outcomes());
        this.fundVerified = new FundVerifiedOutcomes(template);
    }

    /** The payload types whose events read rows of these tables (their contract, their outcome's context and totals). */
    private static final Set<Class<?>> READING = Set.of(OutcomeReported.class, OutcomeVerified.class, OutcomeWithdrawn.class,
            OutcomePaymentApproved.class, OutcomePaymentExecuted.class, OutcomePaymentReversed.class, LeaseSigned.class, LeaseEnded.class,
            RentCharged.class, RentChargeCancelled.class, IssuerOutcomeReported.class, IssuerOutcomeVerified.class);

    /**
     * Reads at once, before the batch's first read, the rows its events will ask for: the contracts of
     * its reports, the contexts and totals of its outcomes (and of the leases its housing outcomes
     * belong to), and every outcome of the beneficiaries those concern. Each is then held as the reads
     * one by one would have found it (the batch has changed nothing yet); a row the batch asks for
     * that is not among them is read when asked, as before. Without this, the reads were up to three
     * statements per outcome of the batch and one per contract (bench/RESULTS.md, "sixth session").
     */
    private void readAhead() {
        if (readAhead) {
            return;
        }
        readAhead = true;
        Set<String> contractIds = new LinkedHashSet<>();
        Set<ContextKey> keys = new LinkedHashSet<>();
        Set<String> beneficiaries = new LinkedHashSet<>();
        for (EventMessage<?> message : batch.messages()) {
            if (READING.contains(message.getPayloadType())) {
                keysOf(message.getPayload(), contractIds, keys, beneficiaries);
            }
        }
        if (keys.isEmpty() && contractIds.isEmpty()) {
            return;
        }
        if (!contractIds.isEmpty()) {
            List<String> ids = List.copyOf(contractIds);
            ids.forEach(id -> contracts.put(id, Optional.empty()));
            BatchLookups.query(template, "SELECT contract_id, payer_id, currency FROM sdg_contract WHERE contract_id = ANY(?)",
                    rs -> contracts.put(rs.getString("contract_id"),
                            Optional.of(new ContractContext(rs.getString("payer_id"), rs.getString("currency")))), ids);
        }
        List<String> contractColumn = keys.stream().map(ContextKey::contractId).toList();
        List<String> outcomeColumn = keys.stream().map(ContextKey::outcomeId).toList();
        for (ContextKey key : keys) {
            contexts.putIfAbsent(key, Optional.empty());
        }
        BatchLookups.query(template, """
                        SELECT f.programme, f.fund_id, f.contract_id, f.outcome_id, f.payer_id, f.beneficiary_id, f.metric_code, f.period,
                            f.outcome_date, f.currency, f.sdg_targets, f.event_type
                        FROM UNNEST(?, ?) AS k (contract_id, outcome_id)
                        JOIN sdg_outcome_fact f ON f.contract_id = k.contract_id AND f.outcome_id = k.outcome_id
                        WHERE f.event_type IN ('REPORTED', 'HOUSED')""", rs -> {
                    OutcomeContext context = context(rs);
                    contexts.put(new ContextKey(context.contractId(), context.outcomeId(), FactType.valueOf(rs.getString("event_type"))),
                            Optional.of(context));
                    if (context.beneficiaryId() != null) {
                        beneficiaries.add(context.beneficiaryId());
                    }
                }, contractColumn, outcomeColumn);
        totals.readAhead(contractColumn, outcomeColumn, List.copyOf(beneficiaries));
    }

    /** The contracts, outcomes (with the type of fact that holds their context) and beneficiaries an event will read. */
    private static void keysOf(Object payload, Set<String> contractIds, Set<ContextKey> keys, Set<String> beneficiaries) {
        if (payload instanceof OutcomeReported e) {
            contractIds.add(e.contractId().value());
            keys.add(new ContextKey(e.contractId().value(), e.outcomeId().value(), FactType.REPORTED));
            beneficiaries.add(e.beneficiaryId().value());
        } else if (payload instanceof OutcomeVerified e) {
            keys.add(new ContextKey(e.contractId().value(), e.outcomeId().value(), FactType.REPORTED));
        } else if (payload instanceof OutcomeWithdrawn e) {
            keys.add(new ContextKey(e.contractId().value(), e.outcomeId().value(), FactType.REPORTED));
        } else if (payload instanceof OutcomePaymentApproved e) {
            keys.add(new ContextKey(e.contractId().value(), e.outcomeId().value(), FactType.REPORTED));
        } else if (payload instanceof OutcomePaymentExecuted e) {
            keys.add(new ContextKey(e.contractId().value(), e.outcomeId().value(), FactType.REPORTED));
        } else if (payload instanceof OutcomePaymentReversed e) {
            keys.add(new ContextKey(e.contractId().value(), e.outcomeId().value(), FactType.REPORTED));
        } else if (payload instanceof LeaseSigned e) {
            keys.add(new ContextKey(e.propertyId().value(), SdgImpactProjection.housedId(e.leaseId().value()), FactType.HOUSED));
            beneficiaries.add(e.householdId().value());
        } else if (payload instanceof LeaseEnded e) {
            keys.add(new ContextKey(e.propertyId().value(), SdgImpactProjection.housedId(e.leaseId().value()), FactType.HOUSED));
            keys.add(new ContextKey(e.propertyId().value(), SdgImpactProjection.exitId(e.leaseId().value()), FactType.HOUSED));
        } else if (payload instanceof RentCharged e) {
            keys.add(new ContextKey(e.propertyId().value(), SdgImpactProjection.housedId(e.leaseId().value()), FactType.HOUSED));
            keys.add(new ContextKey(e.propertyId().value(), SdgImpactProjection.monthId(e.leaseId().value(), e.period()), FactType.HOUSED));
        } else if (payload instanceof RentChargeCancelled e) {
            keys.add(new ContextKey(e.propertyId().value(), SdgImpactProjection.housedId(e.leaseId().value()), FactType.HOUSED));
            keys.add(new ContextKey(e.propertyId().value(), SdgImpactProjection.monthId(e.leaseId().value(), e.period()), FactType.HOUSED));
        } else if (payload instanceof IssuerOutcomeReported e) {
            keys.add(new ContextKey(e.issuerId().value(), e.outcomeId().value(), FactType.REPORTED));
        } else if (payload instanceof IssuerOutcomeVerified e) {
            keys.add(new ContextKey(e.issuerId().value(), e.outcomeId().value(), FactType.REPORTED));
        }
    }

    /** Who pays for a contract's outcomes, and in which currency. */
    record ContractContext(String payerId, String currency) {
    }

    private record ContextKey(String contractId, String outcomeId, FactType type) {
    }

    SdgImpactTotals totals() {
        return totals;
    }

    /** The contract's payer and currency, if its signature reached this projection. */
    Optional<ContractContext> contract(String contractId) {
        readAhead();
        return contracts.computeIfAbsent(contractId, id -> jdbc.sql("SELECT payer_id, currency FROM sdg_contract WHERE contract_id = :contractId")
                .param("contractId", id)
                .query((rs, row) -> new ContractContext(rs.getString("payer_id"), rs.getString("currency")))
                .optional());
    }

    /** A contract row written at once (a signature): read again when next asked for. */
    void forgetContract(String contractId) {
        contracts.remove(contractId);
    }

    /** The context of the outcome's fact of that type (REPORTED, HOUSED), if there is one. */
    Optional<OutcomeContext> context(String contractId, String outcomeId, FactType type) {
        readAhead();
        return contexts.computeIfAbsent(new ContextKey(contractId, outcomeId, type), key -> jdbc.sql("""
                        SELECT programme, fund_id, contract_id, outcome_id, payer_id, beneficiary_id, metric_code, period, outcome_date,
                            currency, sdg_targets
                        FROM sdg_outcome_fact WHERE contract_id = :contractId AND outcome_id = :outcomeId AND event_type = :type""")
                .param("contractId", contractId)
                .param("outcomeId", outcomeId)
                .param("type", type.name())
                .query((rs, row) -> context(rs))
                .optional());
    }

    private static OutcomeContext context(ResultSet rs) throws SQLException {
        return new OutcomeContext(rs.getString("programme"), rs.getString("fund_id"), rs.getString("contract_id"), rs.getString("outcome_id"),
                rs.getString("payer_id"), rs.getString("beneficiary_id"), rs.getString("metric_code"), rs.getString("period"),
                rs.getObject("outcome_date", LocalDate.class), rs.getString("currency"), rs.getString("sdg_targets"));
    }

    /** What the outcome's facts add up to in verified quantity. */
    BigDecimal netVerified(String contractId, String outcomeId) {
        readAhead();
        return totals.verified(contractId, outcomeId);
    }

    /**
     * Records the fact unless its event has one already (a redelivery), and adds it to the totals.
     * Returns whether it was new.
     */
    boolean fact(FactStamp stamp, FactType type, OutcomeContext context, BigDecimal verified, BigDecimal approved, BigDecimal paid) {
        readAhead();
        if (!facts.addIfAbsent(stamp.eventId())) {
            return false;
        }
        pendingFacts.add(new Object[] {stamp.eventId(), type.name(), context.programme(), context.fundId(), context.contractId(),
                context.outcomeId(), context.payerId(), context.beneficiaryId(), context.metricCode(), context.period(),
                context.outcomeDate(), context.currency(), verified, approved, paid, stamp.businessDate(), utc(stamp.recordedAt()),
                context.sdgTargets()});
        if (type == FactType.REPORTED || type == FactType.HOUSED) {
            contexts.put(new ContextKey(context.contractId(), context.outcomeId(), type), Optional.of(context));
        }
        if (Programme.OUTCOME_FUND.name().equals(context.programme()) && context.fundId() != null) {
            fundVerified.fact(context.fundId(), totals.verified(context.contractId(), context.outcomeId()), verified, stamp);
        }
        totals.fact(context.contractId(), context.outcomeId(), context.fundId(), context.beneficiaryId(), context.metricCode(),
                context.outcomeDate(), context.currency(), context.sdgTargets(), stamp.businessDate(), verified, approved, paid);
        return true;
    }

    /** Writes what is held: the new facts, then the totals. What was written is then the stored state. */
    @Override
    public void flush() {
        if (!pendingFacts.isEmpty()) {
            FACT_INSERTS.run(template, pendingFacts);
            statistics.facts().inserted(pendingFacts.size());
            pendingFacts.clear();
        }
        totals.flush();
        fundVerified.flush();
    }
}
