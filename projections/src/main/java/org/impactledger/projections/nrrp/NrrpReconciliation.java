package org.impactledger.projections.nrrp;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.impactledger.projections.nrrp.NrrpReconciliationPage.KindTotal;
import org.impactledger.projections.nrrp.NrrpReconciliationPage.RuleTotal;
import org.impactledger.projections.nrrp.NrrpReconciliationPage.Summary;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Discrepancy;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Kind;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Line;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.MatchLine;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.PlanMeasure;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.TargetLine;

/**
 * The whole reconciliation at one pair of time bounds, unfiltered, every list in the report's
 * order: what {@link NrrpReconciler} computes, what the materialised tables hold (one row per
 * element, its 1-based place in its list as {@code seq}), and what a filtered report or a page
 * is cut from. Filtering keeps that order, so a page's keyset ({@code seq}) means the same on
 * both paths and under any filter.
 *
 * @param matches every bank match with the CUP and measure of its payment (what the filters select by)
 */
public record NrrpReconciliation(LocalDate asOf, Instant knownAt, List<Line> lines, List<Discrepancy> discrepancies, List<Matched> matches,
                                 List<TargetLine> targets, List<PlanMeasure> planMeasures) {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** A bank match and where its payment belongs. */
    public record Matched(MatchLine match, String cup, String measure) {
    }

    /** Which part of the reconciliation a query asks for: one CUP and/or one measure (unique code), or (nulls) everything. */
    public record Filter(String cup, String measure) {

        public static final Filter ALL = new Filter(null, null);

        public boolean selects(String cup, String measure) {
            return (this.cup == null || this.cup.equals(cup)) && (this.measure == null || this.measure.equals(measure));
        }

        /** Plan measures are selected by their unique code alone: the plan's list has no CUP. */
        public boolean selectsPlanMeasure(PlanMeasure m) {
            return measure == null || measure.equals(m.uniqueCode());
        }
    }

    /** The report of the filter's part, every list whole. */
    public NrrpReconciliationReport report(Filter filter) {
        return new NrrpReconciliationReport(asOf, knownAt,
                lines.stream().filter(l -> filter.selects(l.cup(), l.measure())).toList(),
                discrepancies.stream().filter(d -> filter.selects(d.cup(), d.measure())).toList(),
                matches.stream().filter(m -> filter.selects(m.cup(), m.measure())).map(Matched::match).toList(),
                targets.stream().filter(t -> filter.selects(t.cup(), t.measure())).toList(),
                planMeasures.stream().filter(filter::selectsPlanMeasure).toList());
    }

    /**
     * One page of the filter's part, cut in memory: the discrepancies after {@code discrepanciesAfter}
     * and the matches after {@code matchesAfter} (seq; 0 for the first page), at most {@code limit}
     * of each, with the summary of the whole part. {@code generation} goes into the cursors (0: computed on demand).
     */
    public NrrpReconciliationPage page(Filter filter, int limit, long discrepanciesAfter, long matchesAfter, long generation, Long position) {
        List<Discrepancy> discrepancyPage = new ArrayList<>();
        long lastDiscrepancy = 0;
        boolean moreDiscrepancies = false;
        List<MatchLine> matchPage = new ArrayList<>();
        long lastMatch = 0;
        boolean moreMatches = false;
        Map<Kind, long[]> kindCounts = new TreeMap<>();
        Map<Kind, BigDecimal> kindAmounts = new TreeMap<>();
        Map<String, long[]> ruleCounts = new TreeMap<>();
        for (int i = 0; i < discrepancies.size(); i++) {
            Discrepancy d = discrepancies.get(i);
            if (!filter.selects(d.cup(), d.measure())) {
                continue;
            }
            kindCounts.computeIfAbsent(d.kind(), k -> new long[1])[0]++;
            kindAmounts.merge(d.kind(), d.amount(), BigDecimal::add);
            long seq = i + 1;
            if (seq > discrepanciesAfter) {
                if (discrepancyPage.size() < limit) {
                    discrepancyPage.add(d);
                    lastDiscrepancy = seq;
                } else {
                    moreDiscrepancies = true;
                }
            }
        }
        for (int i = 0; i < matches.size(); i++) {
            Matched m = matches.get(i);
            if (!filter.selects(m.cup(), m.measure())) {
                continue;
            }
            ruleCounts.computeIfAbsent(m.match().rule(), k -> new long[1])[0]++;
            long seq = i + 1;
            if (seq > matchesAfter) {
                if (matchPage.size() < limit) {
                    matchPage.add(m.match());
                    lastMatch = seq;
                } else {
                    moreMatches = true;
                }
            }
        }
        Map<Kind, KindTotal> byKind = new TreeMap<>();
        kindCounts.forEach((kind, count) -> byKind.put(kind, new KindTotal(kind, count[0], kindAmounts.get(kind))));
        Map<String, Long> byRule = new TreeMap<>();
        ruleCounts.forEach((rule, count) -> byRule.put(rule, count[0]));
        NrrpReconciliationReport whole = report(filter);
        return new NrrpReconciliationPage(asOf, knownAt, generation > 0, position, limit, whole.lines(), summary(byKind, byRule),
                discrepancyPage, moreDiscrepancies ? new NrrpCursor(NrrpCursor.DISCREPANCIES, generation, knownAt, asOf, lastDiscrepancy).encode() : null,
                matchPage, moreMatches ? new NrrpCursor(NrrpCursor.MATCHES, generation, knownAt, asOf, lastMatch).encode() : null,
                whole.targets(), whole.planMeasures());
    }

    /** The summary from totals per kind and per rule (absent: none): every kind listed, in the report's order. */
    static Summary summary(Map<Kind, KindTotal> byKind, Map<String, Long> byRule) {
        List<KindTotal> kinds = new ArrayList<>();
        long discrepancies = 0;
        for (Kind kind : Kind.values()) {
            KindTotal total = byKind.getOrDefault(kind, new KindTotal(kind, 0, ZERO));
            kinds.add(total);
            discrepancies += total.count();
        }
        List<RuleTotal> rules = new ArrayList<>();
        long matches = 0;
        for (Map.Entry<String, Long> rule : new TreeMap<>(byRule).entrySet()) {
            rules.add(new RuleTotal(rule.getKey(), rule.getValue()));
            matches += rule.getValue();
        }
        return new Summary(discrepancies, kinds, matches, rules);
    }
}
