package org.impactledger.projections.performance;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.impactledger.infra.jdbc.BatchInsert;
import org.impactledger.projections.state.BatchWrites;
import org.impactledger.projections.state.StoredKeys;
import org.impactledger.projections.state.TableStatistics;
import org.impactledger.projections.state.Upserts;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The flows of a batch of fund events and what they add to the running totals, held while the batch
 * is handled and written at its end: the flow rows in one JDBC batch, and one update (or insert) per
 * total however many of the batch's flows it sums. Event by event, every totalled flow updated its
 * total's row, many times per batch for a busy contract.
 *
 * <p>Why the rows are the same as event by event: an event is applied only if no flow row carries
 * its identifier yet ({@link StoredKeys}: the batch's identifiers looked up at once), and then all
 * its flows are written, as the per-row {@code WHERE NOT EXISTS} inserts did within one transaction.
 * A total adds the batch's exact sum of money amounts and its number of flows, and keeps the latest
 * business date and recording time, which is what adding them one by one leaves.
 */
final class FundPerformanceWrites implements BatchWrites.Held {

    private static final String INSERT_FLOW = """
            INSERT INTO perf_flow (event_id, line, fund_id, kind, investor_id, contract_id, budget_id, payer_id, outcome_id,
                amount, return_of_capital, profit, currency, business_date, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int[] INSERT_FLOW_TYPES = {Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.VARCHAR,
            Types.DATE, Types.TIMESTAMP};
    /** {@link #INSERT_FLOW} as COPY on PostgreSQL ({@link BatchInsert}). */
    private static final BatchInsert FLOW_INSERTS = BatchInsert.of(INSERT_FLOW, INSERT_FLOW_TYPES);

    private static final String UPDATE_TOTAL = """
            UPDATE perf_flow_total SET amount = amount + ?, flows = flows + ?,
                last_business_date = CASE WHEN last_business_date < ? THEN ? ELSE last_business_date END,
                last_recorded_at = CASE WHEN last_recorded_at < ? THEN ? ELSE last_recorded_at END
            WHERE fund_id = ? AND kind = ? AND contract_id = ? AND budget_id = ? AND payer_id = ?""";
    private static final int[] UPDATE_TOTAL_TYPES = {Types.NUMERIC, Types.BIGINT, Types.DATE, Types.DATE, Types.TIMESTAMP,
            Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
    private static final String INSERT_TOTAL = """
            INSERT INTO perf_flow_total (amount, flows, last_business_date, last_recorded_at, fund_id, kind, contract_id, budget_id,
                payer_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int[] INSERT_TOTAL_TYPES = {Types.NUMERIC, Types.BIGINT, Types.DATE, Types.TIMESTAMP, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};

    private static final String UPDATE_PERIOD = """
            UPDATE perf_flow_period SET amount = amount + ?, flows = flows + ?
            WHERE fund_id = ? AND period_start = ? AND kind = ? AND contract_id = ? AND budget_id = ? AND payer_id = ?""";
    private static final int[] UPDATE_PERIOD_TYPES = {Types.NUMERIC, Types.BIGINT, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR};
    private static final String INSERT_PERIOD = """
            INSERT INTO perf_flow_period (amount, flows, fund_id, period_start, kind, contract_id, budget_id, payer_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final TableStatistics flowStatistics;
    /** Planner statistics of perf_flow_period while it fills (a report as of a past date reads a fund's months by its key). */
    private final TableStatistics periodStatistics;
    private final StoredKeys applied;
    private final List<Object[]> flows = new ArrayList<>();
    private final Map<List<String>, Total> totals = new LinkedHashMap<>();
    /** The same flows' monthly sums ({@code perf_flow_period}), by the total's key and the month's first day. */
    private final Map<List<Object>, Total> periods = new LinkedHashMap<>();

    FundPerformanceWrites(JdbcTemplate jdbc, TableStatistics flowStatistics, TableStatistics periodStatistics,
                          Supplier<? extends Collection<String>> batchEventIds) {
        this.jdbc = jdbc;
        this.flowStatistics = flowStatistics;
        this.periodStatistics = periodStatistics;
        this.applied = new StoredKeys(jdbc, "perf_flow", "event_id", batchEventIds);
    }

    private static final class Total {
        BigDecimal amount = BigDecimal.ZERO;
        long flows;
        LocalDate lastBusinessDate;
        LocalDateTime lastRecordedAt;
    }

    /** Whether the event's flows are to be written (by this batch): no flow of it was written before. Asked once per event. */
    boolean fresh(String eventId) {
        return applied.addIfAbsent(eventId);
    }

    /** A flow row, in the column order of {@link #INSERT_FLOW}. */
    void flow(Object[] row) {
        flows.add(row);
    }

    /** Adds a flow to its running total; the empty string stands for an id the flow does not have. */
    void total(String fundId, String kind, String contractId, String budgetId, String payerId, BigDecimal amount,
               LocalDate businessDate, LocalDateTime recordedAt) {
        Total total = totals.computeIfAbsent(List.of(fundId, kind, contractId, budgetId, payerId), k -> new Total());
        total.amount = total.amount.add(amount);
        total.flows++;
        if (total.lastBusinessDate == null || total.lastBusinessDate.isBefore(businessDate)) {
            total.lastBusinessDate = businessDate;
        }
        if (total.lastRecordedAt == null || total.lastRecordedAt.isBefore(recordedAt)) {
            total.lastRecordedAt = recordedAt;
        }
        Total period = periods.computeIfAbsent(List.of(fundId, businessDate.withDayOfMonth(1), kind, contractId, budgetId, payerId),
                k -> new Total());
        period.amount = period.amount.add(amount);
        period.flows++;
    }

    @Override
    public void flush() {
        if (!flows.isEmpty()) {
            FLOW_INSERTS.run(jdbc, flows);
            flowStatistics.inserted(flows.size());
        }
        List<Object[]> totalUpdates = new ArrayList<>();
        List<Object[]> totalInserts = new ArrayList<>();
        totals.forEach((key, t) -> {
            totalUpdates.add(new Object[] {t.amount, t.flows, t.lastBusinessDate, t.lastBusinessDate, t.lastRecordedAt, t.lastRecordedAt,
                    key.get(0), key.get(1), key.get(2), key.get(3), key.get(4)});
            totalInserts.add(new Object[] {t.amount, t.flows, t.lastBusinessDate, t.lastRecordedAt, key.get(0), key.get(1), key.get(2),
                    key.get(3), key.get(4)});
        });
        Upserts.updateOrInsert(jdbc, UPDATE_TOTAL, totalUpdates, UPDATE_TOTAL_TYPES, INSERT_TOTAL, totalInserts, INSERT_TOTAL_TYPES);
        // the period's insert takes its update's parameters in the same order
        List<Object[]> periodRows = new ArrayList<>();
        periods.forEach((key, t) -> periodRows.add(new Object[] {t.amount, t.flows, key.get(0), key.get(1), key.get(2), key.get(3),
                key.get(4), key.get(5)}));
        periodStatistics.inserted(Upserts.updateOrInsert(jdbc, UPDATE_PERIOD, periodRows, UPDATE_PERIOD_TYPES, INSERT_PERIOD, periodRows,
                UPDATE_PERIOD_TYPES));
        flows.clear();
        totals.clear();
        periods.clear();
    }
}
