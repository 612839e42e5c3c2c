package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.ok;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.ExchangeScenario;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The exchange end to end through HTTP on PostgreSQL: the hand-worked matching sequence of
 * {@code MatchingSequenceTest} (ledger-core), placed order by order, with each answer's fills, the
 * order book's depth after each step, the trade tape and every investor's holdings at the end.
 *
 * <p>Start: a first offering at 10.00 EUR left ANNA with 400 units, BRUNO and CARLA with 300 each
 * (5,000.00 EUR deposited each); DARIO and ELENA deposit 3,000.00 EUR each.
 * <pre>
 * step  order                               book after the step (price/units/orders)
 *  1-3  S1 ANNA sell 100 @ 10.50, S2 BRUNO sell 50 @ 10.40, S3 CARLA sell 80 @ 10.50     asks 10.40/50/1, 10.50/180/2
 *  4    B1 DARIO buy 120 @ 10.50: T1 50 @ 10.40 (S2), T2 70 @ 10.50 (S1 before S3: time)  asks 10.50/110/2
 *  5-6  B2 ELENA buy 60 @ 10.45, B3 DARIO buy 40 @ 10.45                                bids 10.45/100/2
 *  7    S4 BRUNO sell 80 @ 10.45: T3 60 (B2 before B3), T4 20 (B3 partly)               bids 10.45/20/1
 *  8    S5 CARLA sell 30 @ 10.40: T5 20 @ 10.45 at the resting bid; 10 rest              asks 10.40/10/1, 10.50/110/2
 *  9    B4 ELENA buy 100 @ 10.50: T6 10 @ 10.40, T7 30 @ 10.50 (S1), T8 60 @ 10.50 (S3) asks 10.50/20/1
 * 10    CARLA cancels S3                                                                empty
 * </pre>
 * End: units ANNA 300, BRUNO 170, CARLA 210, DARIO 160, ELENA 160; cash ANNA 2,050.00, BRUNO
 * 3,356.00, CARLA 2,943.00, DARIO 1,327.00, ELENA 1,324.00 (worked out in MatchingSequenceTest).
 */
class ExchangeTest extends IntegrationTest {

    @Test
    void the_hand_worked_matching_sequence_through_http_gives_its_fills_book_tape_and_holdings() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("match"))
                .account("anna", "5000.00").account("bruno", "5000.00").account("carla", "5000.00")
                .account("dario", "3000.00").account("elena", "3000.00")
                .firstOffering("anna", 400, "bruno", 300, "carla", 300);

        assertPlaced(s.order("S1", "anna", "SELL", 100, "10.50"), "OPEN", 0, 100);
        assertPlaced(s.order("S2", "bruno", "SELL", 50, "10.40"), "OPEN", 0, 50);
        assertPlaced(s.order("S3", "carla", "SELL", 80, "10.50"), "OPEN", 0, 80);
        assertBook(s, List.of(), List.of("10.40/50/1", "10.50/180/2"));

        JsonNode b1 = assertPlaced(s.order("B1", "dario", "BUY", 120, "10.50"), "FILLED", 120, 0);
        assertThat(fills(b1)).containsExactly("1: 50 @ 10.40 = 520.00", "2: 70 @ 10.50 = 735.00");
        assertBook(s, List.of(), List.of("10.50/110/2"));
        // B1 reserved 120 × 10.50 = 1,260.00 and paid 1,255.00: the 5.00 of price improvement is free again
        Eventually.holds(() -> assertThat(holdings(s, "dario").get("available").decimalValue()).isEqualByComparingTo("1745.00"));

        assertPlaced(s.order("B2", "elena", "BUY", 60, "10.45"), "OPEN", 0, 60);
        assertPlaced(s.order("B3", "dario", "BUY", 40, "10.45"), "OPEN", 0, 40);
        assertBook(s, List.of("10.45/100/2"), List.of("10.50/110/2"));
        Eventually.holds(() -> assertThat(holdings(s, "elena").get("reserved").decimalValue()).isEqualByComparingTo("627.00"));

        JsonNode s4 = assertPlaced(s.order("S4", "bruno", "SELL", 80, "10.45"), "FILLED", 80, 0);
        assertThat(fills(s4)).containsExactly("3: 60 @ 10.45 = 627.00", "4: 20 @ 10.45 = 209.00");
        assertBook(s, List.of("10.45/20/1"), List.of("10.50/110/2"));

        JsonNode s5 = assertPlaced(s.order("S5", "carla", "SELL", 30, "10.40"), "OPEN", 20, 10);
        assertThat(fills(s5)).containsExactly("5: 20 @ 10.45 = 209.00");
        assertBook(s, List.of(), List.of("10.40/10/1", "10.50/110/2"));

        JsonNode b4 = assertPlaced(s.order("B4", "elena", "BUY", 100, "10.50"), "FILLED", 100, 0);
        assertThat(fills(b4)).containsExactly("6: 10 @ 10.40 = 104.00", "7: 30 @ 10.50 = 315.00", "8: 60 @ 10.50 = 630.00");
        assertBook(s, List.of(), List.of("10.50/20/1"));

        ok(http.post("/api/exchange/instruments/" + s.shareId + "/orders/S3/cancellation").as(s.investor("carla"), "investor")
                .json(Map.of("investorId", s.investor("carla"), "cancelledOn", ExchangeScenario.DAY)).send(), 200);
        assertBook(s, List.of(), List.of());

        Eventually.holds(() -> {
            JsonNode tape = ok(http.get("/api/exchange/instruments/" + s.shareId + "/trades?size=10").send(), 200).json();
            assertThat(tape.get("total").asLong()).isEqualTo(8);
            List<String> trades = new ArrayList<>();
            tape.get("items").forEach(t -> trades.add(t.get("tradeNumber").asLong() + " " + t.get("buyOrderId").asString() + "/"
                    + t.get("sellOrderId").asString() + " " + t.get("quantity").asLong() + " @ " + cents(t.get("price"))
                    + " " + t.get("aggressor").asString()));
            assertThat(trades).containsExactly(
                    "8 B4/S3 60 @ 10.50 BUY", "7 B4/S1 30 @ 10.50 BUY", "6 B4/S5 10 @ 10.40 BUY",
                    "5 B3/S5 20 @ 10.45 SELL", "4 B3/S4 20 @ 10.45 SELL", "3 B2/S4 60 @ 10.45 SELL",
                    "2 B1/S1 70 @ 10.50 BUY", "1 B1/S2 50 @ 10.40 BUY");
        });
        Map<String, String[]> expected = Map.of(
                "anna", new String[] {"300", "2050.00"}, "bruno", new String[] {"170", "3356.00"}, "carla", new String[] {"210", "2943.00"},
                "dario", new String[] {"160", "1327.00"}, "elena", new String[] {"160", "1324.00"});
        Eventually.holds(() -> expected.forEach((name, figures) -> {
            JsonNode holdings = holdings(s, name);
            assertThat(holdings.get("positions").get(0).get("units").asLong()).as(name).isEqualTo(Long.parseLong(figures[0]));
            assertThat(holdings.get("positions").get(0).get("unitsOutstanding").asLong()).as(name).isEqualTo(1000);
            assertThat(holdings.get("cash").decimalValue()).as(name).isEqualByComparingTo(figures[1]);
            assertThat(holdings.get("reserved").decimalValue()).as(name).isEqualByComparingTo("0");
        }));
    }

    @Test
    void an_investors_portfolio_impact_is_their_share_of_the_issuers_verified_outcomes_as_of_a_date() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("impact"))
                .account("anna", "5000.00").account("bruno", "8000.00")
                .firstOffering("anna", 400, "bruno", 600);
        ok(s.order("S1", "anna", "SELL", 100, "11.00"), 201);
        ok(s.order("B1", "bruno", "BUY", 100, "11.00"), 201);
        ok(s.reportOutcome("q1-placements", "JOB-PLACEMENT", "8.5", "50", ExchangeScenario.ISSUER_OFFICER), 201);
        ok(s.verifyOutcome("q1-placements", "40", ExchangeScenario.VERIFIER), 200);

        Eventually.holds(() -> {
            // 300 of 1,000 units after selling 100 on 2026-03-03; 40 verified × 0.3
            JsonNode latest = impact(s, "anna", "");
            assertThat(latest.get("issuers")).hasSize(1);
            JsonNode issuer = latest.get("issuers").get(0);
            assertThat(issuer.get("issuerId").asString()).isEqualTo(s.issuerId);
            assertThat(issuer.get("share").decimalValue()).isEqualByComparingTo("0.3");
            assertThat(issuer.get("outcomes").get(0).get("metricCode").asString()).isEqualTo("JOB-PLACEMENT");
            assertThat(issuer.get("outcomes").get(0).get("verifiedQuantity").decimalValue()).isEqualByComparingTo("40");
            assertThat(issuer.get("outcomes").get(0).get("attributedQuantity").decimalValue()).isEqualByComparingTo("12.0000");
        });
        // the day before: 400 units (0.4) and nothing verified yet
        JsonNode dayBefore = impact(s, "anna", "?asOf=2026-03-02");
        assertThat(dayBefore.get("issuers").get(0).get("share").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(dayBefore.get("issuers").get(0).get("outcomes")).isEmpty();
        JsonNode bruno = impact(s, "bruno", "?asOf=2026-03-03");
        assertThat(bruno.get("issuers").get(0).get("outcomes").get(0).get("attributedQuantity").decimalValue()).isEqualByComparingTo("28.0000");
        JsonNode holdingsBefore = ok(http.get("/api/exchange/accounts/" + s.investor("anna") + "?asOf=2026-03-02").send(), 200).json();
        assertThat(holdingsBefore.get("positions").get(0).get("units").asLong()).isEqualTo(400);
        assertThat(holdingsBefore.get("cash").decimalValue()).isEqualByComparingTo("1000.00");
    }

    @Test
    void a_retried_order_answers_with_its_first_fills_and_trades_nothing_more() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("retry"))
                .account("anna", "1000.00").account("bruno", "2000.00")
                .firstOffering("anna", 100);
        ok(s.order("S1", "anna", "SELL", 100, "12.00"), 201);
        String key = unique("order-key");
        Http.Response first = ok(http.post("/api/exchange/instruments/" + s.shareId + "/orders").as(s.investor("bruno"), "investor")
                .idempotencyKey(key).json(Map.of("orderId", "B1", "investorId", s.investor("bruno"), "side", "BUY", "quantity", 40,
                        "limitPrice", Map.of("amount", "12.50", "currency", "EUR"), "placedOn", ExchangeScenario.DAY)).send(), 201);
        long events = eventCount();

        Http.Response again = ok(http.post("/api/exchange/instruments/" + s.shareId + "/orders").as(s.investor("bruno"), "investor")
                .idempotencyKey(key).json(Map.of("orderId", "B1", "investorId", s.investor("bruno"), "side", "BUY", "quantity", 40,
                        "limitPrice", Map.of("amount", "12.50", "currency", "EUR"), "placedOn", ExchangeScenario.DAY)).send(), 201);

        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(fills(again.json())).containsExactly("1: 40 @ 12.00 = 480.00").isEqualTo(fills(first.json()));
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void issuers_and_instruments_are_listed_with_their_offerings() {
        ExchangeScenario s = ExchangeScenario.issuerWithShare(http, unique("lists"))
                .account("anna", "1000.00").firstOffering("anna", 30);

        Eventually.holds(() -> {
            JsonNode issuer = ok(http.get("/api/exchange/issuers/" + s.issuerId).send(), 200).json();
            assertThat(issuer.get("issuer").get("sdgFocus").toString()).isEqualTo("[\"8.5\",\"10.2\"]");
            assertThat(issuer.get("issuer").get("cash").decimalValue()).isEqualByComparingTo("300.00");
            assertThat(issuer.get("instruments").get(0).get("instrumentId").asString()).isEqualTo(s.shareId);
            JsonNode instrument = ok(http.get("/api/exchange/instruments/" + s.shareId).send(), 200).json();
            assertThat(instrument.get("instrument").get("unitsOutstanding").asLong()).isEqualTo(30);
            assertThat(instrument.get("offerings").get(0).get("status").asString()).isEqualTo("CLOSED");
            JsonNode ofIssuer = ok(http.get("/api/exchange/instruments?issuerId=" + s.issuerId).send(), 200).json();
            assertThat(ofIssuer.get("total").asLong()).isEqualTo(1);
            JsonNode issuers = ok(http.get("/api/exchange/issuers?size=200").send(), 200).json();
            assertThat(issuers.get("items").findValuesAsString("issuerId")).contains(s.issuerId);
        });
        assertThat(http.get("/api/exchange/issuers/no-such-issuer").send().status()).isEqualTo(404);
        assertThat(http.get("/api/exchange/instruments/no-such-instrument/order-book").send().status()).isEqualTo(404);
        assertThat(http.get("/api/exchange/instruments/no-such-instrument/trades").send().status()).isEqualTo(404);
        assertThat(http.get("/api/exchange/accounts/nobody-at-all").send().status()).isEqualTo(404);
        assertThat(http.get("/api/exchange/accounts/" + s.investor("anna") + "?asOf=yesterday").send().status()).isEqualTo(400);
    }

    private static JsonNode assertPlaced(Http.Response response, String status, long filled, long remaining) {
        ok(response, 201);
        JsonNode body = response.json();
        assertThat(body.get("status").asString()).as(response.body()).isEqualTo(status);
        assertThat(body.get("filled").asLong()).as(response.body()).isEqualTo(filled);
        assertThat(body.get("remaining").asLong()).as(response.body()).isEqualTo(remaining);
        if (filled == 0) {
            assertThat(body.get("fills")).isEmpty();
        }
        return body;
    }

    private static List<String> fills(JsonNode placed) {
        List<String> fills = new ArrayList<>();
        placed.get("fills").forEach(f -> fills.add(f.get("tradeNumber").asLong() + ": " + f.get("quantity").asLong() + " @ "
                + cents(f.get("price").get("amount")) + " = " + cents(f.get("amount").get("amount"))));
        return fills;
    }

    private void assertBook(ExchangeScenario s, List<String> bids, List<String> asks) {
        Eventually.holds(() -> {
            JsonNode book = ok(http.get("/api/exchange/instruments/" + s.shareId + "/order-book").send(), 200).json();
            assertThat(levels(book.get("bids"))).as("bids").containsExactlyElementsOf(bids);
            assertThat(levels(book.get("asks"))).as("asks").containsExactlyElementsOf(asks);
        });
    }

    private static List<String> levels(JsonNode side) {
        List<String> levels = new ArrayList<>();
        side.forEach(l -> levels.add(cents(l.get("price")) + "/" + l.get("quantity").asLong() + "/" + l.get("orders").asInt()));
        return levels;
    }

    /** A money figure with its two decimals (JSON numbers do not keep trailing zeros once parsed). */
    private static String cents(JsonNode amount) {
        return amount.decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private JsonNode holdings(ExchangeScenario s, String name) {
        return ok(http.get("/api/exchange/accounts/" + s.investor(name)).send(), 200).json();
    }

    private JsonNode impact(ExchangeScenario s, String name, String query) {
        return ok(http.get("/api/exchange/accounts/" + s.investor(name) + "/portfolio-impact" + query).send(), 200).json();
    }
}
