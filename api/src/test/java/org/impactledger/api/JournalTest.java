package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.money;
import static org.impactledger.api.support.Scenario.ok;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The double-entry journal through HTTP on PostgreSQL, after a realistic life of a fund: capital
 * committed, called and received from two investors, working capital advanced, a payer budget,
 * three outcome payments approved (two paid), a distribution through the waterfall, and a paid
 * outcome reversed and refunded. Every expected figure is worked out by hand in the comments.
 */
class JournalTest extends IntegrationTest {

    private static final String MANAGER = Scenario.MANAGER;
    private static final String REVERSAL_DATE = "2026-11-20";

    @Autowired
    private EventProcessingConfiguration processing;

    /**
     * Fund flows: inv-a paid in 100,000 (Scenario) and inv-b 20,000 of 50,000 committed; 1,000 advanced;
     * o-1 (4,500) and o-2 (900) approved and paid, o-3 (900) approved and unpaid; 122,000 distributed
     * (return of capital 100,000 + 20,000, then profit 2,000 split 100:20 = 1,666.666… and 333.333…,
     * rounded down to 1,666.66 and 333.33, the left-over cent to inv-a's larger remainder: 1,666.67);
     * o-2 reversed on 2026-11-20 and its 900 refunded.
     *
     * <p>Cash = 100,000 + 20,000 − 1,000 + 4,500 + 900 − 122,000 − 900 = 1,500. Outcome receivable =
     * 4,500 + 900 + 900 approved − 4,500 − 900 paid = 900 (o-3). Total debits, entry by entry:
     * 200,000 + 100,000 + 200,000 (inv-a commit, call, receipt) + 50,000 (budget) + 50,000 + 20,000
     * + 40,000 (inv-b) + 1,000 (advance) + 3 × 9,000 / 1,800 / 1,800 (approvals 9,000 + 1,800 + 1,800,
     * payments 9,000 + 1,800) + 122,000 (distribution) + 1,800 (refund) = 808,200 — and so the credits.
     */
    @Test
    void after_a_fund_s_life_the_trial_balance_balances_and_shows_the_hand_checked_balances() {
        Scenario s = lifeOfAFund(unique("journal"));
        reverseO2(s);
        Eventually.holds(() -> assertThat(journal(s.fundId, "").get("total").asLong()).isEqualTo(15));

        JsonNode trial = ok(http.get("/api/funds/" + s.fundId + "/trial-balance").send(), 200).json();

        assertThat(trial.get("balanced").asBoolean()).isTrue();
        JsonNode eur = trial.get("currencies").get(0);
        assertThat(eur.get("currency").asString()).isEqualTo("EUR");
        assertThat(eur.get("entries").asLong()).isEqualTo(15);
        assertThat(eur.get("totalDebits").decimalValue()).isEqualByComparingTo("808200.00");
        assertThat(eur.get("totalCredits").decimalValue()).isEqualByComparingTo("808200.00");
        assertThat(eur.get("difference").decimalValue()).isEqualByComparingTo("0");
        Map<String, BigDecimal> balances = balances(eur);
        assertThat(balances.get("1000")).as("fund cash").isEqualByComparingTo("1500.00");
        assertThat(balances.get("1500")).as("outcome payments receivable").isEqualByComparingTo("900.00");
        assertThat(balances.get("3300")).as("distributions – return of capital").isEqualByComparingTo("120000.00");
        assertThat(balances.get("3400")).as("distributions – profit").isEqualByComparingTo("2000.00");
        assertThat(balances.get("4100")).as("outcome payment income").isEqualByComparingTo("6300.00");
        assertThat(balances.get("4900")).as("refunds").isEqualByComparingTo("900.00");
        assertThat(balances.get("3200")).as("paid-in capital").isEqualByComparingTo("120000.00");
        // memorandum: committed 50,000 = available 50,000 − 6,300 + 900 + reserved 900 + consumed 5,400 − 900
        assertThat(balances.get("9900")).isEqualByComparingTo("50000.00");
        assertThat(balances.get("9100")).isEqualByComparingTo("44600.00");
        assertThat(balances.get("9200")).isEqualByComparingTo("900.00");
        assertThat(balances.get("9300")).isEqualByComparingTo("4500.00");

        JsonNode distribution = entries(s.fundId).stream().filter(e -> e.get("eventType").asString().equals("DistributionMade"))
                .findFirst().orElseThrow();
        assertThat(lines(distribution)).containsExactly(
                "3300 investor:inv-a 100000.00 0.00",
                "3400 investor:inv-a 1666.67 0.00",
                "3300 investor:inv-b 20000.00 0.00",
                "3400 investor:inv-b 333.33 0.00",
                "1000 null 0.00 122000.00");
        assertThat(distribution.get("principal").asString()).isEqualTo(MANAGER);
    }

    @Test
    void the_trial_balance_as_of_the_day_before_the_reversal_differs_from_the_day_of_it_by_the_reversed_amount_exactly() {
        Scenario s = lifeOfAFund(unique("journal-asof"));
        Eventually.holds(() -> assertThat(journal(s.fundId, "").get("total").asLong()).isEqualTo(14));
        List<JsonNode> beforeReversal = entries(s.fundId);
        String lastKnownBeforeReversal = beforeReversal.get(beforeReversal.size() - 1).get("recordedAt").asString();
        reverseO2(s);
        Eventually.holds(() -> assertThat(journal(s.fundId, "").get("total").asLong()).isEqualTo(15));

        JsonNode before = trialBalance(s.fundId, "?asOf=2026-11-19");
        JsonNode after = trialBalance(s.fundId, "?asOf=" + REVERSAL_DATE);

        assertThat(balances(before).get("1000")).isEqualByComparingTo("2400.00");
        assertThat(balances(after).get("1000")).isEqualByComparingTo("1500.00");
        assertThat(changes(before, after)).containsExactly(
                Map.entry("1000", new BigDecimal("-900.00")),
                Map.entry("4900", new BigDecimal("900.00")),
                Map.entry("9100", new BigDecimal("900.00")),
                Map.entry("9300", new BigDecimal("-900.00")));
        assertThat(after.get("totalDebits").decimalValue().subtract(before.get("totalDebits").decimalValue()))
                .isEqualByComparingTo("1800.00");
        assertThat(before.get("difference").decimalValue()).isEqualByComparingTo("0");
        assertThat(after.get("difference").decimalValue()).isEqualByComparingTo("0");

        // what the ledger knew just before the reversal was recorded: the refund is not there, whatever the business date
        JsonNode known = trialBalance(s.fundId, "?knownAt=" + lastKnownBeforeReversal);
        assertThat(balances(known).get("1000")).isEqualByComparingTo("2400.00");
        assertThat(balances(known)).doesNotContainKey("4900");
        assertThat(journal(s.fundId, "&knownAt=" + lastKnownBeforeReversal).get("total").asLong()).isEqualTo(14);
    }

    @Test
    void the_journal_lists_each_entry_with_its_lines_in_recording_order() {
        Scenario s = lifeOfAFund(unique("journal-list"));
        Eventually.holds(() -> assertThat(journal(s.fundId, "").get("total").asLong()).isEqualTo(14));

        JsonNode page = ok(http.get("/api/funds/" + s.fundId + "/journal?size=3&page=0").send(), 200).json();

        assertThat(page.get("size").asInt()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(3);
        JsonNode commitment = page.get("items").get(0);
        assertThat(commitment.get("eventType").asString()).isEqualTo("CapitalCommitted");
        assertThat(commitment.get("businessDate").asString()).isEqualTo("2026-01-10");
        assertThat(lines(commitment)).containsExactly("1310 investor:inv-a 200000.00 0.00", "3100 investor:inv-a 0.00 200000.00");
        assertThat(commitment.get("lines").get(0).get("accountName").asString()).isEqualTo("Uncalled commitments receivable from investors");
        // compared as instants: ISO text drops zero milliseconds ("…14Z" sorts after "…14.021Z")
        List<java.time.Instant> times = entries(s.fundId).stream().map(e -> java.time.Instant.parse(e.get("recordedAt").asString())).toList();
        assertThat(times).isSorted();
        JsonNode january = journal(s.fundId, "&asOf=2026-01-31");
        assertThat(january.get("items").findValuesAsString("eventType"))
                .containsExactly("CapitalCommitted", "CapitalReceived", "OutcomeBudgetCommitted", "CapitalCommitted");
    }

    @Test
    void the_invariant_check_passes_and_names_an_entry_whose_stored_line_was_altered() {
        Scenario s = lifeOfAFund(unique("journal-check"));
        Eventually.holds(() -> assertThat(journal(s.fundId, "").get("total").asLong()).isEqualTo(14));
        JsonNode sound = ok(http.get("/api/journal/check").send(), 200).json();
        assertThat(sound.get("balanced").asBoolean()).isTrue();
        assertThat(sound.get("entriesChecked").asLong()).isGreaterThanOrEqualTo(14);
        assertThat(sound.get("unbalanced")).isEmpty();

        String advance = entries(s.fundId).stream().filter(e -> e.get("eventType").asString().equals("WorkingCapitalAdvanced"))
                .findFirst().orElseThrow().get("entryId").asString();
        jdbc.sql("UPDATE journal_line SET debit = debit + 10 WHERE entry_id = ? AND line_no = 1").param(advance).update();
        try {
            JsonNode broken = ok(http.get("/api/journal/check").send(), 200).json();
            assertThat(broken.get("balanced").asBoolean()).isFalse();
            assertThat(broken.get("unbalancedCount").asLong()).isEqualTo(1);
            JsonNode found = broken.get("unbalanced").get(0);
            assertThat(found.get("entryId").asString()).isEqualTo(advance);
            assertThat(found.get("fundId").asString()).isEqualTo(s.fundId);
            assertThat(found.get("difference").decimalValue()).isEqualByComparingTo("10.00");
            // the trial balance as of now reads the running totals kept as each entry was posted (journal_balance), so a
            // line altered behind the ledger's back shows in the check above, not there
            assertThat(trialBalance(s.fundId, "").get("difference").decimalValue()).isEqualByComparingTo("0.00");
        } finally {
            jdbc.sql("UPDATE journal_line SET debit = debit - 10 WHERE entry_id = ? AND line_no = 1").param(advance).update();
        }
        assertThat(ok(http.get("/api/journal/check").send(), 200).json().get("balanced").asBoolean()).isTrue();
    }

    @Test
    void the_journal_processor_stops_on_an_unbalanced_entry_rather_than_skipping_it() {
        assertThat(processing.listenerInvocationErrorHandler("journal")).isInstanceOf(PropagatingErrorHandler.class);
        assertThat(processing.errorHandler("journal")).isInstanceOf(PropagatingErrorHandler.class);
        assertThat(processing.eventProcessor("journal")).isPresent();
    }

    @Test
    void an_unknown_fund_is_404_and_bad_time_travel_parameters_are_400_naming_the_parameter() {
        for (String path : new String[] {"/api/funds/no-such-fund/journal", "/api/funds/no-such-fund/trial-balance"}) {
            Http.Response response = http.get(path).send();
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
        }
        Scenario s = Scenario.fundWithContract(http, unique("journal-bad"), "50000.00", "30000.00");
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("/api/funds/" + s.fundId + "/trial-balance?asOf=2026-13-01", "asOf");
        refusals.put("/api/funds/" + s.fundId + "/journal?asOf=yesterday", "asOf");
        refusals.put("/api/funds/" + s.fundId + "/trial-balance?knownAt=2026-10-05", "knownAt");
        refusals.put("/api/funds/" + s.fundId + "/journal?page=-1", "page");
        refusals.forEach((path, field) -> {
            Http.Response response = http.get(path).send();
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.json().get("field").asString()).as(path).isEqualTo(field);
        });
        // the fund reaches the read models a moment after its command: parameters are checked before it is looked up
        Eventually.holds(() -> assertThat(http.get("/api/funds/" + s.fundId + "/trial-balance?asOf=2026-10-05&knownAt=2026-10-05T12:00:00Z")
                .send().status()).isEqualTo(200));
    }

    // ---- the fund's life, through HTTP

    private Scenario lifeOfAFund(String prefix) {
        Scenario s = Scenario.fundWithContract(http, prefix, "50000.00", "30000.00");
        String fund = "/api/funds/" + s.fundId;
        ok(http.post(fund + "/commitments").as(MANAGER, "fund-manager").json(Map.of("investorId", "inv-b",
                "amount", money("50000.00"), "valueDate", "2026-01-12")).send(), 201);
        ok(http.post(fund + "/capital-calls").as(MANAGER, "fund-manager").header("X-Business-Date", "2026-02-01")
                .json(Map.of("callId", "call-2", "investorId", "inv-b", "amount", money("20000.00"), "dueDate", "2026-02-15")).send(), 201);
        ok(http.post(fund + "/capital-calls/call-2/receipts").as(MANAGER, "fund-manager").json(Map.of(
                "amount", money("20000.00"), "valueDate", "2026-02-10", "bankReference", "SEPA-B-" + prefix)).send(), 201);
        ok(http.post(fund + "/advances").as(MANAGER, "fund-manager").json(Map.of("advanceId", "adv-1", "providerId", "coop-casa",
                "contractId", s.contractId, "amount", money("1000.00"), "valueDate", "2026-02-20")).send(), 201);
        approve(s, "o-1", "ben-1", "HOUSED-6M", "2026-09-01");
        ok(s.execute("o-1", "IT-" + prefix + "-1"), 200);
        approve(s, "o-2", "ben-2", "JOB-QUARTER", "2026-09-02");
        ok(s.execute("o-2", "IT-" + prefix + "-2"), 200);
        approve(s, "o-3", "ben-3", "JOB-QUARTER", "2026-09-03");
        ok(http.post(fund + "/distributions").as(MANAGER, "fund-manager").json(Map.of("distributionId", "dist-1",
                "amount", money("122000.00"), "valueDate", "2026-10-31")).send(), 201);
        return s;
    }

    /** Reports, verifies and approves one outcome, the approval dated by its business date. */
    private void approve(Scenario s, String outcomeId, String beneficiary, String metric, String businessDate) {
        ok(s.report(outcomeId, beneficiary, metric, "2026-Q3", "2026-08-01"), 201);
        ok(s.verify(outcomeId, Scenario.VERIFIER), 200);
        ok(http.post("/api/contracts/" + s.contractId + "/outcomes/" + outcomeId + "/payment-approval").as(Scenario.PAYER, "outcome-payer")
                .header("X-Business-Date", businessDate).send(), 200);
    }

    private void reverseO2(Scenario s) {
        ok(http.post("/api/contracts/" + s.contractId + "/outcomes/o-2/payment-reversal").as(Scenario.PAYER, "outcome-payer")
                .header("X-Business-Date", REVERSAL_DATE)
                .json(Map.of("reason", "job lost within the quarter", "valueDate", REVERSAL_DATE)).send(), 200);
    }

    // ---- reading the answers

    private JsonNode journal(String fundId, String query) {
        return ok(http.get("/api/funds/" + fundId + "/journal?size=200" + query).send(), 200).json();
    }

    private List<JsonNode> entries(String fundId) {
        JsonNode items = journal(fundId, "").get("items");
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    private JsonNode trialBalance(String fundId, String query) {
        JsonNode trial = ok(http.get("/api/funds/" + fundId + "/trial-balance" + query).send(), 200).json();
        assertThat(trial.get("currencies")).hasSize(1);
        return trial.get("currencies").get(0);
    }

    private static List<String> lines(JsonNode entry) {
        return StreamSupport.stream(entry.get("lines").spliterator(), false)
                .map(l -> l.get("account").asString() + " " + (l.get("subledger").isNull() ? "null" : l.get("subledger").asString()) + " "
                        + l.get("debit").decimalValue().setScale(2).toPlainString() + " " + l.get("credit").decimalValue().setScale(2).toPlainString())
                .toList();
    }

    private static Map<String, BigDecimal> balances(JsonNode currency) {
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        currency.get("accounts").forEach(a -> balances.put(a.get("account").asString(), a.get("balance").decimalValue()));
        return balances;
    }

    /** Per account, the change of debits − credits from one trial balance to the other; unchanged accounts left out. */
    private static Map<String, BigDecimal> changes(JsonNode from, JsonNode to) {
        Map<String, BigDecimal> before = new LinkedHashMap<>();
        from.get("accounts").forEach(a -> before.put(a.get("account").asString(), a.get("debits").decimalValue().subtract(a.get("credits").decimalValue())));
        Map<String, BigDecimal> change = new LinkedHashMap<>();
        to.get("accounts").forEach(a -> {
            BigDecimal now = a.get("debits").decimalValue().subtract(a.get("credits").decimalValue());
            BigDecimal then = before.getOrDefault(a.get("account").asString(), BigDecimal.ZERO);
            if (now.compareTo(then) != 0) {
                change.put(a.get("account").asString(), now.subtract(then).setScale(2));
            }
        });
        assertThat(to.get("accounts").findValuesAsString("account")).containsAll(before.keySet());
        return change;
    }
}
