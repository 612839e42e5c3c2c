package org.impactledger.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.ok;

import java.time.Instant;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A payment of 4,500 (value date 2026-09-05) reversed with value date 2026-09-20: every report
 * asked as of the day before the reversal, or as known just before it was recorded, still shows
 * the payment, and the answers after it differ by exactly the reversed amount.
 */
class ReportTimeTravelTest extends IntegrationTest {

    @Test
    void answers_before_and_after_a_reversal_differ_by_exactly_the_reversed_amount() throws InterruptedException {
        DatedLedger ledger = DatedLedger.fundWithContract(http, unique("tt"), "50000.00", "30000.00");
        ledger.reportVerifyApprove("o-1", "ben-1", "2026-08-01", "2026-08-05", "2026-08-10", "2026-08-20");
        ledger.execute("o-1", "IT-TT-1", "2026-09-05");
        String chainPath = "/api/reports/outcome-payments/" + ledger.contractId + "/o-1";
        Eventually.holds(() -> assertThat(ok(http.get(chainPath).send(), 200).json().get("status").asString()).isEqualTo("PAID"));
        Instant beforeReversal = Instant.now();
        Thread.sleep(5);
        ledger.reverse("o-1", "beneficiary left the flat", "2026-09-20");
        Eventually.holds(() -> assertThat(ok(http.get(chainPath).send(), 200).json().get("status").asString()).isEqualTo("REVERSED"));
        String sdg = "/api/reports/sdg-impact?contractId=" + ledger.contractId;
        Eventually.holds(() -> assertThat(money(ok(http.get(sdg).send(), 200).json(), "paid")).isEqualByComparingTo("0.00"));
        String performance = "/api/reports/fund-performance/" + ledger.fundId;
        Eventually.holds(() -> assertThat(ok(http.get(performance).send(), 200).json().get("contracts").get(0).get("paid").decimalValue())
                .isEqualByComparingTo("0.00"));

        // SDG impact: paid and approved, as of the day before and the day of the reversal's value date
        JsonNode sdgBefore = ok(http.get(sdg + "&asOf=2026-09-19").send(), 200).json();
        JsonNode sdgAfter = ok(http.get(sdg + "&asOf=2026-09-20").send(), 200).json();
        assertThat(money(sdgBefore, "paid")).isEqualByComparingTo("4500.00");
        assertThat(money(sdgBefore, "paid").subtract(money(sdgAfter, "paid"))).isEqualByComparingTo("4500.00");
        assertThat(money(sdgBefore, "approved").subtract(money(sdgAfter, "approved"))).isEqualByComparingTo("4500.00");
        assertThat(sdgAfter.get("totals").get("verifiedOutcomes").asLong()).isEqualTo(1);
        // and as known just before the reversal was recorded
        assertThat(money(ok(http.get(sdg + "&knownAt=" + beforeReversal).send(), 200).json(), "paid")).isEqualByComparingTo("4500.00");
        // before the transfer's value date nothing was paid yet
        assertThat(money(ok(http.get(sdg + "&asOf=2026-09-04").send(), 200).json(), "paid")).isEqualByComparingTo("0.00");

        // fund performance: the contract, the payer's budget and the fund's cash
        JsonNode fundBefore = ok(http.get(performance + "?asOf=2026-09-19").send(), 200).json();
        JsonNode fundAfter = ok(http.get(performance + "?asOf=2026-09-20").send(), 200).json();
        assertThat(fundBefore.get("contracts").get(0).get("paid").decimalValue()).isEqualByComparingTo("4500.00");
        assertThat(fundBefore.get("contracts").get(0).get("remaining").decimalValue()).isEqualByComparingTo("25500.00");
        assertThat(difference(fundBefore.get("contracts").get(0), fundAfter.get("contracts").get(0), "approved")).isEqualByComparingTo("4500.00");
        assertThat(difference(fundBefore.get("budgets").get(0), fundAfter.get("budgets").get(0), "paid")).isEqualByComparingTo("4500.00");
        assertThat(difference(fundBefore.get("fundFlows"), fundAfter.get("fundFlows"), "cash")).isEqualByComparingTo("4500.00");
        assertThat(fundAfter.get("budgets").get(0).get("remaining").decimalValue()).isEqualByComparingTo("50000.00");
        JsonNode fundKnownBefore = ok(http.get(performance + "?knownAt=" + beforeReversal).send(), 200).json();
        assertThat(fundKnownBefore.get("outcomes").get("outcomePaymentsPaid").decimalValue()).isEqualByComparingTo("4500.00");
        assertThat(fundKnownBefore.get("outcomes").get("costPerVerifiedOutcome").decimalValue()).isEqualByComparingTo("4500.00");

        // the payment audit chain, as known before and after
        JsonNode chainBefore = ok(http.get(chainPath + "?knownAt=" + beforeReversal).send(), 200).json();
        JsonNode chainAfter = ok(http.get(chainPath).send(), 200).json();
        assertThat(chainBefore.get("status").asString()).isEqualTo("PAID");
        assertThat(chainBefore.get("corrections")).isEmpty();
        assertThat(chainAfter.get("corrections").get(0).get("reason").asString()).isEqualTo("beneficiary left the flat");
        assertThat(difference(chainBefore, chainAfter, "paidAmount")).isEqualByComparingTo("4500.00");
    }

    private static java.math.BigDecimal money(JsonNode sdgReport, String field) {
        JsonNode money = sdgReport.get("totals").get("money");
        return money.isEmpty() ? java.math.BigDecimal.ZERO : money.get(0).get(field).decimalValue();
    }

    private static java.math.BigDecimal difference(JsonNode before, JsonNode after, String field) {
        return before.get(field).decimalValue().subtract(after.get(field).decimalValue());
    }
}
