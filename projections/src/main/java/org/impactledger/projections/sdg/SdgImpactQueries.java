package org.impactledger.projections.sdg;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.impactledger.core.taxonomy.SdgGoal;
import org.impactledger.core.taxonomy.SdgTarget;
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

    public SdgImpactQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The report over every outcome or one fund's, with no {@code asOf} and as known at or after the
     * last recorded fact, is read from the totals the projection keeps ({@link SdgImpactTotals});
     * any other question (other filters, a business date, an earlier {@code knownAt}) is computed
     * from the facts. Both give the same answer on the same facts.
     */
    @QueryHandler
    public SdgImpactReport handle(SdgImpactQuery query) {
        return fromTotals(query).orElseGet(() -> fromFacts(query));
    }

    /** The report computed from the facts, whatever the question. */
    SdgImpactReport fromFacts(SdgImpactQuery query) {
        Where where = where(query);
        List<OutcomeFigures> outcomes = jdbc.sql("""
                        SELECT contract_id, outcome_id, beneficiary_id, metric_code, outcome_date, currency, sdg_targets,
                            SUM(verified_delta) AS verified, SUM(approved_delta) AS approved, SUM(paid_delta) AS paid
                        FROM sdg_outcome_fact
                        WHERE business_date <= :asOf AND recorded_at <= :knownAt""" + where.sql + """

                        GROUP BY contract_id, outcome_id, beneficiary_id, metric_code, outcome_date, currency, sdg_targets
                        ORDER BY contract_id, outcome_id""")
                .params(where.params)
                .query((rs, row) -> new OutcomeFigures(rs.getString("contract_id"), rs.getString("outcome_id"),
                        rs.getString("beneficiary_id"), rs.getString("metric_code"), rs.getObject("outcome_date", LocalDate.class),
                        rs.getString("currency"), rs.getString("sdg_targets"), rs.getBigDecimal("verified"),
                        rs.getBigDecimal("approved").setScale(2), rs.getBigDecimal("paid").setScale(2)))
                .list();
        RateCards rateCards = rateCards(where);

        // goal → target → (metric, currency) → outcomes, each level ordered as printed
        Map<Integer, Map<SdgTarget, Map<MetricKey, List<OutcomeFigures>>>> tree = new TreeMap<>();
        for (OutcomeFigures outcome : outcomes) {
            for (SdgTarget target : rateCards.targetsOf(outcome)) {
                tree.computeIfAbsent(target.goal(), g -> new TreeMap<>(TARGET_ORDER))
                        .computeIfAbsent(target, t -> new TreeMap<>())
                        .computeIfAbsent(new MetricKey(outcome.metricCode(), outcome.currency()), m -> new ArrayList<>())
                        .add(outcome);
            }
        }
        List<GoalLine> goals = new ArrayList<>();
        tree.forEach((goalNumber, targets) -> {
            List<TargetLine> targetLines = new ArrayList<>();
            Map<String, OutcomeFigures> goalOutcomes = new LinkedHashMap<>();
            targets.forEach((target, metrics) -> {
                List<MetricLine> metricLines = new ArrayList<>();
                Map<String, OutcomeFigures> targetOutcomes = new LinkedHashMap<>();
                metrics.forEach((metric, figures) -> {
                    metricLines.add(metricLine(metric, figures));
                    figures.forEach(o -> targetOutcomes.put(o.key(), o));
                });
                goalOutcomes.putAll(targetOutcomes);
                Summary summary = summary(targetOutcomes.values());
                targetLines.add(new TargetLine(target.code(), target.label(), summary.verifiedOutcomes(), summary.beneficiaries(),
                        summary.money(), metricLines));
            });
            Summary summary = summary(goalOutcomes.values());
            goals.add(new GoalLine(goalNumber, SdgGoal.of(goalNumber, "goal").label(), summary.verifiedOutcomes(), summary.beneficiaries(),
                    summary.money(), targetLines));
        });
        Summary all = summary(outcomes);
        TimeTravel time = query.timeTravel();
        return new SdgImpactReport(filters(query), time.asOf(), time.knownAt(), SdgImpactReport.ATTRIBUTION,
                new Totals(all.verifiedOutcomes(), all.beneficiaries(), all.money()), goals);
    }

    /**
     * The report read from the totals, if they can answer the question: no filter but the fund, no
     * {@code asOf}, and nothing recorded after {@code knownAt} (checked in the same statement, so on
     * the same snapshot as the totals it reads; MAX over the recorded_at indexes is one index probe
     * each, whatever the planner guesses for the bound); empty otherwise, or if the scope has no outcome.
     */
    Optional<SdgImpactReport> fromTotals(SdgImpactQuery query) {
        TimeTravel time = query.timeTravel();
        if (query.programme() != null || query.contractId() != null || query.payerId() != null || query.periodFrom() != null
                || query.periodTo() != null || time.asOf() != null) {
            return Optional.empty();
        }
        List<TotalsRow> rows = jdbc.sql("""
                        SELECT line_kind, goal, sdg_target, metric_code, currency, outcomes, verified_outcomes, beneficiaries, verified_quantity,
                            approved, paid,
                            CASE WHEN (SELECT MAX(recorded_at) FROM sdg_outcome_fact) > :knownAt
                                OR (SELECT MAX(recorded_at) FROM sdg_rate_card_target) > :knownAt THEN 1 ELSE 0 END AS stale
                        FROM sdg_impact_line WHERE scope_key = :scope""")
                .param("knownAt", utc(time.knownAt()))
                .param("scope", SdgImpactTotals.scope(query.fundId() == null ? null : query.fundId().value()))
                .query((rs, row) -> new TotalsRow(rs.getString("line_kind"), rs.getInt("goal"), rs.getString("sdg_target"),
                        rs.getString("metric_code"), rs.getString("currency"), rs.getLong("outcomes"), rs.getLong("verified_outcomes"),
                        rs.getLong("beneficiaries"), rs.getBigDecimal("verified_quantity"), rs.getBigDecimal("approved").setScale(2),
                        rs.getBigDecimal("paid").setScale(2), rs.getInt("stale") == 1))
                .list();
        if (rows.isEmpty() || rows.get(0).stale()) {
            return Optional.empty();
        }
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
        return Optional.of(new SdgImpactReport(filters(query), time.asOf(), time.knownAt(), SdgImpactReport.ATTRIBUTION,
                new Totals(verified(totalCells), beneficiaries.getOrDefault("T|0|", 0L), money(totalCells)), goals));
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

    /** One row of {@code sdg_impact_line}, as read for one scope. */
    private record TotalsRow(String kind, int goal, String target, String metric, String currency, long outcomes, long verified,
                             long beneficiaries, BigDecimal quantity, BigDecimal approved, BigDecimal paid, boolean stale) {
        String currencyOrNull() {
            return currency.isEmpty() ? null : currency;
        }
    }

    private static MetricLine metricLine(MetricKey metric, List<OutcomeFigures> figures) {
        List<OutcomeFigures> verified = figures.stream().filter(OutcomeFigures::isVerified).toList();
        BigDecimal quantity = verified.stream().map(OutcomeFigures::verified).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal approved = figures.stream().map(OutcomeFigures::approved).reduce(Amount.ZERO, BigDecimal::add);
        BigDecimal paid = figures.stream().map(OutcomeFigures::paid).reduce(Amount.ZERO, BigDecimal::add);
        long beneficiaries = verified.stream().map(OutcomeFigures::beneficiaryId).filter(Objects::nonNull).distinct().count();
        // no currency: no outcome payment (housing, exchange), so no money figures and no cost either
        boolean money = metric.currency() != null;
        return new MetricLine(metric.metricCode(), metric.currency(), verified.size(), plain(quantity), beneficiaries, money ? approved : null,
                money ? paid : null, money ? Amount.per(paid, quantity) : null);
    }

    /**
     * Counts and money over distinct outcomes; cost per verified outcome is paid ÷ verified outcomes of that currency.
     * Outcomes without a currency (housing, exchange: no outcome payment) count, but add no money line; outcomes without a
     * beneficiary (exchange) add no beneficiary.
     */
    private static Summary summary(Collection<OutcomeFigures> outcomes) {
        long verified = outcomes.stream().filter(OutcomeFigures::isVerified).count();
        long beneficiaries = outcomes.stream().filter(OutcomeFigures::isVerified).map(OutcomeFigures::beneficiaryId)
                .filter(Objects::nonNull).distinct().count();
        Map<String, List<OutcomeFigures>> byCurrency = outcomes.stream().filter(o -> o.currency() != null)
                .collect(Collectors.groupingBy(OutcomeFigures::currency, TreeMap::new, Collectors.toList()));
        List<Amounts> money = new ArrayList<>();
        byCurrency.forEach((currency, list) -> {
            BigDecimal approved = list.stream().map(OutcomeFigures::approved).reduce(Amount.ZERO, BigDecimal::add);
            BigDecimal paid = list.stream().map(OutcomeFigures::paid).reduce(Amount.ZERO, BigDecimal::add);
            long verifiedInCurrency = list.stream().filter(OutcomeFigures::isVerified).count();
            money.add(new Amounts(currency, approved, paid, Amount.per(paid, BigDecimal.valueOf(verifiedInCurrency))));
        });
        return new Summary(verified, beneficiaries, money);
    }

    private RateCards rateCards(Where where) {
        Map<String, List<RateCardRow>> rows = new HashMap<>();
        jdbc.sql("""
                        SELECT contract_id, metric_code, effective_from, version_seq, sdg_target FROM sdg_rate_card_target
                        WHERE recorded_at <= :knownAt AND contract_id IN (
                            SELECT contract_id FROM sdg_outcome_fact WHERE business_date <= :asOf AND recorded_at <= :knownAt""" + where.sql + ")")
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

    private record Summary(long verifiedOutcomes, long beneficiaries, List<Amounts> money) {
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
        String key() {
            return contractId + '\u0000' + outcomeId;
        }

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
