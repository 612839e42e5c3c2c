package org.impactledger.api.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Recomputes an IRR from the cash flows a report lists ({@code cashFlows}: date and amount), apart
 * from the ledger's own solver: plain bisection of NPV(r) = Σ aᵢ / (1 + r)^(dᵢ / 365) between −99 %
 * and 1,000 %, which brackets the one rate of flows with one sign change. So a test can check that
 * the IRR a report gives is the IRR of the flows it shows.
 */
final class ListedFlows {

    private ListedFlows() {
    }

    static BigDecimal xirr(JsonNode cashFlows) {
        List<LocalDate> dates = new ArrayList<>();
        List<Double> amounts = new ArrayList<>();
        cashFlows.forEach(f -> {
            dates.add(LocalDate.parse(f.get("date").asString()));
            amounts.add(f.get("amount").decimalValue().doubleValue());
        });
        LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow();
        double low = -0.99;
        double high = 10;
        if (Math.signum(npv(dates, amounts, first, low)) == Math.signum(npv(dates, amounts, first, high))) {
            throw new AssertionError("the listed flows have no IRR between −99 % and 1,000 %: " + cashFlows);
        }
        for (int i = 0; i < 200; i++) {
            double mid = (low + high) / 2;
            if (Math.signum(npv(dates, amounts, first, mid)) == Math.signum(npv(dates, amounts, first, low))) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return BigDecimal.valueOf((low + high) / 2).setScale(6, RoundingMode.HALF_EVEN);
    }

    private static double npv(List<LocalDate> dates, List<Double> amounts, LocalDate first, double rate) {
        double sum = 0;
        for (int i = 0; i < dates.size(); i++) {
            sum += amounts.get(i) / Math.pow(1 + rate, ChronoUnit.DAYS.between(first, dates.get(i)) / 365.0);
        }
        return sum;
    }
}
