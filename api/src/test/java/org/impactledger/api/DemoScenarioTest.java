package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.ok;

import java.time.Duration;
import org.impactledger.api.demo.DemoHomes4All;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import org.impactledger.api.demo.DemoScenario;
import org.impactledger.api.demo.ExchangeDemoScenario;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.web.CommandDispatcher;
import org.impactledger.api.web.DateWindow;
import org.impactledger.api.web.DateWindows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class DemoScenarioTest extends IntegrationTest {

    @Autowired
    CommandDispatcher dispatcher;

    @Autowired
    DateWindows dates;

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
            // the city's NRRP project for Housing First (the Homes4All projects: NrrpReconciliationTest)
            JsonNode nrrp = ok(http.get("/api/reports/nrrp-reconciliation?cup=C11H22000110001&measure=M5C2I1.3").send(), 200).json();
            JsonNode line = nrrp.get("lines").get(0);
            assertThat(line.get("projects").get(0).asString()).isEqualTo("C11H22000110001:HF-TORINO-01:M5C2I1.03.00");
            assertThat(line.get("allocated").decimalValue()).isEqualByComparingTo("400000.00");
            assertThat(line.get("committed").decimalValue()).isEqualByComparingTo("300000.00");
            assertThat(line.get("paid").decimalValue()).isEqualByComparingTo("13500.00");
            assertThat(line.get("reported").decimalValue()).isEqualByComparingTo("9000.00");
            assertThat(line.get("confirmedByBank").decimalValue()).isEqualByComparingTo("13500.00");
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

    /**
     * The Homes4All slice as of 30 June 2026 (see DemoHomes4All), worked out by hand. Leases, rent /
     * market rent a month, months charged March–June from their first month:
     * district 6: c1 390/620 from March, c2 480/780 from March, c4 520/850 from April, C3 vacant;
     * district 7: v1 350/560 from March (ended 30 June, to autonomous housing), v2 430/690 from April
     * (200 of May and none of June paid), V3 vacant; district 8: n1 400/640 from April, n2 470/760 from May.
     */
    @Test
    void the_demo_seeds_a_homes4all_fund_whose_housing_report_is_hand_checked() {
        new DemoScenario(dispatcher).seed();

        Eventually.holds(() -> {
            JsonNode fund = ok(http.get("/api/funds/" + DemoHomes4All.FUND).send(), 200).json();
            // 1,750,000.00 paid in − 1,135,000.00 for three buildings by March − 450,000.00 for two in September (NRRP)
            // + 9,210.00 rent collected (net of the returned debit)
            assertThat(fund.get("propertyAcquisitions").decimalValue()).isEqualByComparingTo("1585000.00");
            assertThat(fund.get("rentIncome").decimalValue()).isEqualByComparingTo("9210.00");
            assertThat(fund.get("cash").decimalValue()).isEqualByComparingTo("174210.00");
        });
        JsonNode report = Eventually.within(Duration.ofSeconds(15), () -> {
            JsonNode r = ok(http.get("/api/reports/housing?fundId=" + DemoHomes4All.FUND + "&asOf=2026-06-30").send(), 200).json();
            assertThat(r.get("currencies").get(0).get("total").get("exitsToAutonomy").asInt()).isEqualTo(1); // the last tenancy event is in
            assertThat(r.get("currencies").get(0).get("total").get("propertiesValued").asInt()).isEqualTo(2); // and the last valuation
            return r;
        }).get("currencies").get(0);
        JsonNode d6 = report.get("districts").get(0);
        JsonNode d7 = report.get("districts").get(1);
        JsonNode d8 = report.get("districts").get(2);
        JsonNode total = report.get("total");

        assertThat(d6.get("district").asString()).isEqualTo("6");
        assertThat(d6.get("units").asInt()).isEqualTo(4);
        assertThat(d6.get("occupancyRate").decimalValue()).isEqualByComparingTo("0.7500");        // 3 / 4
        assertThat(d6.get("rentDue").decimalValue()).isEqualByComparingTo("5040.00");             // 4 × 390 + 4 × 480 + 3 × 520
        assertThat(d6.get("rentCollected").decimalValue()).isEqualByComparingTo("5040.00");
        assertThat(d6.get("averageDiscountToMarket").decimalValue()).isEqualByComparingTo("0.3822"); // (2,250 − 1,390) / 2,250 = 0.38222…
        assertThat(d6.get("monthsOfStableHousing").asLong()).isEqualTo(11);                      // 4 + 4 + 3
        assertThat(d6.get("latestValuation").decimalValue()).isEqualByComparingTo("505000.00");

        assertThat(d7.get("district").asString()).isEqualTo("7");
        assertThat(d7.get("occupiedUnits").asInt()).isEqualTo(1);
        assertThat(d7.get("occupancyRate").decimalValue()).isEqualByComparingTo("0.3333");        // 1 / 3
        assertThat(d7.get("rentDue").decimalValue()).isEqualByComparingTo("2690.00");             // 4 × 350 + 3 × 430
        assertThat(d7.get("rentCollected").decimalValue()).isEqualByComparingTo("2030.00");       // 1,400 + 430 + 200
        assertThat(d7.get("arrears").decimalValue()).isEqualByComparingTo("660.00");
        assertThat(d7.get("collectionRate").decimalValue()).isEqualByComparingTo("0.7546");       // 2,030 / 2,690 = 0.75464…
        assertThat(d7.get("averageDiscountToMarket").decimalValue()).isEqualByComparingTo("0.3768"); // (690 − 430) / 690 = 0.37681…
        assertThat(d7.get("householdsHoused").asInt()).isEqualTo(2);
        assertThat(d7.get("monthsOfStableHousing").asLong()).isEqualTo(7);                       // v1 4 (to 30 June) + v2 3
        assertThat(d7.get("tenanciesEnded").get("MOVED_TO_AUTONOMOUS_HOUSING").asInt()).isEqualTo(1);

        assertThat(d8.get("district").asString()).isEqualTo("8");
        assertThat(d8.get("occupancyRate").decimalValue()).isEqualByComparingTo("1.0000");
        assertThat(d8.get("rentDue").decimalValue()).isEqualByComparingTo("2140.00");             // 3 × 400 + 2 × 470
        assertThat(d8.get("averageDiscountToMarket").decimalValue()).isEqualByComparingTo("0.3786"); // 530 / 1,400 = 0.37857…
        assertThat(d8.get("propertiesValued").asInt()).isZero();

        assertThat(total.get("properties").asInt()).isEqualTo(3);
        assertThat(total.get("units").asInt()).isEqualTo(9);
        assertThat(total.get("occupiedUnits").asInt()).isEqualTo(6);
        assertThat(total.get("occupancyRate").decimalValue()).isEqualByComparingTo("0.6667");     // 6 / 9
        assertThat(total.get("rentDue").decimalValue()).isEqualByComparingTo("9870.00");
        assertThat(total.get("rentCollected").decimalValue()).isEqualByComparingTo("9210.00");
        assertThat(total.get("arrears").decimalValue()).isEqualByComparingTo("660.00");
        assertThat(total.get("collectionRate").decimalValue()).isEqualByComparingTo("0.9331");    // 9,210 / 9,870 = 0.93313…
        assertThat(total.get("monthlyRent").decimalValue()).isEqualByComparingTo("2690.00");
        assertThat(total.get("marketRent").decimalValue()).isEqualByComparingTo("4340.00");
        assertThat(total.get("averageDiscountToMarket").decimalValue()).isEqualByComparingTo("0.3802"); // 1,650 / 4,340 = 0.38018…
        assertThat(total.get("householdsHoused").asInt()).isEqualTo(7);
        assertThat(total.get("monthsOfStableHousing").asLong()).isEqualTo(23);
        assertThat(total.get("exitsToAutonomy").asInt()).isEqualTo(1);
        assertThat(total.get("acquisitionCost").decimalValue()).isEqualByComparingTo("1135000.00");
        assertThat(total.get("latestValuation").decimalValue()).isEqualByComparingTo("877000.00");
    }

    /** The exchange slice; every figure is worked out in {@link ExchangeDemoScenario}'s Javadoc. */
    @Test
    void the_demo_seeds_an_exchange_with_a_pro_rata_allocation_trades_income_and_verified_outcomes() {
        new DemoScenario(dispatcher).seed();

        Eventually.holds(() -> {
            JsonNode share = ok(http.get("/api/exchange/instruments/" + ExchangeDemoScenario.SHARE).send(), 200).json();
            JsonNode offering = share.get("offerings").get(0);
            assertThat(offering.get("unitsSubscribed").asLong()).isEqualTo(13_000);
            assertThat(offering.get("unitsAllocated").asLong()).isEqualTo(10_000);
            assertThat(share.get("instrument").get("tradeCount").asLong()).isEqualTo(3);
            assertThat(share.get("instrument").get("incomePaid").decimalValue()).isEqualByComparingTo("4250.00");
        });
        // the allocation, as of the closing day: 10,000 × subscribed ÷ 13,000 rounded down, the 3 units left to the largest fractions
        Map<String, Long> allocated = Map.of("investor-foundation-nord", 4615L, "investor-impact-bank", 3077L, "investor-welfare-fund", 1923L,
                "investor-retail-giulia", 231L, "investor-retail-marco", 154L);
        Eventually.holds(() -> allocated.forEach((investor, units) -> assertThat(shareUnits(investor, "?asOf=2026-03-16")).as(investor).isEqualTo(units)));

        // after the trades, the dividend and the coupon
        JsonNode foundation = ok(http.get("/api/exchange/accounts/investor-foundation-nord").send(), 200).json();
        // 250,000.00 − 115,375.00 − 100,000.00 − 10,400.00 + 2,131.38 + 1,750.00
        assertThat(foundation.get("cash").decimalValue()).isEqualByComparingTo("28106.38");
        assertThat(shareUnits("investor-foundation-nord", "")).isEqualTo(4615 + 400);
        JsonNode welfare = ok(http.get("/api/exchange/accounts/investor-welfare-fund").send(), 200).json();
        // 120,000.00 − 48,075.00 − 40,000.00 − 1,290.00 + 838.52 + 700.00; 250 × 25.80 still bid
        assertThat(welfare.get("cash").decimalValue()).isEqualByComparingTo("32173.52");
        assertThat(welfare.get("reserved").decimalValue()).isEqualByComparingTo("6450.00");
        assertThat(shareUnits("investor-impact-bank", "")).isEqualTo(3077 - 100 - 400);
        JsonNode book = ok(http.get("/api/exchange/instruments/" + ExchangeDemoScenario.SHARE + "/order-book").send(), 200).json();
        assertThat(book.get("bids").get(0).get("quantity").asLong()).isEqualTo(250);
        assertThat(book.get("asks")).isEmpty();

        Eventually.holds(() -> {
            JsonNode impact = ok(http.get("/api/exchange/accounts/investor-foundation-nord/portfolio-impact").send(), 200).json();
            JsonNode cer = impact.get("issuers").get(0);
            assertThat(cer.get("issuerId").asString()).isEqualTo(ExchangeDemoScenario.CER_TORINO_NORD.value());
            // 1,000 of 1,400 bonds = 5/7; 412.50 MWh × 5/7 = 294.642857… rounded down to 4 decimals
            assertThat(cer.get("share").decimalValue()).isEqualByComparingTo("0.71428571");
            assertThat(cer.get("outcomes").get(1).get("metricCode").asString()).isEqualTo("RENEWABLE-MWH");
            assertThat(cer.get("outcomes").get(1).get("attributedQuantity").decimalValue()).isEqualByComparingTo("294.6428");
            // 5,015 of 10,000 shares; 22 verified placements × 0.5015
            JsonNode lavoro = impact.get("issuers").get(1);
            assertThat(lavoro.get("share").decimalValue()).isEqualByComparingTo("0.5015");
            assertThat(lavoro.get("outcomes").get(0).get("attributedQuantity").decimalValue()).isEqualByComparingTo("11.0330");
        });
        JsonNode lavoro = ok(http.get("/api/exchange/issuers/" + ExchangeDemoScenario.LAVORO_INSIEME).send(), 200).json();
        assertThat(lavoro.get("issuer").get("outcomesVerified").asLong()).isEqualTo(1);
        assertThat(lavoro.get("issuer").get("outcomesRejected").asLong()).isEqualTo(1);
    }

    /**
     * The demo sends its commands itself, past the request bodies' validation: every date it records
     * — in an event or as its business date — lies within the date window all the same (a term's date
     * within a term's reach: the demo's furthest is a contract ending 2028-12-31).
     */
    @Test
    void every_date_the_demo_records_lies_within_the_ledgers_date_window() {
        new DemoScenario(dispatcher).seed();
        java.util.regex.Pattern date = java.util.regex.Pattern.compile("\"([+-]?\\d{4,}-\\d{2}-\\d{2})\"");
        List<String[]> rows = jdbc.sql("select convert_from(payload, 'UTF8'), convert_from(meta_data, 'UTF8') from domain_event_entry "
                        + "where convert_from(meta_data, 'UTF8') like '%\"correlationId\":\"demo-%'")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        assertThat(rows).hasSizeGreaterThan(200);
        int checked = 0;
        for (String[] row : rows) {
            for (int column = 0; column < 2; column++) {
                java.util.regex.Matcher m = date.matcher(row[column]);
                while (m.find()) {
                    java.time.LocalDate found = java.time.LocalDate.parse(m.group(1));
                    // metadata holds the business date: a fact's date; a payload may hold a term's
                    DateWindow.Reach reach = column == 1 ? DateWindow.Reach.FACT : DateWindow.Reach.TERM;
                    assertThat(dates.contains(found, reach)).as(found + " in " + row[column]).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(rows.size());
    }

    private long shareUnits(String investor, String query) {
        JsonNode holdings = ok(http.get("/api/exchange/accounts/" + investor + query).send(), 200).json();
        for (JsonNode position : holdings.get("positions")) {
            if (position.get("instrumentId").asString().equals(ExchangeDemoScenario.SHARE.value())) {
                return position.get("units").asLong();
            }
        }
        return 0;
    }
}
