package org.impactledger.projections.sdg;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryHandler;
import org.impactledger.core.taxonomy.SdgGoal;
import org.impactledger.core.taxonomy.SdgTarget;
import org.impactledger.infra.jdbc.Databases;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.sdg.SdgAttribution.RateCardRow;
import org.impactledger.projections.sdg.SdgImpactReport.Amounts;
import org.impactledger.projections.sdg.SdgImpactReport.GoalLine;
import org.impactledger.projections.sdg.SdgImpactReport.MetricLine;
import org.impactledger.projections.sdg.SdgImpactReport.TargetLine;
import org.impactledger.projections.sdg.SdgImpactReport.Totals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers {@link SdgImpactQuery} from the {@code sdg-impact} facts. SQL selects the facts (filters,
 * {@code business_date <= asOf}, {@code recorded_at <= knownAt}) and sums them per outcome; the
 * tree is built here, because an outcome must be attributed to every target of the rate card
 * version in force at its outcome date, as known at {@code knownAt}, and counted once per line.
 */
@Component
public class SdgImpactQueries {

    private final JdbcClient jdbc;
    /**
     * The order the outcomes are streamed in, by beneficiary: any order that keeps a beneficiary's
     * outcomes together counts alike, so on PostgreSQL the ids are compared byte by byte ({@code
     * COLLATE "C"}) rather than by the database's locale: 7.7 → 4.1 ms for one fund's report as of a
     * past date, 1.4 → 0.75 s for every fund's, at 1M events (bench/RESULTS.md, "fifteenth session").
     */
    private final String beneficiaryOrder;

    public SdgImpactQueries(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.beneficiaryOrder = Databases.isPostgreSql(dataSource)
                ? "beneficiary_id COLLATE \"C\" NULLS LAST, contract_id COLLATE \"C\", outcome_id COLLATE \"C\""
                : "beneficiary_id NULLS LAST, contract_id, outcome_id";
    }

    /**
     * The report over every outcome or one fund's, now or as of a past date, as known at or after the
     * last recorded fact, is read from the changes per date the projection keeps ({@link
     * SdgImpactTotals}); any other question (other filters, an earlier {@code knownAt}) is computed
     * from the facts. Both give the same answer on the same facts.
     */
    @QueryHandler
    public SdgImpactReport handle(SdgImpactQuery query) {
        return fromPeriods(query).orElseGet(() -> fromFacts(query));
    }

    /** Rows the driver fetches at a time when it streams the facts (inside the query's transaction). */
    static final int FETCH_SIZE = 2_000;

    /**
     * The report computed from the facts, whatever the question, in memory that does not grow with
     * the number of outcomes: the outcomes are summed per outcome by SQL and streamed in order of
     * beneficiary, and each line of the report keeps running figures only. An outcome's beneficiary
     * is counted once per line because all of that beneficiary's outcomes arrive one after the other,
     * so each line only remembers the last beneficiary it counted. (Collecting every outcome first
     * took the ledger's heap at 1M events: an {@code asOf} over every fund, bench/RESULTS.md.)
     */
    SdgImpactReport fromFacts(SdgImpactQuery query) {
        Where where = where(query);
        RateCards rateCards = rateCards(query, where);
        Tally total = new Tally();
        Map<Integer, Tally> goalTallies = new TreeMap<>();
        // goal → target → (metric, currency), each level ordered as printed
        Map<Integer, Map<SdgTarget, Tally>> targetTallies = new TreeMap<>();
        Map<SdgTarget, Map<MetricKey, MetricTally>> metricTallies = new HashMap<>();
        jdbc.sql("""
                        SELECT contract_id, outcome_id, beneficiary_id, metric_code, outcome_date, currency, sdg_targets,
                            SUM(verified_delta) AS verified, SUM(approved_delta) AS approved, SUM(paid_delta) AS paid
                        FROM sdg_outcome_fact
                        WHERE business_date <= :asOf AND recorded_at <= :knownAt""" + where.sql + """

                        GROUP BY contract_id, outcome_id, beneficiary_id, metric_code, outcome_date, currency, sdg_targets
                        ORDER BY\s""" + beneficiaryOrder)
                .params(where.params)
                .withFetchSize(FETCH_SIZE)
                .query(rs -> {
                    OutcomeFigures outcome = new OutcomeFigures(rs.getString("contract_id"), rs.getString("outcome_id"),
                            rs.getString("beneficiary_id"), rs.getString("metric_code"), rs.getObject("outcome_date", LocalDate.class),
                            rs.getString("currency"), rs.getString("sdg_targets"), rs.getBigDecimal("verified"),
                            rs.getBigDecimal("approved").setScale(2), rs.getBigDecimal("paid").setScale(2));
                    total.add(outcome);
                    Set<Integer> goals = new HashSet<>();
                    for (SdgTarget target : rateCards.targetsOf(outcome)) {
                        goals.add(target.goal());
                        targetTallies.computeIfAbsent(target.goal(), g -> new TreeMap<>(TARGET_ORDER))
                                .computeIfAbsent(target, t -> new Tally()).add(outcome);
                        metricTallies.computeIfAbsent(target, t -> new TreeMap<>())
                                .computeIfAbsent(new MetricKey(outcome.metricCode(), outcome.currency()), m -> new MetricTally())
                                .add(outcome);
                    }
                    // an outcome attributed to two targets of one goal counts once for the goal
                    goals.forEach(goal -> goalTallies.computeIfAbsent(goal, g -> new Tally()).add(outcome));
                });

        List<GoalLine> goals = new ArrayList<>();
        targetTallies.forEach((goalNumber, targets) -> {
            List<TargetLine> targetLines = new ArrayList<>();
            targets.forEach((target, tally) -> {
                List<MetricLine> metricLines = new ArrayList<>();
                metricTallies.get(target).forEach((metric, figures) -> metricLines.add(figures.line(metric)));
                targetLines.add(new TargetLine(target.code(), target.label(), tally.verified, tally.beneficiaries.count, tally.money(),
                        metricLines));
            });
            Tally goal = goalTallies.get(goalNumber);
            goals.add(new GoalLine(goalNumber, SdgGoal.of(goalNumber, "goal").label(), goal.verified, goal.beneficiaries.count, goal.money(),
                    targetLines));
        });
        TimeTravel time = query.timeTravel();
        return new SdgImpactReport(filters(query), time.asOf(), time.knownAt(), SdgImpactReport.ATTRIBUTION,
                new Totals(total.verified, total.beneficiaries.count, total.money()), goals);
    }

    /**
     * Distinct beneficiaries of verified outcomes seen in beneficiary order: a beneficiary is counted
     * when it differs from the last one counted. Outcomes without a beneficiary (exchange) add none.
     */
    private static final class DistinctInOrder {
        private String last;
        private long count;

        void see(OutcomeFigures outcome) {
            String beneficiary = outcome.beneficiaryId();
            if (outcome.isVerified() && beneficiary != null && !beneficiary.equals(last)) {
                last = beneficiary;
                count++;
            }
        }
    }

    /**
     * The running figures of a total, goal or target line: verified outcomes, their distinct
     * beneficiaries, and per currency the approved and paid amounts and the verified outcomes in that
     * currency (cost per verified outcome = paid ÷ those). Outcomes without a currency (housing,
     * exchange: no outcome payment) count, but add no money line.
     */
    private static final class Tally {
        private long verified;
        private final DistinctInOrder beneficiaries = new DistinctInOrder();
        private final Map<String, Money> money = new TreeMap<>();

        void add(OutcomeFigures outcome) {
            if (outcome.isVerified()) {
                verified++;
            }
            beneficiaries.see(outcome);
            if (outcome.currency() != null) {
                money.computeIfAbsent(outcome.currency(), c -> new Money()).add(outcome);
            }
        }

        List<Amounts> money() {
            List<Amounts> lines = new ArrayList<>();
            money.forEach((currency, m) -> lines.add(new Amounts(currency, m.approved, m.paid, Amount.per(m.paid, BigDecimal.valueOf(m.verified)))));
            return lines;
        }
    }

    private static final class Money {
        private BigDecimal approved = Amount.ZERO;
        private BigDecimal paid = Amount.ZERO;
        private long verified;

        void add(OutcomeFigures outcome) {
            approved = approved.add(outcome.approved());
            paid = paid.add(outcome.paid());
            if (outcome.isVerified()) {
                verified++;
            }
        }
    }

    /** The running figures of one (metric, currency) line under a target; the cost there is paid ÷ verified quantity. */
    private static final class MetricTally {
        private long verified;
        private BigDecimal quantity = BigDecimal.ZERO;
        private BigDecimal approved = Amount.ZERO;
        private BigDecimal paid = Amount.ZERO;
        private final DistinctInOrder beneficiaries = new DistinctInOrder();

        void add(OutcomeFigures outcome) {
            if (outcome.isVerified()) {
                verified++;
                quantity = quantity.add(outcome.verified());
            }
            approved = approved.add(outcome.approved());
            paid = paid.add(outcome.paid());
            beneficiaries.see(outcome);
        }

        MetricLine line(MetricKey metric) {
            // no currency: no outcome payment (housing, exchange), so no money figures and no cost either
            boolean money = metric.currency() != null;
            return new MetricLine(metric.metricCode(), metric.currency(), verified, plain(quantity), beneficiaries.count, money ? approved : null,
                    money ? paid : null, money ? Amount.per(paid, quantity) : null);
        }
    }

    /**
     * 1 if a fact or a rate card version was recorded after {@code :knownAt}, so that the figures the
     * projection keeps (which hold every fact) cannot answer as known then; else 0.
     */
    private static final String STALE = """
            CASE WHEN (SELECT MAX(recorded_at) FROM sdg_outcome_fact) > :knownAt
                OR (SELECT MAX(recorded_at) FROM sdg_rate_card_target) > :knownAt THEN 1 ELSE 0 END""";

    /** Whether the question filters by nothing but (perhaps) the fund: the scopes the kept figures have. */
    private static boolean fundTheOnlyFilter(SdgImpactQuery query) {
        return query.programme() == null && query.contractId() == null && query.payerId() == null && query.periodFrom() == null
                && query.periodTo() == null;
    }

    private static String scope(SdgImpactQuery query) {
        return SdgImpactTotals.scope(query.fundId() == null ? null : query.fundId().value());
    }

    /**
     * The report over every outcome or one fund's, as known at or after the last recorded fact and
     * rate card version, from the changes the projection keeps per business date ({@code
     * sdg_impact_line_period}, see {@link SdgImpactTotals}): as of now, the sum of every monthly row
     * of the scope; as of a past date ({@code asOf}), the sum of the monthly rows before its month and
     * of the daily rows from that month's first day up to {@code asOf}. The staleness check reads the
     * same snapshot as the rows (every query runs in one, {@code QuerySnapshotTransactionManager});
     * MAX over the recorded_at indexes is one index probe each. Empty for any other question. At 1M
     * events the report over every fund as of a past date from the facts summed 435,840 facts per
     * outcome at each request (bench/RESULTS.md, "sixteenth session").
     */
    Optional<SdgImpactReport> fromPeriods(SdgImpactQuery query) {
        TimeTravel time = query.timeTravel();
        if (!fundTheOnlyFilter(query)
                || jdbc.sql("SELECT " + STALE).param("knownAt", utc(time.knownAt())).query(Integer.class).single() == 1) {
            return Optional.empty();
        }
        String inBounds = time.asOf() == null ? "grain = 'M'"
                : "(grain = 'M' AND period_start < :month OR grain = 'D' AND period_start >= :month AND period_start <= :asOf)";
        var statement = jdbc.sql("SELECT line_kind, goal, sdg_target, metric_code, currency, SUM(outcomes) AS outcomes, "
                        + "SUM(verified_outcomes) AS verified_outcomes, SUM(beneficiaries) AS beneficiaries, "
                        + "SUM(verified_quantity) AS verified_quantity, SUM(approved) AS approved, SUM(paid) AS paid "
                        + "FROM sdg_impact_line_period WHERE scope_key = :scope AND " + inBounds
                        + " GROUP BY line_kind, goal, sdg_target, metric_code, currency")
                .param("scope", scope(query));
        if (time.asOf() != null) {
            statement = statement.param("month", time.asOf().withDayOfMonth(1)).param("asOf", time.asOf());
        }
        List<TotalsRow> rows = statement.query((rs, row) -> new TotalsRow(rs.getString("line_kind"), rs.getInt("goal"),
                        rs.getString("sdg_target"), rs.getString("metric_code"), rs.getString("currency"), rs.getLong("outcomes"),
                        rs.getLong("verified_outcomes"), rs.getLong("beneficiaries"), rs.getBigDecimal("verified_quantity"),
                        rs.getBigDecimal("approved").setScale(2), rs.getBigDecimal("paid").setScale(2)))
                .list();
        return Optional.of(fromCells(query, lines(rows)));
    }

    /**
     * The report's cells from the rows of {@code sdg_impact_line_period} summed: the figures of each set
     * of targets, metric and currency ({@link SdgImpactTotals#TARGETS}) go to the total, to each goal
     * and to each target's metric line (an outcome of targets 4.4 and 8.6 counts in the total once, in
     * goals 4 and 8 and in both targets' lines); each row of changes of distinct beneficiaries ({@link
     * SdgImpactTotals#BENEFICIARY_LINES}) adds its count to every line it names.
     */
    private static List<TotalsRow> lines(List<TotalsRow> rows) {
        Map<List<Object>, CellSums> cells = new LinkedHashMap<>();
        for (TotalsRow row : rows) {
            if (row.kind().equals(SdgImpactTotals.TARGETS)) {
                List<SdgTarget> targets = row.target().isEmpty() ? List.of()
                        : Arrays.stream(row.target().split(",")).map(code -> SdgTarget.parse(code, "sdgTarget")).toList();
                cell(cells, "T", 0, "", "", row.currency()).add(row);
                targets.stream().map(SdgTarget::goal).distinct().forEach(goal -> cell(cells, "G", goal, "", "", row.currency()).add(row));
                targets.forEach(target -> cell(cells, "M", target.goal(), target.code(), row.metric(), row.currency()).add(row));
            }
        }
        for (TotalsRow row : rows) {
            if (row.kind().equals(SdgImpactTotals.BENEFICIARY_LINES)) {
                for (SdgImpactTotals.Cell line : SdgImpactTotals.linesNamed(row.target(), row.metric(), row.currency())) {
                    cell(cells, line.kind(), line.goal(), line.target(), line.metric(), line.currency()).beneficiaries += row.beneficiaries();
                }
            }
        }
        List<TotalsRow> lines = new ArrayList<>();
        cells.forEach((key, c) -> lines.add(new TotalsRow((String) key.get(0), (Integer) key.get(1), (String) key.get(2), (String) key.get(3),
                (String) key.get(4), c.outcomes, c.verified, c.beneficiaries, c.quantity, c.approved, c.paid)));
        return lines;
    }

    private static CellSums cell(Map<List<Object>, CellSums> cells, String kind, int goal, String target, String metric, String currency) {
        return cells.computeIfAbsent(List.of(kind, goal, target, metric, currency), k -> new CellSums());
    }

    /** A report cell's figures summed from the rows per period. */
    private static final class CellSums {
        long outcomes;
        long verified;
        long beneficiaries;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal approved = Amount.ZERO;
        BigDecimal paid = Amount.ZERO;

        void add(TotalsRow row) {
            outcomes += row.outcomes();
            verified += row.verified();
            quantity = quantity.add(row.quantity());
            approved = approved.add(row.approved());
            paid = paid.add(row.paid());
        }
    }

    /** The report from its lines' figures ({@link #lines}). */
    private static SdgImpactReport fromCells(SdgImpactQuery query, List<TotalsRow> rows) {
        TimeTravel time = query.timeTravel();
        Map<String, Long> beneficiaries = new HashMap<>();
        List<TotalsRow> totalCells = new ArrayList<>();
        Map<Integer, List<TotalsRow>> goalCells = new HashMap<>();
        // goal → target → metric lines, each level ordered as printed
        Map<Integer, Map<SdgTarget, List<TotalsRow>>> tree = new TreeMap<>();
        for (TotalsRow row : rows) {
            if (row.currency().equals(SdgImpactTotals.BENEFICIARIES)) {
                beneficiaries.put(row.kind() + '|' + row.goal() + '|' + row.target(), row.beneficiaries());
            } else if (row.outcomes() > 0) {
                switch (row.kind()) {
                    case "T" -> totalCells.add(row);
                    case "G" -> goalCells.computeIfAbsent(row.goal(), g -> new ArrayList<>()).add(row);
                    case "M" -> tree.computeIfAbsent(row.goal(), g -> new TreeMap<>(TARGET_ORDER))
                            .computeIfAbsent(SdgTarget.parse(row.target(), "sdgTarget"), t -> new ArrayList<>()).add(row);
                    default -> throw new IllegalStateException("unknown line kind " + row.kind());
                }
            }
        }
        List<GoalLine> goals = new ArrayList<>();
        tree.forEach((goalNumber, targets) -> {
            List<TargetLine> targetLines = new ArrayList<>();
            targets.forEach((target, metricRows) -> {
                List<TotalsRow> ordered = metricRows.stream()
                        .sorted(Comparator.comparing((TotalsRow r) -> new MetricKey(r.metric(), r.currencyOrNull()))).toList();
                // no currency (housing, exchange): no outcome payment, so no money figures at all rather than zeros
                List<MetricLine> metricLines = ordered.stream().map(r -> new MetricLine(r.metric(), r.currencyOrNull(), r.verified(),
                        plain(r.quantity()), r.beneficiaries(), r.currencyOrNull() == null ? null : r.approved(),
                        r.currencyOrNull() == null ? null : r.paid(),
                        r.currencyOrNull() == null ? null : Amount.per(r.paid(), r.quantity()))).toList();
                targetLines.add(new TargetLine(target.code(), target.label(), verified(ordered),
                        beneficiaries.getOrDefault("S|" + goalNumber + '|' + target.code(), 0L), money(ordered), metricLines));
            });
            List<TotalsRow> cells = goalCells.getOrDefault(goalNumber, List.of());
            goals.add(new GoalLine(goalNumber, SdgGoal.of(goalNumber, "goal").label(), verified(cells),
                    beneficiaries.getOrDefault("G|" + goalNumber + '|', 0L), money(cells), targetLines));
        });
        return new SdgImpactReport(filters(query), time.asOf(), time.knownAt(), SdgImpactReport.ATTRIBUTION,
                new Totals(verified(totalCells), beneficiaries.getOrDefault("T|0|", 0L), money(totalCells)), goals);
    }

    private static long verified(List<TotalsRow> cells) {
        return cells.stream().mapToLong(TotalsRow::verified).sum();
    }

    /** Money per currency over cells (each outcome in exactly one cell): cost per verified outcome = paid ÷ verified outcomes. */
    private static List<Amounts> money(List<TotalsRow> cells) {
        Map<String, List<TotalsRow>> byCurrency = cells.stream().filter(c -> c.currencyOrNull() != null)
                .collect(Collectors.groupingBy(TotalsRow::currency, TreeMap::new, Collectors.toList()));
        List<Amounts> money = new ArrayList<>();
        byCurrency.forEach((currency, list) -> {
            BigDecimal approved = list.stream().map(TotalsRow::approved).reduce(Amount.ZERO, BigDecimal::add);
            BigDecimal paid = list.stream().map(TotalsRow::paid).reduce(Amount.ZERO, BigDecimal::add);
            money.add(new Amounts(currency, approved, paid, Amount.per(paid, BigDecimal.valueOf(verified(list)))));
        });
        return money;
    }

    /** A line of the report for one scope (kind T, G, M, or S and the others with currency {@link SdgImpactTotals#BENEFICIARIES}), or a row of {@code sdg_impact_line_period} summed. */
    private record TotalsRow(String kind, int goal, String target, String metric, String currency, long outcomes, long verified,
                             long beneficiaries, BigDecimal quantity, BigDecimal approved, BigDecimal paid) {
        String currencyOrNull() {
            return currency.isEmpty() ? null : currency;
        }
    }

    /**
     * The rate card versions known at {@code knownAt} of the Outcome Fund contracts the question can
     * take in: those of its fund, payer or contract ({@code sdg_contract}, a row per contract), all of
     * them without these filters, none when it asks for another programme only (their outcomes carry
     * their targets). A contract without an outcome in bounds adds rows that no outcome looks up.
     * (Selecting the contracts of the outcomes in bounds read the facts a second time: 174.6 ms warm
     * over every fund at 1M events, against 3.1 ms this way; bench/RESULTS.md, "fourteenth session".)
     */
    private RateCards rateCards(SdgImpactQuery query, Where where) {
        Map<String, List<RateCardRow>> rows = new HashMap<>();
        if (query.programme() != null && query.programme() != Programme.OUTCOME_FUND) {
            return new RateCards(rows);
        }
        StringBuilder contracts = new StringBuilder("SELECT contract_id FROM sdg_contract WHERE 1 = 1");
        if (query.fundId() != null) {
            contracts.append(" AND fund_id = :fundId");
        }
        if (query.payerId() != null) {
            contracts.append(" AND payer_id = :payerId");
        }
        if (query.contractId() != null) {
            contracts.append(" AND contract_id = :contractId");
        }
        jdbc.sql("""
                        SELECT contract_id, metric_code, effective_from, version_seq, sdg_target FROM sdg_rate_card_target
                        WHERE recorded_at <= :knownAt AND contract_id IN (""" + contracts + ")")
                .params(where.params)
                .query((rs, row) -> new RateCardRow(rs.getString("contract_id"), rs.getString("metric_code"),
                        rs.getObject("effective_from", LocalDate.class), rs.getLong("version_seq"), rs.getString("sdg_target")))
                .list()
                .forEach(r -> rows.computeIfAbsent(r.contractId() + '\u0000' + r.metricCode(), k -> new ArrayList<>()).add(r));
        return new RateCards(rows);
    }

    private static Where where(SdgImpactQuery query) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("asOf", query.timeTravel().asOfOrEndOfTime());
        params.put("knownAt", utc(query.timeTravel().knownAt()));
        if (query.programme() != null) {
            sql.append(" AND programme = :programme");
            params.put("programme", query.programme().name());
        }
        if (query.fundId() != null) {
            sql.append(" AND fund_id = :fundId");
            params.put("fundId", query.fundId().value());
        }
        if (query.contractId() != null) {
            sql.append(" AND contract_id = :contractId");
            params.put("contractId", query.contractId().value());
        }
        if (query.payerId() != null) {
            sql.append(" AND payer_id = :payerId");
            params.put("payerId", query.payerId().value());
        }
        if (query.periodFrom() != null) {
            sql.append(" AND outcome_date >= :periodFrom");
            params.put("periodFrom", query.periodFrom());
        }
        if (query.periodTo() != null) {
            sql.append(" AND outcome_date <= :periodTo");
            params.put("periodTo", query.periodTo());
        }
        return new Where(sql.toString(), params);
    }

    private static SdgImpactReport.Filters filters(SdgImpactQuery query) {
        return new SdgImpactReport.Filters(
                query.programme() == null ? null : query.programme().name(),
                query.fundId() == null ? null : query.fundId().value(),
                query.contractId() == null ? null : query.contractId().value(),
                query.payerId() == null ? null : query.payerId().value(),
                query.periodFrom(), query.periodTo());
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static final Comparator<SdgTarget> TARGET_ORDER = SdgAttribution.TARGET_ORDER;

    private record Where(String sql, Map<String, Object> params) {
    }

    private record MetricKey(String metricCode, String currency) implements Comparable<MetricKey> {
        @Override
        public int compareTo(MetricKey other) {
            return Comparator.comparing(MetricKey::metricCode)
                    .thenComparing(MetricKey::currency, Comparator.nullsFirst(Comparator.naturalOrder())).compare(this, other);
        }
    }

    /** One outcome's facts summed up; {@code sdgTargets} set (comma-separated) for outcomes whose targets are fixed on the fact. */
    private record OutcomeFigures(String contractId, String outcomeId, String beneficiaryId, String metricCode, LocalDate outcomeDate,
                                  String currency, String sdgTargets, BigDecimal verified, BigDecimal approved, BigDecimal paid) {
        boolean isVerified() {
            return verified.signum() > 0;
        }
    }

    /** The rate card versions known at {@code knownAt} (Outcome Fund outcomes; the others carry their targets): see {@link SdgAttribution}. */
    private record RateCards(Map<String, List<RateCardRow>> byContractAndMetric) {
        Set<SdgTarget> targetsOf(OutcomeFigures outcome) {
            return SdgAttribution.targets(outcome.sdgTargets(), outcome.outcomeDate(),
                    outcome.sdgTargets() != null ? List.of()
                            : byContractAndMetric.getOrDefault(outcome.contractId() + '\u0000' + outcome.metricCode(), List.of()));
        }
    }

    /** Money arithmetic of the report: cents, and divisions at scale 2 rounded HALF_EVEN. */
    static final class Amount {
        static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

        private Amount() {
        }

        /** {@code amount ÷ divisor} at scale 2, HALF_EVEN; {@code null} when the divisor is zero. */
        static BigDecimal per(BigDecimal amount, BigDecimal divisor) {
            return divisor.signum() == 0 ? null : amount.divide(divisor, 2, RoundingMode.HALF_EVEN);
        }
    }
}
