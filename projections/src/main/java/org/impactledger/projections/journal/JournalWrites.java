package org.impactledger.projections.journal;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
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
 * What a batch of fund events posts to the journal, held in memory while the batch is handled and
 * written at its end in a few JDBC batches: the new entries, their lines, each touched balance
 * (fund, currency, account, book) once and each fund's total once, and the same per month of the
 * entries' business dates ({@code journal_period_balance}, {@code journal_period_total}). Whether the batch's events have
 * their entry already is looked up once for every event of the batch.
 *
 * <h2>Why the rows are the same as event by event</h2>
 * The processor is the only writer of these tables and a batch is one transaction, so an entry is
 * present for an event when it is stored or was posted earlier in the batch: a redelivered event
 * writes nothing, as before. A balance receives the sum of the batch's debits and credits (money of
 * two decimals: the sum is exact), a fund total the number of the batch's entries and the latest of
 * their dates, which is what adding the entries one by one with {@code CASE WHEN last < date THEN
 * date} gives; a row missing before the batch is inserted with those values, as the batch's first
 * entry on it inserted it. Text values are cut to their column's length, as the former per-event
 * insert's {@code CAST(... AS VARCHAR(n))} cut them on PostgreSQL.
 */
final class JournalWrites implements BatchWrites.Held {

    private static final String INSERT_ENTRY = """
            INSERT INTO journal_entry (entry_id, fund_id, currency, event_type, description, business_date, recorded_at, principal)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int[] INSERT_ENTRY_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE,
            Types.TIMESTAMP, Types.VARCHAR};
    /** {@link #INSERT_ENTRY} as COPY on PostgreSQL ({@link BatchInsert}). */
    private static final BatchInsert ENTRY_INSERTS = BatchInsert.of(INSERT_ENTRY, INSERT_ENTRY_TYPES);
    private static final String INSERT_LINE = """
            INSERT INTO journal_line (entry_id, line_no, account, book, subledger, debit, credit)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final int[] INSERT_LINE_TYPES = {Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.NUMERIC, Types.NUMERIC};
    /** {@link #INSERT_LINE} as COPY on PostgreSQL ({@link BatchInsert}). */
    private static final BatchInsert LINE_INSERTS = BatchInsert.of(INSERT_LINE, INSERT_LINE_TYPES);

    private final JdbcTemplate jdbc;
    private final TableStatistics entryStatistics;
    private final TableStatistics lineStatistics;
    /** Entry ids that are posted (stored or of this batch). */
    private final StoredKeys posted;
    private final List<Object[]> entries = new ArrayList<>();
    private final List<Object[]> lines = new ArrayList<>();
    private final Map<List<String>, BigDecimal[]> balances = new LinkedHashMap<>();
    private final Map<List<String>, FundTotal> fundTotals = new LinkedHashMap<>();
    /** (fund, currency, first day of the month, account, book) → debits, credits. */
    private final Map<List<Object>, BigDecimal[]> periodBalances = new LinkedHashMap<>();
    /** (fund, currency, first day of the month) → entries. */
    private final Map<List<Object>, long[]> periodTotals = new LinkedHashMap<>();

    /**
     * @param batchEventIds the identifiers of every event of the batch (looked up together the first
     *                      time an entry is posted)
     */
    JournalWrites(JdbcTemplate jdbc, TableStatistics entryStatistics, TableStatistics lineStatistics,
                  Supplier<Collection<String>> batchEventIds) {
        this.jdbc = jdbc;
        this.entryStatistics = entryStatistics;
        this.lineStatistics = lineStatistics;
        this.posted = new StoredKeys(jdbc, "journal_entry", "entry_id", batchEventIds);
    }

    private static final class FundTotal {
        long entries;
        LocalDate lastBusinessDate;
        LocalDateTime lastRecordedAt;
    }

    /** Posts the entry (already checked to balance) unless it is posted already (a redelivery); returns whether it was new. */
    boolean post(JournalEntry entry) {
        if (!posted.addIfAbsent(entry.entryId())) {
            return false;
        }
        LocalDateTime recordedAt = utc(entry.recordedAt().truncatedTo(ChronoUnit.MICROS));
        entries.add(new Object[] {cut(entry.entryId(), 255), cut(entry.fundId(), 64), cut(entry.currency(), 3), cut(entry.eventType(), 64),
                cut(entry.description(), 2000), entry.businessDate(), recordedAt, cut(entry.principal(), 255)});
        LocalDate period = periodStart(entry.businessDate());
        List<JournalLine> entryLines = entry.lines();
        for (int i = 0; i < entryLines.size(); i++) {
            JournalLine line = entryLines.get(i);
            lines.add(new Object[] {entry.entryId(), i + 1, line.account().code(), line.account().book().name(), cut(line.subledger(), 200),
                    line.debit(), line.credit()});
            add(balances.computeIfAbsent(List.of(entry.fundId(), entry.currency(), line.account().code(), line.account().book().name()),
                    k -> zeros()), line);
            add(periodBalances.computeIfAbsent(List.of(entry.fundId(), entry.currency(), period, line.account().code(),
                    line.account().book().name()), k -> zeros()), line);
        }
        periodTotals.computeIfAbsent(List.of(entry.fundId(), entry.currency(), period), k -> new long[1])[0]++;
        FundTotal total = fundTotals.computeIfAbsent(List.of(entry.fundId(), entry.currency()), k -> new FundTotal());
        total.entries++;
        if (total.lastBusinessDate == null || total.lastBusinessDate.isBefore(entry.businessDate())) {
            total.lastBusinessDate = entry.businessDate();
        }
        if (total.lastRecordedAt == null || total.lastRecordedAt.isBefore(recordedAt)) {
            total.lastRecordedAt = recordedAt;
        }
        return true;
    }

    /** The month an entry's business date falls in, by its first day: the key of the period tables. */
    static LocalDate periodStart(LocalDate businessDate) {
        return businessDate.withDayOfMonth(1);
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static void add(BigDecimal[] sum, JournalLine line) {
        sum[0] = sum[0].add(line.debit());
        sum[1] = sum[1].add(line.credit());
    }

    /** Writes what is held: entries, their lines, the running totals. */
    @Override
    public void flush() {
        if (!entries.isEmpty()) {
            ENTRY_INSERTS.run(jdbc, entries);
            entryStatistics.inserted(entries.size());
            entries.clear();
        }
        if (!lines.isEmpty()) {
            LINE_INSERTS.run(jdbc, lines);
            lineStatistics.inserted(lines.size());
            lines.clear();
        }
        writeBalances();
        writeFundTotals();
        writePeriodBalances();
        writePeriodTotals();
    }

    private void writeBalances() {
        List<Map.Entry<List<String>, BigDecimal[]>> changes = List.copyOf(balances.entrySet());
        balances.clear();
        Upserts.updateOrInsert(jdbc, """
                        UPDATE journal_balance SET debits = debits + ?, credits = credits + ?
                        WHERE fund_id = ? AND currency = ? AND account = ? AND book = ?""",
                changes.stream().map(e -> new Object[] {e.getValue()[0], e.getValue()[1], e.getKey().get(0), e.getKey().get(1),
                        e.getKey().get(2), e.getKey().get(3)}).toList(),
                new int[] {Types.NUMERIC, Types.NUMERIC, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR},
                "INSERT INTO journal_balance (fund_id, currency, account, book, debits, credits) VALUES (?, ?, ?, ?, ?, ?)",
                changes.stream().map(e -> new Object[] {e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getKey().get(3),
                        e.getValue()[0], e.getValue()[1]}).toList(),
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.NUMERIC});
    }

    private void writeFundTotals() {
        List<Map.Entry<List<String>, FundTotal>> changes = List.copyOf(fundTotals.entrySet());
        fundTotals.clear();
        Upserts.updateOrInsert(jdbc, """
                        UPDATE journal_fund_total SET entries = entries + ?,
                            last_business_date = CASE WHEN last_business_date < ? THEN ? ELSE last_business_date END,
                            last_recorded_at = CASE WHEN last_recorded_at < ? THEN ? ELSE last_recorded_at END
                        WHERE fund_id = ? AND currency = ?""",
                changes.stream().map(e -> {
                    FundTotal t = e.getValue();
                    return new Object[] {t.entries, t.lastBusinessDate, t.lastBusinessDate, t.lastRecordedAt, t.lastRecordedAt,
                            e.getKey().get(0), e.getKey().get(1)};
                }).toList(),
                new int[] {Types.BIGINT, Types.DATE, Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR},
                "INSERT INTO journal_fund_total (fund_id, currency, entries, last_business_date, last_recorded_at) VALUES (?, ?, ?, ?, ?)",
                changes.stream().map(e -> {
                    FundTotal t = e.getValue();
                    return new Object[] {e.getKey().get(0), e.getKey().get(1), t.entries, t.lastBusinessDate, t.lastRecordedAt};
                }).toList(),
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.DATE, Types.TIMESTAMP});
    }

    private void writePeriodBalances() {
        List<Map.Entry<List<Object>, BigDecimal[]>> changes = List.copyOf(periodBalances.entrySet());
        periodBalances.clear();
        Upserts.updateOrInsert(jdbc, """
                        UPDATE journal_period_balance SET debits = debits + ?, credits = credits + ?
                        WHERE fund_id = ? AND currency = ? AND period_start = ? AND account = ? AND book = ?""",
                changes.stream().map(e -> {
                    List<Object> k = e.getKey();
                    return new Object[] {e.getValue()[0], e.getValue()[1], k.get(0), k.get(1), k.get(2), k.get(3), k.get(4)};
                }).toList(),
                new int[] {Types.NUMERIC, Types.NUMERIC, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR},
                """
                        INSERT INTO journal_period_balance (fund_id, currency, period_start, account, book, debits, credits)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                changes.stream().map(e -> {
                    List<Object> k = e.getKey();
                    return new Object[] {k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), e.getValue()[0], e.getValue()[1]};
                }).toList(),
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.NUMERIC});
    }

    private void writePeriodTotals() {
        List<Map.Entry<List<Object>, long[]>> changes = List.copyOf(periodTotals.entrySet());
        periodTotals.clear();
        Upserts.updateOrInsert(jdbc, "UPDATE journal_period_total SET entries = entries + ? WHERE fund_id = ? AND currency = ? AND period_start = ?",
                changes.stream().map(e -> new Object[] {e.getValue()[0], e.getKey().get(0), e.getKey().get(1), e.getKey().get(2)}).toList(),
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.DATE},
                "INSERT INTO journal_period_total (fund_id, currency, period_start, entries) VALUES (?, ?, ?, ?)",
                changes.stream().map(e -> new Object[] {e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getValue()[0]}).toList(),
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.BIGINT});
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
