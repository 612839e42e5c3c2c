package org.impactledger.projections.sdg;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.impactledger.core.taxonomy.SdgTarget;
import org.impactledger.infra.jdbc.Databases;
import org.impactledger.infra.jdbc.BatchInsert;
import org.impactledger.infra.jdbc.JdbcBatches;
import org.impactledger.projections.state.BatchLookups;
import org.impactledger.projections.state.TableStatistics;
import org.impactledger.projections.state.Upserts;
import org.impactledger.projections.sdg.SdgAttribution.RateCardRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SDG impact report's figures kept as the events arrive (tables of V181 and V210), written by
 * {@link SdgImpactProjection} in the transaction of the fact each change comes from, so that the
 * questions asked most (every outcome, or one fund's, now or as of a date, as known now) are read
 * from a few rows instead of summed from every fact.
 *
 * <p>{@code sdg_impact_outcome} holds each outcome's facts summed up, the targets it counts under
 * as the rate cards are known now, and its figures at the end of each business date of its facts
 * ({@link OutcomeHistory}). Each change of an outcome (a new fact, or a rate card version that moves
 * it to other targets) writes, into {@code sdg_impact_line_period}, what it does to the report's
 * cells on each business date, per day and per month: on every date of the outcome's history before
 * or after the change, its contribution after less its contribution before, less the same
 * difference at the date before. Summed up to a date D, the rows of a cell are then the cell as the
 * report as of D computes it from the facts, known now; summed over every month, the cell as of now
 * (both proved equal by {@code SdgImpactTotalsTest}). Distinct beneficiaries are done the same way
 * with the lines the beneficiary counts on, on each date, through this outcome and through their
 * other outcomes: a line gains a beneficiary only when none of the beneficiary's other verified
 * outcomes already counts on it, and loses one on the same condition.
 *
 * <p>Idempotent because the projection calls it only for a fact it has just inserted (a redelivered
 * event inserts nothing) and for rate card rows just inserted (re-attribution compares the targets
 * with those stored, so doing it again changes nothing).
 *
 * <h2>One instance per batch, written at its end</h2>
 * An instance serves one batch of events (one unit of work and transaction of the processor, see
 * {@link SdgImpactWrites}): each outcome's row is read at most once and then held (with every
 * outcome of a beneficiary whose verification changes, the rate card rows of a contract), the
 * changes of the batch are applied to what is held, and {@link #flush()} writes each changed
 * outcome once and each touched row per date once, in JDBC batches. Event by event, a fact cost an
 * outcome read, an outcome write, often a beneficiary read and an update of each row it changes.
 * The rows come out the same: the outcome row held is the stored row plus the batch's changes (the
 * processor is the only writer of these tables, and the batch is one transaction); a cell receives
 * the sum of the deltas the batch's changes made to it, which is exact (counts, and decimals of a
 * fixed scale); and a cell row is created if some change of the batch made a non-zero delta on it,
 * even if the batch's deltas add up to zero, because event by event that change inserted the row.
 */
final class SdgImpactTotals {

    /** The scope of the report over every outcome. */
    static final String EVERY_OUTCOME = "*";
    /** The currency column of the rows that hold a T, G or S line's distinct beneficiaries. */
    static final String BENEFICIARIES = "*";

    private static final String INSERT_OUTCOME = """
            INSERT INTO sdg_impact_outcome (contract_id, outcome_id, fund_id, beneficiary_id, metric_code, outcome_date, currency,
                sdg_targets, attributed, verified, approved, paid, history)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int[] INSERT_OUTCOME_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.VARCHAR};
    /** {@link #INSERT_OUTCOME} as COPY on PostgreSQL ({@link BatchInsert}). */
    private static final BatchInsert OUTCOME_INSERTS = BatchInsert.of(INSERT_OUTCOME, INSERT_OUTCOME_TYPES);
    private static final String UPDATE_OUTCOME = """
            UPDATE sdg_impact_outcome SET attributed = ?, verified = ?, approved = ?, paid = ?, history = ?
            WHERE contract_id = ? AND outcome_id = ?""";
    private static final int[] UPDATE_OUTCOME_TYPES = {Types.VARCHAR, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR};
    private static final String UPDATE_PERIOD = """
            UPDATE sdg_impact_line_period SET outcomes = outcomes + ?, verified_outcomes = verified_outcomes + ?,
                beneficiaries = beneficiaries + ?, verified_quantity = verified_quantity + ?, approved = approved + ?, paid = paid + ?
            WHERE scope_key = ? AND grain = ? AND period_start = ? AND line_kind = ? AND goal = ? AND sdg_target = ? AND metric_code = ?
                AND currency = ?""";
    private static final int[] UPDATE_PERIOD_TYPES = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.NUMERIC, Types.NUMERIC,
            Types.NUMERIC, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR};
    private static final String INSERT_PERIOD = """
            INSERT INTO sdg_impact_line_period (scope_key, grain, period_start, line_kind, goal, sdg_target, metric_code, currency,
                outcomes, verified_outcomes, beneficiaries, verified_quantity, approved, paid)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int[] INSERT_PERIOD_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.INTEGER,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.NUMERIC, Types.NUMERIC,
            Types.NUMERIC};
    /**
     * On PostgreSQL, each cell row is added to or inserted by one statement, and the driver sends a batch of them as
     * multi-row statements ({@code reWriteBatchedInserts}): a rebuild of 1M events writes about two million of these
     * changes, which as an update each (and an insert for each row the update missed) took a statement per change.
     * Other databases keep {@link #UPDATE_PERIOD} then {@link #INSERT_PERIOD}.
     */
    private static final String UPSERT_PERIOD = INSERT_PERIOD + """

            ON CONFLICT (scope_key, grain, period_start, line_kind, goal, sdg_target, metric_code, currency) DO UPDATE SET
                outcomes = sdg_impact_line_period.outcomes + EXCLUDED.outcomes,
                verified_outcomes = sdg_impact_line_period.verified_outcomes + EXCLUDED.verified_outcomes,
                beneficiaries = sdg_impact_line_period.beneficiaries + EXCLUDED.beneficiaries,
                verified_quantity = sdg_impact_line_period.verified_quantity + EXCLUDED.verified_quantity,
                approved = sdg_impact_line_period.approved + EXCLUDED.approved,
                paid = sdg_impact_line_period.paid + EXCLUDED.paid""";
    /** The grain of the rows of one business date, and of one month, in {@code sdg_impact_line_period}. */
    static final String DAY = "D";
    static final String MONTH = "M";
    /**
     * The line kind of the rows of {@code sdg_impact_line_period} that hold the figures of the outcomes
     * of one set of targets, metric and currency; its other rows (T, G and S with currency {@link
     * #BENEFICIARIES}, M) hold distinct beneficiaries only.
     */
    static final String TARGETS = "C";
    /** The line kind of the rows of {@code sdg_impact_line_period} that hold changes of distinct beneficiaries (see {@link #byLines}). */
    static final String BENEFICIARY_LINES = "B";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    /** Planner statistics of {@code sdg_impact_outcome} (see {@link SdgImpactWrites.Statistics}). */
    private final TableStatistics statistics;
    /** Outcomes read or made in this batch: their rows as stored plus the batch's changes ({@code null}: no such row). */
    private final Map<OutcomeKey, Held> outcomes = new HashMap<>();
    /** For each beneficiary, the outcomes held here that are theirs. */
    private final Map<String, Set<OutcomeKey>> byBeneficiary = new HashMap<>();
    /** Beneficiaries whose stored outcomes have all been read into {@link #outcomes}. */
    private final Set<String> beneficiariesRead = new HashSet<>();
    /** Each contract's rate card rows, as stored. */
    private final Map<String, List<RateCardRow>> rateCards = new HashMap<>();
    /** The batch's deltas per cell and business date, and per cell and month, for {@code sdg_impact_line_period}. */
    private final Map<PeriodCell, Delta> pendingPeriods = new LinkedHashMap<>();

    SdgImpactTotals(JdbcClient jdbc, JdbcTemplate template, TableStatistics statistics) {
        this.jdbc = jdbc;
        this.template = template;
        this.statistics = statistics;
    }

    private record OutcomeKey(String contractId, String outcomeId) {
    }

    /** An outcome's row as this batch sees it, and whether it is stored and whether the batch changed it. */
    private static final class Held {
        Outcome outcome;
        boolean stored;
        boolean changed;

        Held(Outcome outcome, boolean stored) {
            this.outcome = outcome;
            this.stored = stored;
        }
    }

    /** The scope of the report over one fund's outcomes ({@code null}: every outcome). */
    static String scope(String fundId) {
        return fundId == null ? EVERY_OUTCOME : "F:" + fundId;
    }

    /**
     * An outcome's facts summed up, with the context every fact copies, the targets it counts under
     * and its figures per business date (the last entry of {@code history} is the sums).
     */
    record Outcome(String contractId, String outcomeId, String fundId, String beneficiaryId, String metricCode, LocalDate outcomeDate,
                   String currency, String sdgTargets, List<SdgTarget> attributed, BigDecimal verified, BigDecimal approved,
                   BigDecimal paid, OutcomeHistory history) {

        boolean isVerified() {
            return verified.signum() > 0;
        }

        List<String> scopes() {
            return fundId == null ? List.of(EVERY_OUTCOME) : List.of(EVERY_OUTCOME, scope(fundId));
        }

        String currencyColumn() {
            return currency == null ? "" : currency;
        }

        Set<Integer> goals() {
            return attributed.stream().map(SdgTarget::goal).collect(Collectors.toCollection(TreeSet::new));
        }

        Outcome plus(LocalDate businessDate, BigDecimal verifiedDelta, BigDecimal approvedDelta, BigDecimal paidDelta) {
            return new Outcome(contractId, outcomeId, fundId, beneficiaryId, metricCode, outcomeDate, currency, sdgTargets, attributed,
                    verified.add(verifiedDelta), approved.add(approvedDelta), paid.add(paidDelta),
                    history.plus(businessDate, verifiedDelta, approvedDelta, paidDelta));
        }

        Outcome attributedTo(List<SdgTarget> targets) {
            return new Outcome(contractId, outcomeId, fundId, beneficiaryId, metricCode, outcomeDate, currency, sdgTargets, targets,
                    verified, approved, paid, history);
        }

        /** The outcome as the report as of {@code date} sees it: its figures at the end of that date; {@code null} before its first fact. */
        Outcome asOf(LocalDate date) {
            OutcomeHistory.Sums sums = history.at(date);
            return sums == null ? null : new Outcome(contractId, outcomeId, fundId, beneficiaryId, metricCode, outcomeDate, currency,
                    sdgTargets, attributed, sums.verified(), sums.approved(), sums.paid(), history);
        }
    }

    /** A cell of the report: a line (total T, goal G, target S, a target's metric M, or a row kind of {@code sdg_impact_line_period}) in a scope. */
    record Cell(String scope, String kind, int goal, String target, String metric, String currency) {
    }

    /** One row of {@code sdg_impact_line_period}: a cell's changes on one business date ({@link #DAY}) or in one month ({@link #MONTH}). */
    private record PeriodCell(Cell cell, String grain, LocalDate start) {
    }

    /** What one change adds to a cell. */
    private static final class Delta {
        long outcomes;
        long verified;
        long beneficiaries;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal approved = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;

        void add(Delta other) {
            outcomes += other.outcomes;
            verified += other.verified;
            beneficiaries += other.beneficiaries;
            quantity = quantity.add(other.quantity);
            approved = approved.add(other.approved);
            paid = paid.add(other.paid);
        }

        void subtract(Delta other) {
            outcomes -= other.outcomes;
            verified -= other.verified;
            beneficiaries -= other.beneficiaries;
            quantity = quantity.subtract(other.quantity);
            approved = approved.subtract(other.approved);
            paid = paid.subtract(other.paid);
        }

        boolean isZero() {
            return outcomes == 0 && verified == 0 && beneficiaries == 0 && quantity.signum() == 0 && approved.signum() == 0
                    && paid.signum() == 0;
        }
    }

    /**
     * A fact just inserted for an outcome: the outcome's first fact opens it (with the context the
     * fact carries); the others add their signed changes. Deltas are taken at the scale the fact
     * table stores them (quantities 6 decimals, money 2), as the report sums the stored facts.
     */
    void fact(String contractId, String outcomeId, String fundId, String beneficiaryId, String metricCode, LocalDate outcomeDate,
              String currency, String sdgTargets, LocalDate businessDate, BigDecimal verified, BigDecimal approved, BigDecimal paid) {
        BigDecimal v = verified.setScale(6, RoundingMode.HALF_UP);
        BigDecimal a = approved.setScale(2, RoundingMode.HALF_UP);
        BigDecimal p = paid.setScale(2, RoundingMode.HALF_UP);
        OutcomeKey key = new OutcomeKey(contractId, outcomeId);
        Held held = held(key);
        Outcome before = held.outcome;
        Outcome after;
        if (before == null) {
            List<SdgTarget> targets = List.copyOf(SdgAttribution.targets(sdgTargets, outcomeDate,
                    sdgTargets == null ? rateCard(contractId, metricCode) : List.of()));
            after = new Outcome(contractId, outcomeId, fundId, beneficiaryId, metricCode, outcomeDate, currency, sdgTargets, targets, v, a, p,
                    OutcomeHistory.EMPTY.plus(businessDate, v, a, p));
            if (beneficiaryId != null) {
                byBeneficiary.computeIfAbsent(beneficiaryId, b -> new LinkedHashSet<>()).add(key);
            }
        } else {
            after = before.plus(businessDate, v, a, p);
        }
        held.outcome = after;
        held.changed = true;
        change(before, after);
    }

    /**
     * What the outcome's facts add up to in verified quantity (zero if it has none): the verified
     * quantity of its row, which is the sum of the facts' {@code verified_delta} (each fact adds its
     * delta at the scale the fact stores it, see {@link #fact}).
     */
    BigDecimal verified(String contractId, String outcomeId) {
        Outcome outcome = held(new OutcomeKey(contractId, outcomeId)).outcome;
        return outcome == null ? BigDecimal.ZERO : outcome.verified();
    }

    /**
     * Rate card rows just recorded (and written) for a contract: each of its Outcome Fund outcomes
     * counts from now on under the targets of the version now in force at its outcome date. Reads
     * the stored outcomes, so the batch's changes must have been written ({@link #flush()}) first.
     */
    void rateCardChanged(String contractId) {
        rateCards.remove(contractId);
        List<RateCardRow> card = rateCard(contractId, null);
        List<Outcome> stored = jdbc.sql("SELECT * FROM sdg_impact_outcome WHERE contract_id = :contractId AND sdg_targets IS NULL "
                        + "ORDER BY outcome_id")
                .param("contractId", contractId)
                .query((rs, row) -> outcome(rs))
                .list();
        for (Outcome outcome : stored) {
            List<RateCardRow> rows = card.stream().filter(r -> r.metricCode().equals(outcome.metricCode())).toList();
            List<SdgTarget> targets = List.copyOf(SdgAttribution.targets(null, outcome.outcomeDate(), rows));
            if (targets.equals(outcome.attributed())) {
                continue;
            }
            Outcome after = outcome.attributedTo(targets);
            Held held = hold(outcome);
            held.outcome = after;
            held.changed = true;
            change(outcome, after);
        }
    }

    /**
     * Writes the batch's changes: each changed outcome once (inserted or updated), each touched row
     * per date once (updated by the sum of its deltas, or inserted with it). What was written is then the
     * stored state the batch's later events start from.
     */
    void flush() {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Held held : outcomes.values()) {
            if (!held.changed) {
                continue;
            }
            Outcome o = held.outcome;
            if (held.stored) {
                updates.add(new Object[] {codes(o.attributed()), o.verified(), o.approved(), o.paid(), o.history().encode(), o.contractId(),
                        o.outcomeId()});
            } else {
                inserts.add(new Object[] {o.contractId(), o.outcomeId(), o.fundId(), o.beneficiaryId(), o.metricCode(), o.outcomeDate(),
                        o.currency(), o.sdgTargets(), codes(o.attributed()), o.verified(), o.approved(), o.paid(), o.history().encode()});
            }
            held.stored = true;
            held.changed = false;
        }
        if (!inserts.isEmpty()) {
            OUTCOME_INSERTS.run(template, inserts);
            statistics.inserted(inserts.size());
        }
        if (!updates.isEmpty()) {
            JdbcBatches.update(template, UPDATE_OUTCOME, updates, UPDATE_OUTCOME_TYPES);
        }
        writePeriods();
    }

    // ---------------------------------------------------------------- the change of one outcome

    private void change(Outcome before, Outcome after) {
        periods(before, after);
        beneficiaryPeriods(before, after);
    }

    // ---------------------------------------------------------------- the change of one outcome, per business date

    /**
     * What the change does to the cells on each business date: at a date of either history, the
     * difference between the outcome's contribution after and before the change (each as the report
     * as of that date sees the outcome), less that difference at the date before. Summed over the
     * dates up to D, the rows then give the change to the report as of D; a fact of one date changes
     * the rows of that date only, unless it crosses the verification of a later one.
     */
    private void periods(Outcome before, Outcome after) {
        Map<Cell, Delta> previous = Map.of();
        for (LocalDate date : dates(before, after)) {
            Map<Cell, Delta> difference = new LinkedHashMap<>();
            Outcome was = before == null ? null : before.asOf(date);
            Outcome is = after.asOf(date);
            if (!sameFigures(was, is)) {
                if (was != null) {
                    contributeByTargets(was, -1, difference);
                }
                if (is != null) {
                    contributeByTargets(is, 1, difference);
                }
            }
            Map<Cell, Delta> day = new LinkedHashMap<>();
            difference.forEach((cell, delta) -> day.computeIfAbsent(cell, c -> new Delta()).add(delta));
            previous.forEach((cell, delta) -> day.computeIfAbsent(cell, c -> new Delta()).subtract(delta));
            addPeriods(date, day);
            previous = difference;
        }
    }

    /**
     * Distinct beneficiaries per business date: on each date, the lines the beneficiary gains or
     * loses through this outcome's change are those it counts on through this outcome after (or
     * before) the change, as of that date, and not through the other one, nor through another of the
     * beneficiary's outcomes verified as of that date; the rows get that difference less the one of
     * the date before. Nothing to do when the lines the outcome counts its beneficiary on are the same
     * on every date before and after.
     */
    private void beneficiaryPeriods(Outcome before, Outcome after) {
        if (after.beneficiaryId() == null) {
            return;
        }
        TreeSet<LocalDate> dates = dates(before, after);
        if (dates.stream().allMatch(date -> sameBeneficiaryLines(before == null ? null : before.asOf(date), after.asOf(date)))) {
            return;
        }
        OutcomeKey self = new OutcomeKey(after.contractId(), after.outcomeId());
        List<Outcome> others = new ArrayList<>();
        for (OutcomeKey key : outcomesOf(after.beneficiaryId())) {
            Outcome other = outcomes.get(key).outcome;
            if (!key.equals(self) && other != null) {
                others.add(other);
                other.history().dates().stream().filter(d -> !d.isBefore(dates.first())).forEach(dates::add);
            }
        }
        Map<Cell, Long> previous = Map.of();
        for (LocalDate date : dates) {
            Set<Cell> was = beneficiaryLines(before == null ? null : before.asOf(date));
            Set<Cell> is = beneficiaryLines(after.asOf(date));
            Map<Cell, Long> difference = new LinkedHashMap<>();
            if (!was.equals(is)) {
                Set<Cell> covered = new HashSet<>();
                others.forEach(other -> covered.addAll(beneficiaryLines(other.asOf(date))));
                is.stream().filter(line -> !was.contains(line) && !covered.contains(line)).forEach(line -> difference.put(line, 1L));
                was.stream().filter(line -> !is.contains(line) && !covered.contains(line)).forEach(line -> difference.put(line, -1L));
            }
            Map<Cell, Long> day = new LinkedHashMap<>(difference);
            previous.forEach((cell, n) -> day.merge(cell, -n, Long::sum));
            addPeriods(date, byLines(day, after.metricCode(), after.currencyColumn()));
            previous = difference;
        }
    }

    /**
     * A date's changes of distinct beneficiaries as rows of kind {@link #BENEFICIARY_LINES}: per scope
     * and change (+1, -1, ...), one row for the set of lines that change by it, named in {@code
     * sdg_target} ({@code T}, {@code G<goal>}, {@code S<target>}, {@code M<target>}: the total, a goal, a
     * target, and a target's line of the outcome's metric and currency). The lines are those of one
     * outcome, so of one metric and currency. A beneficiary's first verified outcome adds one to
     * every line of its targets, like every other beneficiary's first outcome of the same targets, so
     * such changes add up in one row instead of one row per line.
     */
    private static Map<Cell, Delta> byLines(Map<Cell, Long> changes, String metric, String currency) {
        Map<List<Object>, TreeSet<String>> lines = new LinkedHashMap<>();
        changes.forEach((cell, n) -> {
            if (n != 0) {
                lines.computeIfAbsent(List.of(cell.scope(), n), k -> new TreeSet<>()).add(lineName(cell));
            }
        });
        Map<Cell, Delta> rows = new LinkedHashMap<>();
        lines.forEach((key, names) -> {
            Delta delta = new Delta();
            delta.beneficiaries = (Long) key.get(1);
            rows.put(new Cell((String) key.get(0), BENEFICIARY_LINES, 0, String.join(" ", names), metric, currency), delta);
        });
        return rows;
    }

    /** A line of beneficiaries as {@link #byLines} names it. */
    private static String lineName(Cell line) {
        return switch (line.kind()) {
            case "T" -> "T";
            case "G" -> "G" + line.goal();
            case "S", "M" -> line.kind() + line.target();
            default -> throw new IllegalStateException("not a line of beneficiaries: " + line);
        };
    }

    /**
     * The lines of beneficiaries a row of kind {@link #BENEFICIARY_LINES} names (its {@code sdg_target},
     * with its metric and currency), as the report's cells they are (scope left empty).
     */
    static List<Cell> linesNamed(String names, String metric, String currency) {
        List<Cell> lines = new ArrayList<>();
        for (String name : names.split(" ")) {
            String rest = name.substring(1);
            lines.add(switch (name.charAt(0)) {
                case 'T' -> new Cell("", "T", 0, "", "", BENEFICIARIES);
                case 'G' -> new Cell("", "G", Integer.parseInt(rest), "", "", BENEFICIARIES);
                case 'S' -> new Cell("", "S", SdgTarget.parse(rest, "sdgTarget").goal(), rest, "", BENEFICIARIES);
                case 'M' -> new Cell("", "M", SdgTarget.parse(rest, "sdgTarget").goal(), rest, metric, currency);
                default -> throw new IllegalStateException("unknown line of beneficiaries " + name);
            });
        }
        return lines;
    }

    /**
     * The outcome's figures in the one cell per scope of its targets, metric and currency ({@link
     * #TARGETS}: the targets' codes in report order as {@code sdg_target}), times {@code sign}: the
     * report's total, goal and target lines are sums of these cells, as each outcome is in exactly
     * one. (Writing every line of the report per business date was five rows
     * per fact and scope instead of one: bench/RESULTS.md, "sixteenth session".)
     */
    private static void contributeByTargets(Outcome o, int sign, Map<Cell, Delta> deltas) {
        for (String scope : o.scopes()) {
            Delta d = deltas.computeIfAbsent(new Cell(scope, TARGETS, 0, codes(o.attributed()), o.metricCode(), o.currencyColumn()),
                    c -> new Delta());
            d.outcomes += sign;
            if (o.isVerified()) {
                d.verified += sign;
                d.quantity = d.quantity.add(o.verified().multiply(BigDecimal.valueOf(sign)));
            }
            d.approved = d.approved.add(o.approved().multiply(BigDecimal.valueOf(sign)));
            d.paid = d.paid.add(o.paid().multiply(BigDecimal.valueOf(sign)));
        }
    }

    /** Whether the outcome counts alike in the report as of a date before and after the change (typically every date before a new fact's). */
    private static boolean sameFigures(Outcome was, Outcome is) {
        if (was == null || is == null) {
            return was == is;
        }
        return was.verified().equals(is.verified()) && was.approved().equals(is.approved()) && was.paid().equals(is.paid())
                && was.attributed().equals(is.attributed());
    }

    /**
     * Whether the outcome counts its beneficiary on the same lines as of a date before and after the
     * change ({@link #beneficiaryLines} of both alike), without making the lines: on none unless it
     * is verified; if verified on both sides, on the lines of its targets.
     */
    private static boolean sameBeneficiaryLines(Outcome was, Outcome is) {
        boolean wasVerified = was != null && was.isVerified();
        boolean isVerified = is != null && is.isVerified();
        return wasVerified == isVerified && (!isVerified || was.attributed().equals(is.attributed()));
    }

    /** The business dates of both histories, in order. */
    private static TreeSet<LocalDate> dates(Outcome before, Outcome after) {
        TreeSet<LocalDate> dates = new TreeSet<>(after.history().dates());
        if (before != null) {
            dates.addAll(before.history().dates());
        }
        return dates;
    }

    /** Adds a date's non-zero deltas to the batch's rows of that date and of its month. */
    private void addPeriods(LocalDate date, Map<Cell, Delta> day) {
        LocalDate month = date.withDayOfMonth(1);
        day.forEach((cell, delta) -> {
            if (!delta.isZero()) {
                pendingPeriods.computeIfAbsent(new PeriodCell(cell, DAY, date), c -> new Delta()).add(delta);
                pendingPeriods.computeIfAbsent(new PeriodCell(cell, MONTH, month), c -> new Delta()).add(delta);
            }
        });
    }

    /** Adds the batch's deltas per date and month to their rows, inserting those that do not exist yet. */
    private void writePeriods() {
        if (pendingPeriods.isEmpty()) {
            return;
        }
        List<Object[]> inserts = new ArrayList<>(pendingPeriods.size());
        // a row is written even if the batch's deltas on it add up to zero: event by event, the change that made it inserted it
        pendingPeriods.forEach((p, d) -> {
            Cell c = p.cell();
            inserts.add(new Object[] {c.scope(), p.grain(), p.start(), c.kind(), c.goal(), c.target(), c.metric(), c.currency(), d.outcomes,
                    d.verified, d.beneficiaries, d.quantity, d.approved, d.paid});
        });
        pendingPeriods.clear();
        if (Databases.isPostgreSql(template)) {
            JdbcBatches.update(template, UPSERT_PERIOD, inserts, INSERT_PERIOD_TYPES);
            return;
        }
        // the same values in UPDATE_PERIOD's order: the six deltas, then the eight columns of the key
        List<Object[]> updates = new ArrayList<>(inserts.size());
        for (Object[] row : inserts) {
            Object[] update = new Object[row.length];
            System.arraycopy(row, 8, update, 0, 6);
            System.arraycopy(row, 0, update, 6, 8);
            updates.add(update);
        }
        Upserts.updateOrInsert(template, UPDATE_PERIOD, updates, UPDATE_PERIOD_TYPES, INSERT_PERIOD, inserts, INSERT_PERIOD_TYPES);
    }

    /** The lines on which the outcome's beneficiary counts: none unless the outcome is verified and has one. */
    private static Set<Cell> beneficiaryLines(Outcome o) {
        Set<Cell> lines = new LinkedHashSet<>();
        if (o == null || !o.isVerified() || o.beneficiaryId() == null) {
            return lines;
        }
        for (String scope : o.scopes()) {
            lines.add(new Cell(scope, "T", 0, "", "", BENEFICIARIES));
            o.goals().forEach(g -> lines.add(new Cell(scope, "G", g, "", "", BENEFICIARIES)));
            for (SdgTarget t : o.attributed()) {
                lines.add(new Cell(scope, "S", t.goal(), t.code(), "", BENEFICIARIES));
                lines.add(new Cell(scope, "M", t.goal(), t.code(), o.metricCode(), o.currencyColumn()));
            }
        }
        return lines;
    }

    // ---------------------------------------------------------------- reads (each at most once per batch)

    /**
     * Reads at once the outcomes the batch will ask for (by contract and outcome, the i-th of each
     * list making one outcome) and every outcome of the beneficiaries, before the batch changes any:
     * each is then held as {@link #held} and {@link #outcomesOf} would read it.
     */
    void readAhead(List<String> contractIds, List<String> outcomeIds, List<String> beneficiaryIds) {
        BatchLookups.query(template, """
                SELECT o.* FROM UNNEST(?, ?) AS k (contract_id, outcome_id)
                JOIN sdg_impact_outcome o ON o.contract_id = k.contract_id AND o.outcome_id = k.outcome_id""", rs -> {
            hold(outcome(rs));
        }, contractIds, outcomeIds);
        for (int i = 0; i < contractIds.size(); i++) {
            OutcomeKey key = new OutcomeKey(contractIds.get(i), outcomeIds.get(i));
            if (!outcomes.containsKey(key)) {
                absent(key);
            }
        }
        if (!beneficiaryIds.isEmpty()) {
            BatchLookups.query(template, "SELECT * FROM sdg_impact_outcome WHERE beneficiary_id = ANY(?)", rs -> {
                hold(outcome(rs));
            }, beneficiaryIds);
            beneficiariesRead.addAll(beneficiaryIds);
        }
    }

    /** The outcome as this batch sees it, read from its stored row the first time. */
    private Held held(OutcomeKey key) {
        Held held = outcomes.get(key);
        if (held == null) {
            Outcome stored = jdbc.sql("SELECT * FROM sdg_impact_outcome WHERE contract_id = :contractId AND outcome_id = :outcomeId")
                    .param("contractId", key.contractId())
                    .param("outcomeId", key.outcomeId())
                    .query((rs, row) -> outcome(rs))
                    .optional().orElse(null);
            held = stored == null ? absent(key) : hold(stored);
        }
        return held;
    }

    private Held absent(OutcomeKey key) {
        Held held = new Held(null, false);
        outcomes.put(key, held);
        return held;
    }

    /** A stored row just read: held as read unless this batch holds the outcome already (then that is newer). */
    private Held hold(Outcome stored) {
        OutcomeKey key = new OutcomeKey(stored.contractId(), stored.outcomeId());
        Held held = outcomes.get(key);
        if (held == null || held.outcome == null && !held.changed) {
            held = new Held(stored, true);
            outcomes.put(key, held);
            if (stored.beneficiaryId() != null) {
                byBeneficiary.computeIfAbsent(stored.beneficiaryId(), b -> new LinkedHashSet<>()).add(key);
            }
        }
        return held;
    }

    /** Every outcome of the beneficiary, stored or of this batch, held here. */
    private Set<OutcomeKey> outcomesOf(String beneficiaryId) {
        if (beneficiariesRead.add(beneficiaryId)) {
            jdbc.sql("SELECT * FROM sdg_impact_outcome WHERE beneficiary_id = :beneficiaryId")
                    .param("beneficiaryId", beneficiaryId)
                    .query((rs, row) -> outcome(rs))
                    .list()
                    .forEach(this::hold);
        }
        return byBeneficiary.getOrDefault(beneficiaryId, Set.of());
    }

    /** The rate card rows of a contract, of one metric ({@code null}: every metric). */
    private List<RateCardRow> rateCard(String contractId, String metricCode) {
        List<RateCardRow> rows = rateCards.computeIfAbsent(contractId, id -> jdbc.sql(
                        "SELECT contract_id, metric_code, effective_from, version_seq, sdg_target FROM sdg_rate_card_target "
                                + "WHERE contract_id = :contractId")
                .param("contractId", id)
                .query((rs, row) -> new RateCardRow(rs.getString("contract_id"), rs.getString("metric_code"),
                        rs.getObject("effective_from", LocalDate.class), rs.getLong("version_seq"), rs.getString("sdg_target")))
                .list());
        return metricCode == null ? rows : rows.stream().filter(r -> r.metricCode().equals(metricCode)).toList();
    }

    private static Outcome outcome(java.sql.ResultSet rs) throws java.sql.SQLException {
        String attributed = rs.getString("attributed");
        List<SdgTarget> targets = attributed.isEmpty() ? List.of()
                : java.util.Arrays.stream(attributed.split(",")).map(code -> SdgTarget.parse(code, "sdgTarget")).toList();
        return new Outcome(rs.getString("contract_id"), rs.getString("outcome_id"), rs.getString("fund_id"), rs.getString("beneficiary_id"),
                rs.getString("metric_code"), rs.getObject("outcome_date", LocalDate.class), rs.getString("currency"),
                rs.getString("sdg_targets"), targets, rs.getBigDecimal("verified"), rs.getBigDecimal("approved"),
                rs.getBigDecimal("paid"), OutcomeHistory.parse(rs.getString("history")));
    }

    private static String codes(List<SdgTarget> targets) {
        return targets.stream().map(SdgTarget::code).collect(Collectors.joining(","));
    }
}
