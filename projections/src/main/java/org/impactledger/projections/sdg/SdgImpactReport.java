package org.impactledger.projections.sdg;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The SDG impact report: a tree goal → target → metric, and totals over distinct outcomes.
 *
 * <p>Attribution, not summation: an outcome whose metric serves two targets counts in full under
 * each of them (and once under a goal that holds both), so the lines of the tree do not add up to
 * the totals; {@link #totals()} counts every outcome once.
 *
 * <p>Definitions (every figure is computed from the facts selected by the filters and by
 * {@code asOf}/{@code knownAt}; an outcome's figures are the sums of its facts):
 * <ul>
 *   <li>verified outcomes: outcomes whose net verified quantity is above zero;</li>
 *   <li>verified quantity (metric lines only, as units of different metrics do not add up): the net
 *       verified quantity of those outcomes;</li>
 *   <li>distinct beneficiaries: distinct beneficiaries of the verified outcomes;</li>
 *   <li>money approved and paid: net of reversals, per currency;</li>
 *   <li>cost per verified outcome: on a metric line, paid ÷ verified quantity (the metric's unit);
 *       on target, goal and total lines, paid ÷ verified outcomes. Scale 2, HALF_EVEN; {@code null}
 *       when the divisor is zero.</li>
 * </ul>
 */
public record SdgImpactReport(Filters filters, LocalDate asOf, Instant knownAt, String attribution, Totals totals, List<GoalLine> goals) {

    public static final String ATTRIBUTION = "An outcome counts in full under every SDG target its metric serves (attribution, not "
            + "summation): lines of the tree do not add up to the totals, which count each outcome once.";

    /** The filters the report was computed with, as understood ({@code null}: not filtered). */
    public record Filters(String programme, String fundId, String contractId, String payerId, LocalDate periodFrom, LocalDate periodTo) {
    }

    /** Money figures in one currency. */
    public record Amounts(String currency, BigDecimal approved, BigDecimal paid, BigDecimal costPerVerifiedOutcome) {
    }

    public record Totals(long verifiedOutcomes, long distinctBeneficiaries, List<Amounts> money) {
    }

    public record GoalLine(int goal, String label, long verifiedOutcomes, long distinctBeneficiaries, List<Amounts> money,
                           List<TargetLine> targets) {
    }

    public record TargetLine(String target, String label, long verifiedOutcomes, long distinctBeneficiaries, List<Amounts> money,
                             List<MetricLine> metrics) {
    }

    /** One metric in one currency under a target. */
    public record MetricLine(String metricCode, String currency, long verifiedOutcomes, BigDecimal verifiedQuantity,
                             long distinctBeneficiaries, BigDecimal moneyApproved, BigDecimal moneyPaid, BigDecimal costPerVerifiedOutcome) {
    }
}
