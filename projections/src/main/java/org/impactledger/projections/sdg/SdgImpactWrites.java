package org.impactledger.projections.sdg;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.impactledger.projections.report.FactStamp;
import org.impactledger.projections.sdg.SdgImpactProjection.FactType;
import org.impactledger.projections.sdg.SdgImpactProjection.OutcomeContext;
import org.impactledger.projections.state.BatchWrites;
import org.impactledger.projections.state.StoredKeys;
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

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SdgImpactTotals totals;
    private final FundVerifiedOutcomes fundVerified;
    /** Event ids that have a fact (stored or of this batch). */
    private final StoredKeys facts;
    private final Map<String, Optional<ContractContext>> contracts = new HashMap<>();
    private final Map<ContextKey, Optional<OutcomeContext>> contexts = new HashMap<>();
    private final List<Object[]> pendingFacts = new ArrayList<>();

    /**
     * @param batchEventIds the identifiers of every event of the batch (looked up together the first
     *                      time an event asks whether it has its fact already)
     */
    SdgImpactWrites(JdbcClient jdbc, JdbcTemplate template, Supplier<Collection<String>> batchEventIds) {
        this.jdbc = jdbc;
        this.template = template;
        this.facts = new StoredKeys(template, "sdg_outcome_fact", "event_id", batchEventIds);
        this.totals = new SdgImpactTotals(jdbc, template);
        this.fundVerified = new FundVerifiedOutcomes(template);
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
        return contexts.computeIfAbsent(new ContextKey(contractId, outcomeId, type), key -> jdbc.sql("""
                        SELECT programme, fund_id, contract_id, outcome_id, payer_id, beneficiary_id, metric_code, period, outcome_date,
                            currency, sdg_targets
                        FROM sdg_outcome_fact WHERE contract_id = :contractId AND outcome_id = :outcomeId AND event_type = :type""")
                .param("contractId", contractId)
                .param("outcomeId", outcomeId)
                .param("type", type.name())
                .query((rs, row) -> new OutcomeContext(rs.getString("programme"), rs.getString("fund_id"), rs.getString("contract_id"),
                        rs.getString("outcome_id"), rs.getString("payer_id"), rs.getString("beneficiary_id"), rs.getString("metric_code"),
                        rs.getString("period"), rs.getObject("outcome_date", LocalDate.class), rs.getString("currency"),
                        rs.getString("sdg_targets")))
                .optional());
    }

    /** What the outcome's facts add up to in verified quantity. */
    BigDecimal netVerified(String contractId, String outcomeId) {
        return totals.verified(contractId, outcomeId);
    }

    /**
     * Records the fact unless its event has one already (a redelivery), and adds it to the totals.
     * Returns whether it was new.
     */
    boolean fact(FactStamp stamp, FactType type, OutcomeContext context, BigDecimal verified, BigDecimal approved, BigDecimal paid) {
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
                context.outcomeDate(), context.currency(), context.sdgTargets(), verified, approved, paid);
        return true;
    }

    /** Writes what is held: the new facts, then the totals. What was written is then the stored state. */
    @Override
    public void flush() {
        if (!pendingFacts.isEmpty()) {
            template.batchUpdate(INSERT_FACT, pendingFacts, INSERT_FACT_TYPES);
            pendingFacts.clear();
        }
        totals.flush();
        fundVerified.flush();
    }
}
