package org.impactledger.projections.sdg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.impactledger.projections.sdg.SdgImpactReport.Amounts;
import org.impactledger.projections.sdg.SdgImpactReport.GoalLine;
import org.impactledger.projections.sdg.SdgImpactReport.MetricLine;
import org.impactledger.projections.sdg.SdgImpactReport.TargetLine;
import org.impactledger.projections.sdg.SdgImpactReport.Totals;
import org.junit.jupiter.api.Test;

/** The report's CSV form: header, one row per goal/target/metric, RFC 4180 quoting, dot decimals, empty cells for "none". */
class SdgImpactCsvTest {

    @Test
    void each_metric_line_is_a_row_under_one_header_with_labels_quoted_where_they_hold_commas() {
        MetricLine housed = new MetricLine("HOUSED-6M", "EUR", 2, new BigDecimal("2"), 2, new BigDecimal("9000.00"),
                new BigDecimal("4500.00"), new BigDecimal("2250.00"));
        MetricLine unverified = new MetricLine("JOB-QUARTER", "EUR", 0, new BigDecimal("0"), 0, new BigDecimal("0.00"),
                new BigDecimal("0.00"), null);
        List<Amounts> money = List.of(new Amounts("EUR", new BigDecimal("9000.00"), new BigDecimal("4500.00"), new BigDecimal("2250.00")));
        SdgImpactReport report = new SdgImpactReport(null, null, Instant.parse("2026-11-28T00:00:00Z"), SdgImpactReport.ATTRIBUTION,
                new Totals(2, 2, money), List.of(
                new GoalLine(1, "No poverty", 2, 2, money, List.of(
                        new TargetLine("1.2", "At least halve poverty in all its dimensions, by national definitions", 2, 2, money,
                                List.of(housed, unverified)))),
                new GoalLine(11, "Sustainable cities and communities", 2, 2, money, List.of(
                        new TargetLine("11.1", "Say \"home\", safely", 2, 2, money, List.of(housed))))));

        String csv = SdgImpactCsv.render(report);

        assertThat(csv).isEqualTo(String.join("\r\n",
                "goal,goal_label,target,target_label,metric_code,currency,verified_outcomes,verified_quantity,distinct_beneficiaries,"
                        + "money_approved,money_paid,cost_per_verified_outcome",
                "1,No poverty,1.2,\"At least halve poverty in all its dimensions, by national definitions\",HOUSED-6M,EUR,2,2,2,9000.00,4500.00,2250.00",
                "1,No poverty,1.2,\"At least halve poverty in all its dimensions, by national definitions\",JOB-QUARTER,EUR,0,0,0,0.00,0.00,",
                "11,Sustainable cities and communities,11.1,\"Say \"\"home\"\", safely\",HOUSED-6M,EUR,2,2,2,9000.00,4500.00,2250.00",
                ""));
    }

    @Test
    void an_empty_report_is_the_header_alone() {
        SdgImpactReport report = new SdgImpactReport(null, null, Instant.EPOCH, SdgImpactReport.ATTRIBUTION, new Totals(0, 0, List.of()),
                List.of());

        assertThat(SdgImpactCsv.render(report).split("\r\n")).containsExactly(String.join(",", SdgImpactCsv.HEADER));
    }

    @Test
    void large_amounts_are_written_in_plain_dot_notation_without_grouping_or_exponent() {
        MetricLine line = new MetricLine("M", "EUR", 1, new BigDecimal("1E+3"), 1, new BigDecimal("1234567.50"),
                new BigDecimal("1234567.50"), new BigDecimal("1234.57"));
        SdgImpactReport report = new SdgImpactReport(null, null, Instant.EPOCH, "", new Totals(1, 1, List.of()), List.of(
                new GoalLine(1, "No poverty", 1, 1, List.of(), List.of(new TargetLine("1.1", "x", 1, 1, List.of(), List.of(line))))));

        assertThat(SdgImpactCsv.render(report)).endsWith(",M,EUR,1,1000,1,1234567.50,1234567.50,1234.57\r\n");
    }

    @Test
    void a_metric_without_currency_has_an_empty_currency_and_cost_cell() {
        MetricLine months = new MetricLine("HOUSING.STABLE_HOUSING_MONTHS", null, 4, new BigDecimal("4"), 3, new BigDecimal("0.00"),
                new BigDecimal("0.00"), null);
        SdgImpactReport report = new SdgImpactReport(null, null, Instant.EPOCH, "", new Totals(4, 3, List.of()), List.of(
                new GoalLine(11, "Sustainable cities and communities", 4, 3, List.of(),
                        List.of(new TargetLine("11.1", "x", 4, 3, List.of(), List.of(months))))));

        assertThat(SdgImpactCsv.render(report)).endsWith(",HOUSING.STABLE_HOUSING_MONTHS,,4,4,3,0.00,0.00,\r\n");
    }
}
