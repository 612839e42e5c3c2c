package org.impactledger.projections.sdg;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.impactledger.projections.sdg.SdgImpactReport.GoalLine;
import org.impactledger.projections.sdg.SdgImpactReport.MetricLine;
import org.impactledger.projections.sdg.SdgImpactReport.TargetLine;

/**
 * The SDG impact report as CSV (RFC 4180): a header row, then one row per goal, target and metric
 * (the leaves of the tree; a metric in two currencies gives two rows). Lines end with CRLF, decimals
 * use a dot and no grouping, empty cells mean "none" (a cost with nothing verified; the currency
 * of a housing or exchange outcome, which has no outcome payment), and a cell is
 * quoted when it holds a comma, a quote or a line break, with quotes doubled. Totals over distinct
 * outcomes are not a row: the rows attribute outcomes to every target they serve, so adding rows up
 * would count some outcomes twice (the JSON report carries the totals).
 */
public final class SdgImpactCsv {

    public static final List<String> HEADER = List.of("goal", "goal_label", "target", "target_label", "metric_code", "currency",
            "verified_outcomes", "verified_quantity", "distinct_beneficiaries", "money_approved", "money_paid", "cost_per_verified_outcome");

    private static final String CRLF = "\r\n";

    private SdgImpactCsv() {
    }

    public static String render(SdgImpactReport report) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        for (GoalLine goal : report.goals()) {
            for (TargetLine target : goal.targets()) {
                for (MetricLine metric : target.metrics()) {
                    // Arrays.asList: a housing or exchange metric has no currency (an empty cell)
                    row(csv, Arrays.asList(Integer.toString(goal.goal()), goal.label(), target.target(), target.label(), metric.metricCode(),
                            metric.currency(), Long.toString(metric.verifiedOutcomes()), decimal(metric.verifiedQuantity()),
                            Long.toString(metric.distinctBeneficiaries()), decimal(metric.moneyApproved()), decimal(metric.moneyPaid()),
                            decimal(metric.costPerVerifiedOutcome())));
                }
            }
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append(CRLF);
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
