package org.impactledger.projections.state.fund;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.impactledger.infra.jdbc.JdbcBatches;
import org.impactledger.projections.state.BatchWrites;
import org.impactledger.projections.state.Upserts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a batch of fund events changes in {@code fund_view}, {@code fund_investor_view} and
 * {@code fund_budget_view}, held in memory while the batch is handled and written at its end in a
 * few JDBC batches: one update per fund, investor and budget, however many events touched it.
 * Event by event, each event updated its fund's row (and often an investor's or a budget's): a fund
 * has one row, so a batch of a thousand events of one fund updated one row a thousand times in one
 * transaction, each update finding the row's newest version behind all the earlier ones.
 *
 * <h2>Why the result is the same as writing event by event</h2>
 * The first event of a batch for a fund reads the fund's {@code last_event_index} with
 * {@code SELECT ... FOR UPDATE}: until the batch's transaction ends no other transaction can change
 * the fund, its investors or its budgets (all written by this projection under that lock), so the
 * index held here is the stored one plus this batch's events, and the idempotency guard
 * ({@link #advance}) decides exactly as the per-event {@code UPDATE ... WHERE last_event_index < :seq}
 * did. Every figure is a running sum of money amounts with two decimals, kept as the batch's exact sum
 * and added in one {@code +}; an investor's commitment is set to the last event's running total;
 * a valuation replaces the net asset value only if its date is not older than the held one, so the
 * batch's latest-dated valuation (the later event on a tie) is the one a series of such updates
 * leaves. An investor is created on its first event, as before; a budget by its commitment, and the
 * fund aggregate reserves, releases and pays only out of a committed budget. The fund's update also
 * checks that {@code last_event_index} is still the value read: a change by anyone else fails the
 * batch instead of being lost, and the processor handles it again.
 */
final class FundStateWrites implements BatchWrites.Held {

    private static final Logger log = LoggerFactory.getLogger(FundStateWrites.class);

    /** The fund's running sums, in the order of {@link #UPDATE_FUND}. */
    enum Figure {
        COMMITTED, CALLED, PAID_IN, DISTRIBUTED, ADVANCED, OUTCOME_PAYMENTS_RECEIVED, REFUNDED, CASH, PROPERTY_ACQUISITIONS, RENT_INCOME
    }

    private static final String UPDATE_FUND = "UPDATE fund_view SET "
            + String.join(", ", Arrays.stream(Figure.values()).map(f -> column(f) + " = " + column(f) + " + ?").toList())
            + ", last_event_index = ? WHERE fund_id = ? AND last_event_index = ?";

    private static final String INSERT_FUND = """
            INSERT INTO fund_view (fund_id, name, currency, manager, return_cap_multiple, committed, called, paid_in, distributed,
                advanced, outcome_payments_received, refunded, cash, opened_at, last_event_index)
            VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?, ?)""";
    private static final int[] INSERT_FUND_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC,
            Types.TIMESTAMP, Types.BIGINT};

    private static final String UPDATE_NAV = """
            UPDATE fund_view SET latest_nav = ?, latest_nav_date = ?
            WHERE fund_id = ? AND (latest_nav_date IS NULL OR latest_nav_date <= ?)""";
    private static final int[] UPDATE_NAV_TYPES = {Types.NUMERIC, Types.DATE, Types.VARCHAR, Types.DATE};

    private static final String UPDATE_INVESTOR = """
            UPDATE fund_investor_view SET committed = COALESCE(?, committed), called = called + ?, paid_in = paid_in + ?,
                returned_capital = returned_capital + ?, profit_distributed = profit_distributed + ?
            WHERE fund_id = ? AND investor_id = ?""";
    private static final int[] UPDATE_INVESTOR_TYPES = {Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC,
            Types.VARCHAR, Types.VARCHAR};
    private static final String INSERT_INVESTOR = """
            INSERT INTO fund_investor_view (committed, called, paid_in, returned_capital, profit_distributed, fund_id, investor_id)
            VALUES (COALESCE(?, 0), ?, ?, ?, ?, ?, ?)""";

    private static final String UPDATE_BUDGET = """
            UPDATE fund_budget_view SET committed = committed + ?, reserved = reserved + ?, paid = paid + ?
            WHERE fund_id = ? AND budget_id = ?""";
    private static final int[] UPDATE_BUDGET_TYPES = {Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.VARCHAR, Types.VARCHAR};
    private static final String INSERT_BUDGET = """
            INSERT INTO fund_budget_view (committed, reserved, paid, fund_id, budget_id, payer_id, nrrp_cup, nrrp_measure)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int[] INSERT_BUDGET_TYPES = {Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};

    private final JdbcTemplate jdbc;
    private final Map<String, Fund> funds = new HashMap<>();
    private final Map<List<String>, Investor> investors = new LinkedHashMap<>();
    private final Map<List<String>, Budget> budgets = new LinkedHashMap<>();

    FundStateWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static String column(Figure figure) {
        return figure.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** One fund's row as this batch sees it: the stored row (locked) or a new one, with the batch's changes. */
    static final class Fund {
        final String fundId;
        final boolean exists;
        final long storedIndex;
        Object[] insertValues;
        long lastEventIndex;
        boolean changed;
        final BigDecimal[] deltas = zeros(Figure.values().length);
        BigDecimal nav;
        LocalDate navDate;

        private Fund(String fundId, boolean exists, long storedIndex) {
            this.fundId = fundId;
            this.exists = exists;
            this.storedIndex = storedIndex;
            this.lastEventIndex = storedIndex;
        }

        void add(Figure figure, BigDecimal amount) {
            deltas[figure.ordinal()] = deltas[figure.ordinal()].add(amount);
        }

        /** A valuation: it replaces the held one unless it is older, as the conditional update does. */
        void valued(BigDecimal netAssetValue, LocalDate asOf) {
            if (navDate == null || !asOf.isBefore(navDate)) {
                nav = netAssetValue;
                navDate = asOf;
            }
        }
    }

    /** An investor's changes in this batch: the commitment's running total if set, and sums to add. */
    static final class Investor {
        BigDecimal committed;
        BigDecimal called = BigDecimal.ZERO;
        BigDecimal paidIn = BigDecimal.ZERO;
        BigDecimal returnedCapital = BigDecimal.ZERO;
        BigDecimal profitDistributed = BigDecimal.ZERO;
    }

    /** A budget's changes in this batch; {@code payerId} and the NRRP tag are set when the batch commits money to it. */
    static final class Budget {
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        boolean committedHere;
        String payerId;
        String nrrpCup;
        String nrrpMeasure;
        String change;
    }

    /** The fund's row as this batch sees it: {@code exists} is false when there is no such fund. */
    Fund fund(String fundId) {
        return funds.computeIfAbsent(fundId, this::load);
    }

    private Fund load(String fundId) {
        List<Long> rows = jdbc.query("SELECT last_event_index FROM fund_view WHERE fund_id = ? FOR UPDATE",
                (rs, n) -> rs.getLong(1), fundId);
        return rows.isEmpty() ? new Fund(fundId, false, -1) : new Fund(fundId, true, rows.get(0));
    }

    /** A fund opened in this batch: its row is inserted at the end, then changed by the batch's later events. */
    void openFund(String fundId, String name, String currency, String manager, BigDecimal returnCapMultiple, LocalDateTime openedAt,
                  long sequenceNumber) {
        Fund fund = new Fund(fundId, true, sequenceNumber);
        fund.insertValues = new Object[] {fundId, name, currency, manager, returnCapMultiple, openedAt, sequenceNumber};
        funds.put(fundId, fund);
    }

    /**
     * The idempotency guard: whether the event is newer than the last one applied to the fund, in
     * which case the fund's index moves to it and the caller makes the event's other changes.
     */
    boolean advance(Fund fund, long sequenceNumber) {
        if (!fund.exists) {
            log.warn("Skipped fund event #{} for fund {}, which has no row in fund_view", sequenceNumber, fund.fundId);
            return false;
        }
        if (sequenceNumber <= fund.lastEventIndex) {
            return false;
        }
        fund.lastEventIndex = sequenceNumber;
        fund.changed = true;
        return true;
    }

    /** The investor's changes in this batch; the investor's row is created if it has none. */
    Investor investor(String fundId, String investorId) {
        return investors.computeIfAbsent(List.of(fundId, investorId), k -> new Investor());
    }

    /**
     * The budget's changes in this batch. {@code change} names them for the warning logged if the
     * budget turns out to have no row (and none is committed in this batch).
     */
    Budget budget(String fundId, String budgetId, String change) {
        Budget budget = budgets.computeIfAbsent(List.of(fundId, budgetId), k -> new Budget());
        if (budget.change == null) {
            budget.change = change;
        }
        return budget;
    }

    /** Writes everything held so far and starts afresh (the locks taken stay until the transaction ends). */
    @Override
    public void flush() {
        writeFunds();
        writeInvestors();
        writeBudgets();
        Map<String, Fund> written = new HashMap<>();
        funds.forEach((id, f) -> written.put(id, f.exists ? new Fund(id, true, f.lastEventIndex) : f));
        funds.clear();
        funds.putAll(written);
        investors.clear();
        budgets.clear();
    }

    private void writeFunds() {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> valuations = new ArrayList<>();
        for (Fund f : funds.values()) {
            if (f.insertValues != null) {
                inserts.add(f.insertValues);
            }
            if (!f.changed) {
                continue;
            }
            Object[] values = Arrays.copyOf(f.deltas, f.deltas.length + 3, Object[].class);
            values[f.deltas.length] = f.lastEventIndex;
            values[f.deltas.length + 1] = f.fundId;
            values[f.deltas.length + 2] = f.storedIndex;
            updates.add(values);
            if (f.navDate != null) {
                valuations.add(new Object[] {f.nav, f.navDate, f.fundId, f.navDate});
            }
        }
        if (!inserts.isEmpty()) {
            JdbcBatches.update(jdbc, INSERT_FUND, inserts, INSERT_FUND_TYPES);
        }
        if (!updates.isEmpty()) {
            int[] types = new int[Figure.values().length + 3];
            Arrays.fill(types, Types.NUMERIC);
            types[types.length - 3] = Types.BIGINT;
            types[types.length - 2] = Types.VARCHAR;
            types[types.length - 1] = Types.BIGINT;
            int[] counts = JdbcBatches.update(jdbc, UPDATE_FUND, updates, types);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1) {
                    throw new OptimisticLockingFailureException("fund " + updates.get(i)[Figure.values().length + 1]
                            + " was changed by someone else while its events were being applied; the batch is to be handled again");
                }
            }
        }
        if (!valuations.isEmpty()) {
            JdbcBatches.update(jdbc, UPDATE_NAV, valuations, UPDATE_NAV_TYPES);
        }
    }

    private void writeInvestors() {
        if (investors.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        investors.forEach((key, i) -> rows.add(new Object[] {i.committed, i.called, i.paidIn, i.returnedCapital, i.profitDistributed,
                key.get(0), key.get(1)}));
        // the insert takes the update's parameters in the same order
        Upserts.updateOrInsert(jdbc, UPDATE_INVESTOR, rows, UPDATE_INVESTOR_TYPES, INSERT_INVESTOR, rows, UPDATE_INVESTOR_TYPES);
    }

    private void writeBudgets() {
        if (budgets.isEmpty()) {
            return;
        }
        List<Map.Entry<List<String>, Budget>> entries = new ArrayList<>(budgets.entrySet());
        List<Object[]> rows = new ArrayList<>();
        entries.forEach(e -> rows.add(new Object[] {e.getValue().committed, e.getValue().reserved, e.getValue().paid,
                e.getKey().get(0), e.getKey().get(1)}));
        int[] counts = JdbcBatches.update(jdbc, UPDATE_BUDGET, rows, UPDATE_BUDGET_TYPES);
        List<Object[]> inserts = new ArrayList<>();
        for (int n = 0; n < counts.length; n++) {
            if (counts[n] != 0) {
                continue;
            }
            List<String> key = entries.get(n).getKey();
            Budget b = entries.get(n).getValue();
            if (b.committedHere) {
                inserts.add(new Object[] {b.committed, b.reserved, b.paid, key.get(0), key.get(1), b.payerId, b.nrrpCup, b.nrrpMeasure});
            } else {
                log.warn("Fund {} has no budget {} to change ({})", key.get(0), key.get(1), b.change);
            }
        }
        if (!inserts.isEmpty()) {
            JdbcBatches.update(jdbc, INSERT_BUDGET, inserts, INSERT_BUDGET_TYPES);
        }
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] zeros = new BigDecimal[n];
        Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }
}
