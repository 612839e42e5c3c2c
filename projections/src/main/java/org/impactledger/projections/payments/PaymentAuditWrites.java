package org.impactledger.projections.payments;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.impactledger.infra.jdbc.BatchInsert;
import org.springframework.dao.support.DataAccessUtils;
import org.impactledger.projections.state.BatchWrites;
import org.impactledger.projections.state.StoredKeys;
import org.impactledger.projections.state.TableStatistics;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The payment audit steps of a batch of events, held in memory while the batch is handled and
 * written at its end in one JDBC batch, and the payments its approvals list ({@link
 * PaymentListPositions}). Reads are made at most once per batch: which of the batch's
 * events have their step already (one query for every event of the batch), an outcome's fund (from
 * its REPORTED step).
 *
 * <h2>Why the rows are the same as event by event</h2>
 * The processor is the only writer of the steps and a batch is one transaction, so a step is present
 * for an event when it is stored or was held earlier in the batch (a redelivered event writes
 * nothing, as before), and an outcome reported earlier in the batch has its fund. Text values are
 * cut to their column's length, as the {@code CAST(... AS VARCHAR(n))} of the former per-event insert
 * cut them on PostgreSQL.
 */
final class PaymentAuditWrites implements BatchWrites.Held {

    /** Every column of {@code payment_audit_step} with its SQL type and, for text, the length a value is cut to (0: not cut). */
    private static final Map<String, int[]> STEP_COLUMNS = new LinkedHashMap<>();

    static {
        column("event_id", Types.VARCHAR, 0);
        column("global_position", Types.BIGINT, 0);
        column("sequence_number", Types.BIGINT, 0);
        column("step", Types.VARCHAR, 0);
        column("fund_id", Types.VARCHAR, 0);
        column("contract_id", Types.VARCHAR, 0);
        column("outcome_id", Types.VARCHAR, 0);
        column("actor", Types.VARCHAR, 255);
        column("principal", Types.VARCHAR, 255);
        column("role", Types.VARCHAR, 128);
        column("business_date", Types.DATE, 0);
        column("recorded_at", Types.TIMESTAMP, 0);
        column("beneficiary_id", Types.VARCHAR, 64);
        column("metric_code", Types.VARCHAR, 64);
        column("period", Types.VARCHAR, 16);
        column("outcome_date", Types.DATE, 0);
        column("quantity", Types.NUMERIC, 0);
        column("evidence_reference", Types.VARCHAR, 1000);
        column("evidence_sha256", Types.VARCHAR, 64);
        column("note", Types.VARCHAR, 1000);
        column("unit_price", Types.NUMERIC, 0);
        column("amount", Types.NUMERIC, 0);
        column("currency", Types.VARCHAR, 3);
        column("bank_reference", Types.VARCHAR, 255);
        column("value_date", Types.DATE, 0);
        column("was_executed", Types.BOOLEAN, 0);
        column("reason", Types.VARCHAR, 1000);
        column("payer_id", Types.VARCHAR, 64);
    }

    private static final String INSERT_STEP = "INSERT INTO payment_audit_step (" + String.join(", ", STEP_COLUMNS.keySet()) + ") VALUES ("
            + String.join(", ", STEP_COLUMNS.keySet().stream().map(c -> "?").toList()) + ")";
    private static final int[] INSERT_STEP_TYPES = STEP_COLUMNS.values().stream().mapToInt(c -> c[0]).toArray();
    /** {@link #INSERT_STEP} as COPY on PostgreSQL ({@link BatchInsert}). */
    private static final BatchInsert STEP_INSERTS = BatchInsert.of(INSERT_STEP, INSERT_STEP_TYPES);

    private final JdbcTemplate jdbc;
    private final TableStatistics stepStatistics;
    /** Event ids that have a step (stored or of this batch). */
    private final StoredKeys steps;
    private final Map<OutcomeKey, Optional<String>> funds = new HashMap<>();
    private final List<Object[]> pendingSteps = new ArrayList<>();
    private final PaymentListPositions positions;
    /** The batch's new approvals, in the order received: listed at the end of the batch. */
    private final List<PaymentListPositions.Approval> approvals = new ArrayList<>();

    /**
     * @param batchEventIds the identifiers of every event of the batch (looked up together the first
     *                      time an event asks whether it has its step already)
     */
    PaymentAuditWrites(JdbcTemplate jdbc, PaymentListPositions positions, TableStatistics stepStatistics,
                       Supplier<Collection<String>> batchEventIds) {
        this.jdbc = jdbc;
        this.stepStatistics = stepStatistics;
        this.positions = positions;
        this.steps = new StoredKeys(jdbc, "payment_audit_step", "event_id", batchEventIds);
    }

    private static void column(String name, int type, int length) {
        STEP_COLUMNS.put(name, new int[] {type, length});
    }

    private record OutcomeKey(String contractId, String outcomeId) {
    }

    /** The outcome's fund, from its REPORTED step (empty if its report never reached this projection). */
    Optional<String> fundOf(String contractId, String outcomeId) {
        return funds.computeIfAbsent(new OutcomeKey(contractId, outcomeId), key -> Optional.ofNullable(DataAccessUtils.singleResult(jdbc.queryForList("""
                        SELECT fund_id FROM payment_audit_step WHERE contract_id = ? AND outcome_id = ? AND step = 'REPORTED'""",
                String.class, contractId, outcomeId))));
    }

    /**
     * Records the step unless its event has one already (a redelivery).
     *
     * @param columns the step's values by column ({@link #STEP_COLUMNS}; those not named stay null)
     * @return whether the step was new
     */
    boolean step(Map<String, Object> columns) {
        String eventId = (String) columns.get("event_id");
        if (!steps.addIfAbsent(eventId)) {
            return false;
        }
        Object[] row = new Object[STEP_COLUMNS.size()];
        int i = 0;
        for (Map.Entry<String, int[]> column : STEP_COLUMNS.entrySet()) {
            Object value = columns.get(column.getKey());
            int length = column.getValue()[1];
            row[i++] = length > 0 && value instanceof String text && text.length() > length ? text.substring(0, length) : value;
        }
        pendingSteps.add(row);
        if ("REPORTED".equals(columns.get("step"))) {
            funds.put(new OutcomeKey((String) columns.get("contract_id"), (String) columns.get("outcome_id")),
                    Optional.of((String) columns.get("fund_id")));
        }
        return true;
    }

    /** An approval whose step is new ({@link #step} returned true): its payment is listed with the batch. */
    void approved(PaymentListPositions.Approval approval) {
        approvals.add(approval);
    }

    /** Writes the batch's new steps in one JDBC batch, then lists its approvals' payments ({@link PaymentListPositions}). */
    @Override
    public void flush() {
        if (!pendingSteps.isEmpty()) {
            STEP_INSERTS.run(jdbc, pendingSteps);
            stepStatistics.inserted(pendingSteps.size());
            pendingSteps.clear();
        }
        positions.list(approvals);
        approvals.clear();
    }
}
