package org.impactledger.projections.nrrp;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.impactledger.infra.jdbc.BatchInsert;
import org.impactledger.projections.state.BatchWrites;
import org.impactledger.projections.state.StoredKeys;
import org.impactledger.projections.state.TableStatistics;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outcome facts of a batch of contract events ({@code nrrp_outcome_fact}: reported, verified,
 * withdrawn), held while the batch is handled and inserted at its end in one JDBC batch. Event by
 * event, each outcome event took one insert and, for a verification or a withdrawal, a read of the
 * outcome's reported fact: a third of the statements a rebuild of this read model made.
 *
 * <p>Why the rows are the same as event by event: an event's fact is written only if no fact
 * carries its identifier yet ({@link StoredKeys}: the batch's identifiers looked up at once), as the
 * per-row {@code WHERE NOT EXISTS} did; a verification or withdrawal finds the reported fact among
 * this batch's facts or else in the table, and a withdrawal takes back the outcome's stored
 * quantities plus those of this batch, which is what the table held when each fact was written at once.
 */
final class NrrpOutcomeWrites implements BatchWrites.Held {

    private static final String INSERT = """
            INSERT INTO nrrp_outcome_fact (event_id, fact_type, contract_id, outcome_id, metric_code, outcome_date, quantity_delta,
                business_date, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int[] INSERT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE,
            Types.NUMERIC, Types.DATE, Types.TIMESTAMP};
    /** {@link #INSERT} as COPY on PostgreSQL ({@link BatchInsert}). */
    private static final BatchInsert FACT_INSERTS = BatchInsert.of(INSERT, INSERT_TYPES);

    /** The outcome as its reported fact describes it. */
    record Outcome(String contractId, String outcomeId, String metricCode, LocalDate outcomeDate) {
    }

    private final JdbcTemplate jdbc;
    private final TableStatistics statistics;
    private final StoredKeys applied;
    private final List<Object[]> rows = new ArrayList<>();
    private final Map<List<String>, Outcome> reportedHere = new HashMap<>();
    private final Map<List<String>, BigDecimal> quantitiesHere = new HashMap<>();

    NrrpOutcomeWrites(JdbcTemplate jdbc, TableStatistics statistics, Supplier<? extends Collection<String>> batchEventIds) {
        this.jdbc = jdbc;
        this.statistics = statistics;
        this.applied = new StoredKeys(jdbc, "nrrp_outcome_fact", "event_id", batchEventIds);
    }

    /** Whether the event's fact is still to be written (no fact has its identifier yet). */
    boolean fresh(String eventId) {
        return !applied.contains(eventId);
    }

    /** The outcome's reported fact: of this batch, or stored. */
    Optional<Outcome> reported(String contractId, String outcomeId) {
        Outcome here = reportedHere.get(List.of(contractId, outcomeId));
        if (here != null) {
            return Optional.of(here);
        }
        return jdbc.query("""
                        SELECT contract_id, outcome_id, metric_code, outcome_date FROM nrrp_outcome_fact
                        WHERE contract_id = ? AND outcome_id = ? AND fact_type = 'REPORTED'""",
                (rs, row) -> new Outcome(rs.getString("contract_id"), rs.getString("outcome_id"), rs.getString("metric_code"),
                        rs.getObject("outcome_date", LocalDate.class)), contractId, outcomeId).stream().findFirst();
    }

    /** The quantities the outcome's facts add up to, stored and of this batch. */
    BigDecimal quantity(String contractId, String outcomeId) {
        BigDecimal stored = jdbc.queryForObject(
                "SELECT COALESCE(SUM(quantity_delta), 0) FROM nrrp_outcome_fact WHERE contract_id = ? AND outcome_id = ?",
                BigDecimal.class, contractId, outcomeId);
        return stored.add(quantitiesHere.getOrDefault(List.of(contractId, outcomeId), BigDecimal.ZERO));
    }

    /** A fact to insert with the batch; the caller has checked that the event is {@link #fresh}. */
    void insert(String eventId, String type, Outcome outcome, BigDecimal quantity, LocalDate businessDate, LocalDateTime recordedAt) {
        applied.add(eventId);
        List<String> key = List.of(outcome.contractId(), outcome.outcomeId());
        if ("REPORTED".equals(type)) {
            reportedHere.putIfAbsent(key, outcome);
        }
        quantitiesHere.merge(key, quantity, BigDecimal::add);
        rows.add(new Object[] {eventId, type, outcome.contractId(), outcome.outcomeId(), outcome.metricCode(), outcome.outcomeDate(), quantity,
                businessDate, recordedAt});
    }

    @Override
    public void flush() {
        if (!rows.isEmpty()) {
            FACT_INSERTS.run(jdbc, rows);
            statistics.inserted(rows.size());
        }
        rows.clear();
        reportedHere.clear();
        quantitiesHere.clear();
    }
}
