package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.ok;

import java.util.ArrayList;
import java.util.List;
import org.impactledger.api.demo.DemoScenario;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.web.CommandDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class DemoScenarioTest extends IntegrationTest {

    @Autowired
    CommandDispatcher dispatcher;

    @Test
    void the_demo_seeds_outcomes_in_every_state_and_seeding_again_changes_nothing() {
        new DemoScenario(dispatcher).seed();
        long events = eventCount();

        new DemoScenario(dispatcher).seed();
        assertThat(eventCount()).isEqualTo(events);

        Eventually.holds(() -> {
            JsonNode fund = ok(http.get("/api/funds/torino-outcome-fund").send(), 200).json();
            // 500,000.00 paid in − 180,000.00 advanced + 8 payments (3 × 4,500.00 housing + 5 × 1,200.00 internships)
            assertThat(fund.get("cash").decimalValue()).isEqualByComparingTo("339500.00");
            assertThat(fund.get("latestNav").decimalValue()).isEqualByComparingTo("519500.00");
        });
        Eventually.holds(() -> {
            for (String status : new String[] {"REPORTED", "VERIFIED", "REJECTED", "APPROVED", "PAID"}) {
                JsonNode page = ok(http.get("/api/contracts/" + DemoScenario.HOUSING_FIRST + "/outcomes?status=" + status).send(), 200).json();
                JsonNode youth = ok(http.get("/api/contracts/" + DemoScenario.YOUTH_EMPLOYMENT + "/outcomes?status=" + status).send(), 200).json();
                assertThat(page.get("total").asLong() + youth.get("total").asLong()).as(status).isPositive();
            }
        });
        Eventually.holds(() -> {
            // the city's NRRP project: other tests' budgets share the demo's CUP, so only its own figures are checked
            JsonNode nrrp = ok(http.get("/api/reports/nrrp-reconciliation?cup=C11H22000110001&measure=M5C2I1.3").send(), 200).json();
            JsonNode line = nrrp.get("lines").get(0);
            assertThat(line.get("projects").get(0).asString()).isEqualTo("C11H22000110001:HF-TORINO-01:M5C2I1.03.00");
            assertThat(line.get("allocated").decimalValue()).isEqualByComparingTo("400000.00");
            assertThat(line.get("committed").decimalValue()).isEqualByComparingTo("300000.00");
            assertThat(line.get("reported").decimalValue()).isEqualByComparingTo("9000.00");
            List<String> matched = new ArrayList<>();
            nrrp.get("matches").forEach(m -> {
                if (m.get("statementId").asString().equals(DemoScenario.DEMO_STATEMENT)) {
                    matched.add(m.get("entryReference").asString() + ":" + m.get("rule").asString());
                }
            });
            assertThat(matched).containsExactlyInAnyOrder("HF-1:BANK_REFERENCE", "HF-2:BANK_REFERENCE", "HF-3:BANK_REFERENCE");
            JsonNode target = nrrp.get("targets").get(0);
            assertThat(target.get("targetId").asString()).isEqualTo("people-housed-2026");
            assertThat(target.get("achieved").decimalValue()).isEqualByComparingTo("5");
            assertThat(target.get("progressPercent").decimalValue()).isEqualByComparingTo("25.00");
        });
    }
}
