package org.impactledger.projections.nrrp;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Discrepancy;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Kind;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Line;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.MatchLine;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.PlanMeasure;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.TargetLine;

/**
 * The NRRP reconciliation as the JSON API gives it: the small parts whole (figures per CUP and
 * measure, targets, plan measures, the summary) and the long lists, discrepancies and matches, one
 * page of each. A {@code ...NextCursor} is {@code null} when that list has no more items after the
 * page; else it is asked for with {@code after} (discrepancies) or {@code matchesAfter}.
 *
 * @param materialised      true when read from the materialised reconciliation (then {@code knownAt} is the
 *                          instant it was computed for), false when computed for this question
 * @param readModelPosition the nrrp read model's position the materialised reconciliation was computed from
 *                          (null when computed on demand, or when the computing node did not know it)
 */
public record NrrpReconciliationPage(LocalDate asOf, Instant knownAt, boolean materialised, Long readModelPosition, int limit,
                                     List<Line> lines, Summary summary, List<Discrepancy> discrepancies, String discrepanciesNextCursor,
                                     List<MatchLine> matches, String matchesNextCursor, List<TargetLine> targets,
                                     List<PlanMeasure> planMeasures) {

    /**
     * Counts over the whole (filtered) reconciliation, not the page: discrepancies per kind (every
     * kind, in the list's order, with the sum of their amounts as listed, signed) and matches per rule.
     */
    public record Summary(long discrepancies, List<KindTotal> discrepanciesByKind, long matches, List<RuleTotal> matchesByRule) {
    }

    public record KindTotal(Kind kind, long count, BigDecimal amount) {
    }

    public record RuleTotal(String rule, long count) {
    }
}
