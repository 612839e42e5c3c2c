package org.impactledger.api.nrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.money;
import static org.impactledger.api.support.Scenario.ok;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.impactledger.api.demo.DemoHomes4All;
import org.impactledger.api.demo.DemoScenario;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.impactledger.api.web.CommandDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The NRRP reconciliation through HTTP on PostgreSQL: a test statement built with a deliberate
 * discrepancy of every kind gives exactly the expected discrepancy list, each backed by the right
 * events; importing it again changes nothing; malformed files are refused by line and write nothing.
 *
 * <p>The shared database holds other tests' NRRP-tagged payments, so each case looks only at
 * discrepancies under its own CUPs: the demo's, or CUPs no other run uses.
 */
class NrrpReconciliationTest extends IntegrationTest {

    private static final String OFFICER = "officer-franca";
    private static final String MEASURE = "M5C2I1.03";

    @Autowired
    CommandDispatcher dispatcher;

    /** Three CUPs no other run uses: A (a project that pays), B (a project that only reports), U (no project). */
    private static String[] cups() {
        String base = String.format("%010d", System.currentTimeMillis() % 10_000_000_000L);
        return new String[] {"J26T" + base + "1", "J26T" + base + "2", "J26T" + base + "3"};
    }

    private String project(String cup, String local, String allocation) {
        String projectId = ok(http.post("/api/nrrp/projects").as(OFFICER, "city-finance").json(Map.of("cup", cup, "localProjectCode", local,
                "measure", "M5C2I1.3", "title", "Housing First " + local, "currency", "EUR")).send(), 201).json().get("projectId").asString();
        assertThat(projectId).isEqualTo(cup + ":" + local + ":M5C2I1.03.00");
        ok(http.post("/api/nrrp/projects/" + projectId + "/allocations").as(OFFICER, "city-finance").json(Map.of("allocationId", "A-1",
                "amount", money(allocation), "grantingAct", "DM 2022-05-12 n. 120", "grantedOn", "2022-05-12")).send(), 201);
        return projectId;
    }

    private Http.Response importCamt(String xml) {
        return http.post("/api/nrrp/bank-statements").as(OFFICER, "city-finance").body(xml, "application/xml").send();
    }

    private static String resource(String name) {
        try (InputStream in = NrrpReconciliationTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Seen(String kind, String cup, String measure, String amount, String detail, List<String> eventTypes) {
    }

    /**
     * The acceptance case: the demo (Outcome Fund and Homes4All money tagged with the city's
     * CUPs, see {@code DemoScenario} and {@code DemoHomes4All}) plus a test statement of the city's
     * account ({@code camt053-demo.xml}) give exactly this list, a discrepancy of every kind, each
     * backed by the events named; importing the statement again writes nothing and changes nothing.
     */
    @Test
    void the_demo_plus_a_test_statement_gives_exactly_the_expected_discrepancy_list_and_a_re_import_changes_nothing() {
        new DemoScenario(dispatcher).seed();
        String hf = "C11H22000110001";
        String flats = DemoHomes4All.PINQUA_ACQUISITIONS;
        String retrofit = DemoHomes4All.PINQUA_RETROFIT;
        String mistyped = DemoHomes4All.MISTYPED_CUP;
        String fees = "C11H22000119999";
        Set<String> cups = Set.of(hf, flats, retrofit, mistyped, fees);
        String pinqua = "M5C2I2.03";
        String stmt = "TESORERIA-TO-2026-09-30";
        String ghedini = DemoHomes4All.FUND + "/" + DemoHomes4All.GHEDINI;
        String lungoDora = DemoHomes4All.FUND + "/" + DemoHomes4All.LUNGO_DORA;

        String xml = resource("/nrrp/camt053-demo.xml");
        Http.Response imported = ok(importCamt(xml), 200);
        assertThat(imported.json().get("statements").get(0).get("statementId").asString()).isEqualTo(stmt);
        assertThat(imported.json().get("statements").get(0).get("entries").asInt()).isEqualTo(4); // E-5 is pending, not booked
        assertThat(eventCountFor(stmt)).isEqualTo(5);

        List<Seen> expected = List.of(
                new Seen("PAID_NOT_REPORTED", flats, pinqua, "240000.00", "paid 240000.00 but reported nothing to the monitoring system",
                        List.of("PropertyAcquisitionPaid")),
                new Seen("REPORTED_NOT_PAID", retrofit, pinqua, "35000.00", "reported 35000.00 but the ledger paid nothing",
                        List.of("NrrpExpenditureReported")),
                new Seen("AMOUNT_MISMATCH", hf, MEASURE, "4500.00", "paid 13500.00 but reported 9000.00",
                        List.of("OutcomePaymentReceived", "OutcomePaymentReceived", "OutcomePaymentReceived", "NrrpExpenditureReported")),
                new Seen("AMOUNT_MISMATCH", flats, pinqua, "-250.00", "bank entry " + stmt + "/E-1 of 239750.00 is matched to payment "
                        + ghedini + " of 240000.00", List.of("BankEntryRecorded", "PropertyAcquisitionPaid")),
                new Seen("BANK_ENTRY_WITHOUT_PAYMENT", fees, null, "1250.00", "bank entry " + stmt + "/E-3 of 1250.00 matches no ledger payment",
                        List.of("BankEntryRecorded")),
                new Seen("BANK_ENTRY_WITHOUT_PAYMENT", retrofit, null, "35000.00", "bank entry " + stmt + "/E-2 of 35000.00 matches no ledger payment",
                        List.of("BankEntryRecorded")),
                new Seen("PAYMENT_WITHOUT_BANK_ENTRY", mistyped, pinqua, "210000.00", "payment " + lungoDora + " of 210000.00"
                        + " (reference BONIF-H4A-2026-09-LUNGODORA) has no bank entry", List.of("PropertyAcquisitionPaid")),
                new Seen("UNKNOWN_CUP", fees, null, "1250.00", "bank entry " + stmt + "/E-3 quotes CUP " + fees
                        + ", which no registered NRRP project has", List.of("BankEntryRecorded")),
                new Seen("UNKNOWN_CUP", mistyped, pinqua, "210000.00", "payment " + lungoDora + " carries CUP " + mistyped
                        + ", which no registered NRRP project has", List.of("PropertyAcquisitionPaid")),
                new Seen("BEYOND_ALLOCATION", flats, pinqua, "40000.00", "paid 240000.00 beyond the 200000.00 allocated",
                        List.of("NrrpFundsAllocated", "PropertyAcquisitionPaid")));
        assertThat(expected).extracting(Seen::kind).containsAll(List.of("PAID_NOT_REPORTED", "REPORTED_NOT_PAID", "AMOUNT_MISMATCH",
                "BANK_ENTRY_WITHOUT_PAYMENT", "PAYMENT_WITHOUT_BANK_ENTRY", "UNKNOWN_CUP", "BEYOND_ALLOCATION"));

        JsonNode report = Eventually.within(java.time.Duration.ofSeconds(20), () -> {
            JsonNode r = reconciliation("");
            assertThat(seen(r, cups)).isEqualTo(expected);
            return r;
        });
        JsonNode flatsLine = line(report, flats);
        assertThat(flatsLine.get("measure").asString()).isEqualTo(pinqua);
        assertThat(flatsLine.get("allocated").decimalValue()).isEqualByComparingTo("200000.00");
        assertThat(flatsLine.get("paid").decimalValue()).isEqualByComparingTo("240000.00");
        assertThat(flatsLine.get("confirmedByBank").decimalValue()).isEqualByComparingTo("239750.00");
        JsonNode retrofitLine = line(report, retrofit);
        assertThat(retrofitLine.get("committed").decimalValue()).isEqualByComparingTo("95000.00");
        assertThat(retrofitLine.get("reported").decimalValue()).isEqualByComparingTo("35000.00");
        assertThat(retrofitLine.get("paid").decimalValue()).isEqualByComparingTo("0");

        // the same statement again: no event, the same list
        long before = eventCount();
        ok(importCamt(xml), 200);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(seen(reconciliation(""), cups)).isEqualTo(expected);

        // a manual match must name a payment the reconciliation knows: anything else is refused, and nothing is written
        Http.Response unknown = http.post("/api/nrrp/bank-statements/" + stmt + "/entries/E-2/match").as(OFFICER, "city-finance")
                .json(Map.of("paymentEventId", "no-such-payment", "reason", "the builder's invoice")).send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(unknown.json().get("field").asString()).isEqualTo("paymentEventId");
        String budgetEvent = report.get("discrepancies").valueStream()
                .filter(d -> d.get("kind").asString().equals("BEYOND_ALLOCATION") && flats.equals(d.get("cup").asString()))
                .findFirst().orElseThrow().get("eventIds").get(0).asString(); // the allocation's event: not a payment
        Http.Response notAPayment = http.post("/api/nrrp/bank-statements/" + stmt + "/entries/E-2/unmatch").as(OFFICER, "city-finance")
                .json(Map.of("paymentEventId", budgetEvent, "reason", "not ours")).send();
        assertThat(notAPayment.status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_statement_with_a_discrepancy_of_every_kind_gives_exactly_the_expected_list_and_a_re_import_changes_nothing() {
        String[] cups = cups();
        String a = cups[0];
        String b = cups[1];
        String u = cups[2];
        String stmt = unique("STMT-NRRP");

        String projectA = project(a, "HF-A", "10000.00");
        ok(http.post("/api/nrrp/projects/" + projectA + "/commitments").as(OFFICER, "city-finance").json(Map.of("commitmentId", "K-1",
                "cig", "9876543210", "counterparty", "Cooperativa Casa", "amount", money("10000.00"), "signedOn", "2026-02-01")).send(), 201);
        String projectB = project(b, "HF-B", "20000.00");
        ok(http.post("/api/nrrp/projects/" + projectB + "/expenditure-reports").as(OFFICER, "city-finance").json(Map.of("reportId", "R-1",
                "period", "2026-Q3", "amount", money("5000.00"), "reportedOn", "2026-10-10")).send(), 201);

        Scenario fundA = Scenario.fundWithContract(http, unique("nrrp-a"), "50000.00", "30000.00", a);
        ok(fundA.reportVerifyApprove("o-1", "ben-1", "HOUSED-6M", "2026-Q3"), 200);
        ok(fundA.execute("o-1", "REF-A1"), 200);
        ok(fundA.reportVerifyApprove("o-2", "ben-2", "HOUSED-6M", "2026-Q3"), 200);
        ok(fundA.execute("o-2", "REF-A2"), 200);
        ok(fundA.reportVerifyApprove("o-3", "ben-3", "HOUSED-6M", "2026-Q3"), 200);
        ok(fundA.execute("o-3", "REF-A3"), 200);
        ok(fundA.reportVerifyApprove("o-4", "ben-4", "JOB-QUARTER", "2026-Q3"), 200);
        ok(fundA.execute("o-4", "REF-A4"), 200);
        ok(http.post("/api/nrrp/projects/" + projectA + "/targets").as(OFFICER, "city-finance").json(Map.of("targetId", "T-1",
                "description", "People housed by Housing First", "quantity", "8", "dueDate", "2026-12-31", "contractId", fundA.contractId,
                "metricCodes", List.of("HOUSED-6M"))).send(), 201);
        Scenario fundU = Scenario.fundWithContract(http, unique("nrrp-u"), "50000.00", "30000.00", u);
        ok(fundU.reportVerifyApprove("o-1", "ben-1", "HOUSED-6M", "2026-Q3"), 200);
        ok(fundU.execute("o-1", "REF-U1"), 200);

        String xml = resource("/nrrp/camt053-discrepancies.xml").replace("${STMT}", stmt).replace("${CUP_A}", a).replace("${CUP_U}", u);
        Http.Response imported = ok(importCamt(xml), 200);
        assertThat(imported.json().get("statements").get(0).get("entries").asInt()).isEqualTo(6);
        assertThat(eventCountFor(stmt)).isEqualTo(7);

        List<Seen> expected = List.of(
                new Seen("PAID_NOT_REPORTED", a, MEASURE, "14400.00", "paid 14400.00 but reported nothing to the monitoring system",
                        List.of("OutcomePaymentReceived", "OutcomePaymentReceived", "OutcomePaymentReceived", "OutcomePaymentReceived")),
                new Seen("REPORTED_NOT_PAID", b, MEASURE, "5000.00", "reported 5000.00 but the ledger paid nothing",
                        List.of("NrrpExpenditureReported")),
                new Seen("AMOUNT_MISMATCH", a, MEASURE, "-100.00", "bank entry " + stmt + "/E-2 of 4400.00 is matched to payment "
                        + fundA.contractId + "/o-2 of 4500.00", List.of("BankEntryRecorded", "OutcomePaymentReceived")),
                new Seen("BANK_ENTRY_WITHOUT_PAYMENT", a, null, "123.45", "bank entry " + stmt + "/E-5 of 123.45 matches no ledger payment",
                        List.of("BankEntryRecorded")),
                new Seen("PAYMENT_WITHOUT_BANK_ENTRY", a, MEASURE, "4500.00", "payment " + fundA.contractId + "/o-3 of 4500.00 (reference REF-A3)"
                        + " has no bank entry", List.of("OutcomePaymentReceived")),
                new Seen("UNKNOWN_CUP", u, MEASURE, "4500.00", "payment " + fundU.contractId + "/o-1 carries CUP " + u
                        + ", which no registered NRRP project has", List.of("OutcomePaymentReceived")),
                new Seen("UNKNOWN_CUP", u, null, "4500.00", "bank entry " + stmt + "/E-7 quotes CUP " + u + ", which no registered NRRP project has",
                        List.of("BankEntryRecorded")),
                new Seen("BEYOND_ALLOCATION", a, MEASURE, "4400.00", "paid 14400.00 beyond the 10000.00 allocated",
                        List.of("NrrpFundsAllocated", "OutcomePaymentReceived", "OutcomePaymentReceived", "OutcomePaymentReceived",
                                "OutcomePaymentReceived")));

        JsonNode report = Eventually.within(java.time.Duration.ofSeconds(20), () -> {
            JsonNode r = reconciliation("");
            assertThat(seen(r, Set.of(a, b, u))).isEqualTo(expected);
            return r;
        });

        JsonNode lineA = line(report, a);
        assertThat(lineA.get("allocated").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(lineA.get("committed").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(lineA.get("paid").decimalValue()).isEqualByComparingTo("14400.00");
        assertThat(lineA.get("reported").decimalValue()).isEqualByComparingTo("0");
        assertThat(lineA.get("confirmedByBank").decimalValue()).isEqualByComparingTo("9800.00");
        List<String> rules = new ArrayList<>();
        report.get("matches").forEach(m -> {
            if (m.get("statementId").asString().equals(stmt)) {
                rules.add(m.get("entryReference").asString() + ":" + m.get("rule").asString());
            }
        });
        assertThat(rules).containsExactlyInAnyOrder("E-1:BANK_REFERENCE", "E-2:BANK_REFERENCE", "E-4:CUP_AMOUNT_DATE", "E-7:BANK_REFERENCE");
        JsonNode target = report.get("targets").get(0);
        assertThat(target.get("targetId").asString()).isEqualTo("T-1");
        assertThat(target.get("achieved").decimalValue()).isEqualByComparingTo("3");
        assertThat(target.get("progressPercent").decimalValue()).isEqualByComparingTo("37.50");

        // the same statement again: nothing is written
        long before = eventCount();
        ok(importCamt(xml), 200);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(seen(reconciliation(""), Set.of(a, b, u))).isEqualTo(expected);

        // CSV for the finance office, filtered to CUP A
        Http.Response csv = ok(http.get("/api/reports/nrrp-reconciliation?format=csv&cup=" + a).send(), 200);
        assertThat(csv.header("content-type")).startsWith("text/csv");
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0]).isEqualTo(String.join(",", org.impactledger.projections.nrrp.NrrpReconciliationCsv.HEADER));
        assertThat(rows[1]).startsWith("FIGURES," + a + "," + MEASURE + ",EUR,10000.00,10000.00,14400.00,0.00,9800.00,,," + projectA + ",");
        assertThat(rows).filteredOn(r -> r.startsWith("DISCREPANCY,")).extracting(r -> r.split(",")[9])
                .containsExactly("PAID_NOT_REPORTED", "AMOUNT_MISMATCH", "BANK_ENTRY_WITHOUT_PAYMENT", "PAYMENT_WITHOUT_BANK_ENTRY",
                        "BEYOND_ALLOCATION");
        assertThat(rows).filteredOn(r -> r.startsWith("TARGET,")).singleElement().asString()
                .contains(",T-1,8,3,37.50,2026-12-31");

        // an officer rejects the match of E-2 to payment o-2: both sides are unmatched now
        String paymentO2 = mismatch(report, a).get("eventIds").get(1).asString();
        String e2 = "/api/nrrp/bank-statements/" + stmt + "/entries/E-2/";
        long beforeRefusal = eventCountFor(stmt);
        Http.Response noReason = http.post(e2 + "unmatch").as(OFFICER, "city-finance").json(Map.of("paymentEventId", paymentO2)).send();
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(eventCountFor(stmt)).isEqualTo(beforeRefusal);
        ok(http.post(e2 + "unmatch").as(OFFICER, "city-finance").json(Map.of("paymentEventId", paymentO2,
                "reason", "the bank booked another transfer")).send(), 200);
        Eventually.holds(() -> assertThat(seen(reconciliation("cup=" + a), Set.of(a)))
                .extracting(Seen::kind, Seen::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("BANK_ENTRY_WITHOUT_PAYMENT", "bank entry " + stmt + "/E-2 of 4400.00 (reference REF-A2)"
                                + " matches no ledger payment"),
                        org.assertj.core.groups.Tuple.tuple("PAYMENT_WITHOUT_BANK_ENTRY", "payment " + fundA.contractId + "/o-2 of 4500.00"
                                + " (reference REF-A2) has no bank entry"))
                .doesNotContain(org.assertj.core.groups.Tuple.tuple("AMOUNT_MISMATCH", expected.get(2).detail())));

        // and matches it again by hand: the pair is back, as a manual match
        ok(http.post(e2 + "match").as(OFFICER, "city-finance").json(Map.of("paymentEventId", paymentO2,
                "reason", "confirmed with the treasury: 100.00 bank fee deducted")).send(), 200);
        Eventually.holds(() -> {
            JsonNode again = reconciliation("");
            assertThat(seen(again, Set.of(a, b, u))).isEqualTo(expected);
            List<String> manual = new ArrayList<>();
            again.get("matches").forEach(m -> {
                if (m.get("statementId").asString().equals(stmt) && m.get("rule").asString().equals("MANUAL")) {
                    manual.add(m.get("entryReference").asString());
                }
            });
            assertThat(manual).containsExactly("E-2");
        });

        // o-4 is matched to E-4 by CUP, amount and date: it cannot be matched by hand to E-5 as well
        String paymentO4 = paymentOf(report, stmt, "E-4");
        long beforeMatch = eventCount();
        Http.Response taken = http.post("/api/nrrp/bank-statements/" + stmt + "/entries/E-5/match").as(OFFICER, "city-finance")
                .json(Map.of("paymentEventId", paymentO4, "reason", "the fees were this payment")).send();
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("field").asString()).isEqualTo("paymentEventId");
        assertThat(taken.json().get("detail").asString()).contains("is matched to bank entry " + stmt + "/E-4 by CUP_AMOUNT_DATE");
        assertThat(eventCount()).isEqualTo(beforeMatch);

        // a refunded payment cannot be matched by hand: o-4 is reversed
        ok(http.post("/api/contracts/" + fundA.contractId + "/outcomes/o-4/payment-reversal").as(Scenario.PAYER, "outcome-payer")
                .json(Map.of("reason", "paid twice by the treasury", "valueDate", "2026-10-20")).send(), 200);
        Eventually.within(java.time.Duration.ofSeconds(20), () -> {
            Http.Response r = http.post("/api/nrrp/bank-statements/" + stmt + "/entries/E-5/match").as(OFFICER, "city-finance")
                    .json(Map.of("paymentEventId", paymentO4, "reason", "the fees were this payment")).send();
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("field").asString()).isEqualTo("paymentEventId");
            assertThat(r.json().get("detail").asString()).contains("was refunded");
            return r;
        });
        assertThat(eventCountFor(stmt)).isEqualTo(beforeRefusal + 2); // the unmatch and the match of E-2 above, nothing since
    }

    /** Housing First payments under a fresh CUP, and a CSV statement of the city's account that books some of them. */
    private record Booked(String cup, String stmt, Scenario fund, String references) {

        String entry(String reference) {
            return "/api/nrrp/bank-statements/" + stmt + "/entries/" + reference + "/";
        }

        /** The bank reference of payment o-{@code n}: unique to the run, so that no other test's entry or payment shares it. */
        String ref(int n) {
            return references + "-A" + n;
        }
    }

    /**
     * Project A under a fresh CUP (allocated 20,000.00); three outcome payments of 4,500.00 from its
     * NRRP-tagged budget, o-1, o-2 and o-3 (bank references {@code ref(1)} ...); and a CSV statement with the
     * debits E-1 (4,500.00, o-1's reference), E-2 (4,500.00, o-2's) and E-4 (999.99 under the CUP, no
     * reference), and the credit C-1 (100.00 coming in under the CUP). Automatically, E-1 and E-2
     * are matched by bank reference; E-4 matches no payment and o-3 no entry.
     */
    private Booked booked() {
        String cup = cups()[0];
        project(cup, "HF-M", "20000.00");
        Scenario fund = Scenario.fundWithContract(http, unique("nrrp-m"), "50000.00", "30000.00", cup);
        Booked booked = new Booked(cup, unique("STMT-MATCH"), fund, unique("REF-M"));
        for (int i = 1; i <= 3; i++) {
            ok(fund.reportVerifyApprove("o-" + i, "ben-" + i, "HOUSED-6M", "2026-Q3"), 200);
            ok(fund.execute("o-" + i, booked.ref(i)), 200);
        }
        String stmt = booked.stmt();
        String csv = "statementId;account;currency;entryReference;bookingDate;valueDate;direction;amount;bankReference;remittance\n"
                + stmt + ";IT60X0542811101000000123456;EUR;E-1;2026-10-05;2026-10-05;DBIT;4.500,00;" + booked.ref(1) + ";Housing First SAL 1 CUP " + cup + "\n"
                + stmt + ";IT60X0542811101000000123456;EUR;E-2;2026-10-05;2026-10-05;DBIT;4500.00;" + booked.ref(2) + ";Housing First SAL 2 CUP " + cup + "\n"
                + stmt + ";IT60X0542811101000000123456;EUR;E-4;2026-10-06;2026-10-06;DBIT;999,99;;Spese CUP " + cup + "\n"
                + stmt + ";IT60X0542811101000000123456;EUR;C-1;2026-10-06;2026-10-06;CRDT;100.00;;incoming CUP " + cup + "\n";
        ok(http.post("/api/nrrp/bank-statements").as(OFFICER, "city-finance").body(csv, "text/csv").send(), 200);
        Eventually.within(java.time.Duration.ofSeconds(20), () -> {
            assertThat(rules(reconciliation("cup=" + cup), stmt)).containsExactly("E-1:BANK_REFERENCE", "E-2:BANK_REFERENCE");
            return null;
        });
        return booked;
    }

    /** The statement's matches in the report, as {@code entry:rule}, by entry. */
    private static List<String> rules(JsonNode report, String stmt) {
        List<String> rules = new ArrayList<>();
        report.get("matches").forEach(m -> {
            if (m.get("statementId").asString().equals(stmt)) {
                rules.add(m.get("entryReference").asString() + ":" + m.get("rule").asString());
            }
        });
        return rules.stream().sorted().toList();
    }

    /** The event id of the payment the report matches to this entry of the statement. */
    private static String paymentOf(JsonNode report, String stmt, String entry) {
        return report.get("matches").valueStream()
                .filter(m -> m.get("statementId").asString().equals(stmt) && m.get("entryReference").asString().equals(entry))
                .findFirst().orElseThrow().get("paymentEventId").asString();
    }

    /** The event id of the payment of outcome {@code outcome} of the fund's contract (the id the report lists for it). */
    private String paymentEvent(Booked b, String outcome) {
        return jdbc.sql("select event_id from nrrp_fact where fact_type = 'PAID' and reference = ?")
                .param(b.fund().contractId + "/" + outcome).query(String.class).single();
    }

    private Http.Response match(Booked b, String entry, String paymentEventId, String reason) {
        return http.post(b.entry(entry) + "match").as(OFFICER, "city-finance").json(Map.of("paymentEventId", paymentEventId, "reason", reason))
                .send();
    }

    @Test
    void a_credit_cannot_be_matched_by_hand_and_the_bank_confirmation_stays_as_it_was() {
        Booked b = booked();
        JsonNode before = reconciliation("cup=" + b.cup());
        assertThat(line(before, b.cup()).get("confirmedByBank").decimalValue()).isEqualByComparingTo("9000.00");
        String paymentO1 = paymentOf(before, b.stmt(), "E-1");
        long events = eventCount();

        // the tester's case: money coming in (100.00) named as the bank's confirmation of the outgoing o-1
        Http.Response refused = match(b, "C-1", paymentO1, "test");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_STATE");
        assertThat(refused.json().get("field").asString()).isEqualTo("entryReference");
        assertThat(refused.json().get("detail").asString()).isEqualTo("entry C-1 of statement " + b.stmt() + " is a credit (CRDT, money coming in):"
                + " only a debit (DBIT, money going out) can confirm a ledger payment, so a credit is never matched");
        assertThat(eventCount()).isEqualTo(events);

        JsonNode after = reconciliation("cup=" + b.cup());
        assertThat(line(after, b.cup()).get("confirmedByBank").decimalValue()).isEqualByComparingTo("9000.00");
        assertThat(rules(after, b.stmt())).containsExactly("E-1:BANK_REFERENCE", "E-2:BANK_REFERENCE");
        assertThat(seen(after, Set.of(b.cup()))).extracting(Seen::kind)
                .containsExactly("PAID_NOT_REPORTED", "BANK_ENTRY_WITHOUT_PAYMENT", "PAYMENT_WITHOUT_BANK_ENTRY");
    }

    @Test
    void a_payment_matched_to_one_bank_entry_is_matched_by_hand_to_another_only_after_that_match_is_undone() {
        Booked b = booked();
        String o1 = paymentEvent(b, "o-1"); // matched to E-1 by bank reference
        String o3 = paymentEvent(b, "o-3"); // matched to no entry
        String c = b.fund().contractId;
        long events = eventCount();

        // the tester's case: a debit of another amount, matched by hand to a payment that E-1 confirms by its bank reference
        Http.Response taken = match(b, "E-4", o1, "test");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asString()).isEqualTo("INVALID_STATE");
        assertThat(taken.json().get("field").asString()).isEqualTo("paymentEventId");
        assertThat(taken.json().get("detail").asString()).isEqualTo("payment " + c + "/o-1 (event " + o1 + ") is matched to bank entry "
                + b.stmt() + "/E-1 by BANK_REFERENCE; a payment is confirmed by one bank entry: undo that match first (POST /api/nrrp/bank-statements/"
                + b.stmt() + "/entries/E-1/unmatch with this paymentEventId and a reason)");
        // and an entry that confirms one payment cannot be matched by hand to another
        Http.Response busy = match(b, "E-1", o3, "test");
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.json().get("field").asString()).isEqualTo("entryReference");
        assertThat(busy.json().get("detail").asString()).isEqualTo("bank entry " + b.stmt() + "/E-1 is matched to payment " + c + "/o-1 (event "
                + o1 + ") by BANK_REFERENCE; an entry confirms one payment: undo that match first (POST /api/nrrp/bank-statements/" + b.stmt()
                + "/entries/E-1/unmatch with paymentEventId " + o1 + " and a reason)");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(rules(reconciliation("cup=" + b.cup()), b.stmt())).containsExactly("E-1:BANK_REFERENCE", "E-2:BANK_REFERENCE");

        // the documented way: reject E-1's match first; then E-4 may confirm o-1, its other amount shown as AMOUNT_MISMATCH
        ok(http.post(b.entry("E-1") + "unmatch").as(OFFICER, "city-finance").json(Map.of("paymentEventId", o1,
                "reason", "the treasury booked o-1 as E-4")).send(), 200);
        Eventually.within(java.time.Duration.ofSeconds(20), () -> ok(match(b, "E-4", o1, "the treasury booked o-1 as E-4"), 200));
        // E-1, free again, quotes the CUP and o-3's amount and date: it now confirms o-3 by CUP, amount and date
        JsonNode report = Eventually.within(java.time.Duration.ofSeconds(20), () -> {
            JsonNode r = reconciliation("cup=" + b.cup());
            assertThat(rules(r, b.stmt())).containsExactly("E-1:CUP_AMOUNT_DATE", "E-2:BANK_REFERENCE", "E-4:MANUAL");
            return r;
        });
        assertThat(paymentOf(report, b.stmt(), "E-1")).isEqualTo(o3);
        assertThat(paymentOf(report, b.stmt(), "E-4")).isEqualTo(o1);
        assertThat(line(report, b.cup()).get("confirmedByBank").decimalValue()).isEqualByComparingTo("9999.99");
        assertThat(seen(report, Set.of(b.cup()))).extracting(Seen::kind, Seen::amount, Seen::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PAID_NOT_REPORTED", "13500.00", "paid 13500.00 but reported nothing to the monitoring system"),
                org.assertj.core.groups.Tuple.tuple("AMOUNT_MISMATCH", "-3500.01", "bank entry " + b.stmt() + "/E-4 of 999.99 is matched to payment "
                        + c + "/o-1 of 4500.00"));

        // E-4 now holds o-1: E-1 cannot take it back by hand until that manual match is undone
        Http.Response back = match(b, "E-1", o1, "test");
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.json().get("field").asString()).isEqualTo("paymentEventId");
        assertThat(back.json().get("detail").asString()).contains("is matched to bank entry " + b.stmt() + "/E-4 by MANUAL");
    }

    @Test
    void a_bank_entry_confirms_only_a_payment_in_its_statements_currency() {
        Booked b = booked();
        String o3 = paymentEvent(b, "o-3");
        String usd = unique("STMT-USD");
        ok(http.post("/api/nrrp/bank-statements").as(OFFICER, "city-finance").body(
                "statementId;account;currency;entryReference;bookingDate;valueDate;direction;amount;bankReference;remittance\n"
                        + usd + ";US-0042;USD;U-1;2026-10-05;2026-10-05;DBIT;4500.00;" + b.ref(3) + ";CUP " + b.cup() + "\n", "text/csv").send(), 200);
        // o-3's bank reference, but dollars: not its confirmation
        Eventually.holds(() -> assertThat(seen(reconciliation("cup=" + b.cup()), Set.of(b.cup()))).extracting(Seen::kind, Seen::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("BANK_ENTRY_WITHOUT_PAYMENT", "bank entry " + usd + "/U-1 of 4500.00 (reference " + b.ref(3) + ")"
                                + " matches no ledger payment"),
                        org.assertj.core.groups.Tuple.tuple("PAYMENT_WITHOUT_BANK_ENTRY", "payment " + b.fund().contractId + "/o-3 of 4500.00"
                                + " (reference " + b.ref(3) + ") has no bank entry")));
        long events = eventCount();
        Http.Response refused = match(new Booked(b.cup(), usd, b.fund(), b.references()), "U-1", o3, "same reference");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(refused.json().get("field").asString()).isEqualTo("paymentEventId");
        assertThat(refused.json().get("detail").asString()).isEqualTo("payment " + o3 + " is in EUR and statement " + usd
                + " in USD: a bank entry confirms only a payment in its statement's currency");
        assertThat(eventCount()).isEqualTo(events);
    }

    private static JsonNode mismatch(JsonNode report, String cup) {
        for (JsonNode d : report.get("discrepancies")) {
            if (d.get("kind").asString().equals("AMOUNT_MISMATCH") && cup.equals(d.get("cup").asString())) {
                return d;
            }
        }
        throw new AssertionError("no AMOUNT_MISMATCH for CUP " + cup);
    }

    @Test
    void a_malformed_camt053_file_is_refused_naming_the_line_and_nothing_of_it_is_written() {
        String stmt = unique("STMT-BAD");
        String xml = resource("/nrrp/camt053-discrepancies.xml").replace("${STMT}", stmt).replace("${CUP_A}", "J26T00000000001")
                .replace("${CUP_U}", "J26T00000000002").replace("<Amt Ccy=\"EUR\">123.45</Amt>", "<Amt Ccy=\"EUR\">123,45</Amt>");
        long before = eventCount();
        Http.Response refused = importCamt(xml);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).isEqualTo("line 47, element <Amt>: '123,45' is not an amount such as 4500.00");
        assertThat(refused.json().get("field").asString()).isEqualTo("file");

        Http.Response broken = importCamt(xml.replace("123,45", "123.45").replace("</Stmt>", ""));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("detail").asString()).startsWith("line 81: not well-formed camt.053 XML");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(eventCountFor(stmt)).isZero();
    }

    @Test
    void a_csv_statement_is_imported_once_and_a_malformed_one_is_refused_naming_the_line() {
        String stmt = unique("STMT-CSV");
        String header = "statementId;account;currency;entryReference;bookingDate;valueDate;direction;amount;bankReference;remittance\n";
        String good = header + stmt + ";IT60X0542811101000000123456;EUR;C-1;05/10/2026;;DBIT;1.234,56;REF-C1;Pagamento CUP J26T00000000009\n";
        Http.Response first = ok(http.post("/api/nrrp/bank-statements?format=csv").as(OFFICER, "city-finance").body(good, "text/csv").send(), 200);
        assertThat(first.json().get("statements").get(0).get("statementId").asString()).isEqualTo(stmt);
        assertThat(eventCountFor(stmt)).isEqualTo(2);
        ok(http.post("/api/nrrp/bank-statements").as(OFFICER, "city-finance").body(good, "text/csv").send(), 200);
        assertThat(eventCountFor(stmt)).isEqualTo(2);

        String other = unique("STMT-CSV");
        long before = eventCount();
        Http.Response refused = http.post("/api/nrrp/bank-statements").as(OFFICER, "city-finance").body(header
                + other + ";IT60;EUR;C-1;2026-10-05;;DBIT;10,00;;\n"
                + other + ";IT60;EUR;C-2;2026-10-05;;PAY;10,00;;\n", "text/csv").send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).isEqualTo("line 3: column direction must be DBIT or CRDT; was 'PAY'");
        assertThat(eventCount()).isEqualTo(before);

        // 10.001 is ten euro and a tenth of a cent, or ten thousand and one: refused, never guessed
        Http.Response ambiguous = http.post("/api/nrrp/bank-statements").as(OFFICER, "city-finance").body(header
                + other + ";IT60;EUR;C-1;2026-10-05;;DBIT;1.234,56;;\n"
                + other + ";IT60;EUR;C-2;2026-10-05;;DBIT;10.001;;\n", "text/csv").send();
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.json().get("field").asString()).isEqualTo("file");
        assertThat(ambiguous.json().get("detail").asString()).isEqualTo("line 3: column amount: '10.001' is ambiguous: a single '.' followed"
                + " by three digits may be a decimal point or an Italian thousands separator (10001); write it without a thousands separator"
                + " (10001) or with a decimal comma (10.001,00)");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(eventCountFor(other)).isZero();

        // a file of two statements, the second contradicting the one imported above: neither is written
        String fresh = unique("STMT-CSV");
        Http.Response conflict = http.post("/api/nrrp/bank-statements").as(OFFICER, "city-finance").body(header
                + fresh + ";IT60X0542811101000000123456;EUR;C-1;2026-10-05;;DBIT;10,00;;\n"
                + stmt + ";IT60X0542811101000000123456;EUR;C-1;05/10/2026;;DBIT;1.234,57;REF-C1;Pagamento CUP J26T00000000009\n", "text/csv").send();
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("detail").asString()).isEqualTo("entry C-1 of statement " + stmt
                + " was imported before with different content; a booked entry does not change");
        assertThat(eventCountFor(fresh)).isZero();
        assertThat(eventCountFor(stmt)).isEqualTo(2);
    }

    @Test
    void the_plans_measure_list_is_imported_once_and_a_row_it_cannot_read_is_refused_by_line() {
        String plan = unique("PNRR-TEST");
        String list = "mission;component;measure;subMeasure;amount;note\n"
                + "M5;M5C2;M5C2I1.3;;\"1.234.567,89\";Housing First\n"
                + "M5;M5C2;M5C2I1.3;M5C2I1.03.01;N/D;\n"
                + "M1;M1C1;M1C1I1.1;;500.000.000,00;\n";
        Http.Response first = ok(http.post("/api/nrrp/plans/" + plan + "/measures").as(OFFICER, "city-finance").body(list, "text/csv").send(), 200);
        assertThat(first.json().get("measures").asInt()).isEqualTo(3);
        assertThat(eventCountFor(plan)).isEqualTo(3);
        ok(http.post("/api/nrrp/plans/" + plan + "/measures").as(OFFICER, "city-finance").body(list, "text/csv").send(), 200);
        assertThat(eventCountFor(plan)).isEqualTo(3);
        Eventually.holds(() -> {
            List<String> listed = new ArrayList<>();
            reconciliation("measure=M5C2I1.03").get("planMeasures").forEach(m -> {
                if (m.get("planId").asString().equals(plan)) {
                    listed.add(m.get("measure").asString() + "=" + (m.get("amount").isNull() ? "N/D" : m.get("amount").decimalValue().toPlainString()));
                }
            });
            assertThat(listed).containsExactly("M5C2I1.03.01=N/D", "M5C2I1.3=1234567.89");
        });

        String other = unique("PNRR-TEST");
        Http.Response refused = http.post("/api/nrrp/plans/" + other + "/measures").as(OFFICER, "city-finance")
                .body("mission;component;measure;subMeasure;amount\nM5;M5C2;M5C2I1.3;;10\nM5;M5C2;M5C2I1.3;;1,2,3\n", "text/csv").send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).isEqualTo("line 3: column amount: '1,2,3' is not an amount such as 1.234.567,89 or N/D");
        assertThat(eventCountFor(other)).isZero();
    }

    /**
     * The reconciliation with every page of its discrepancies and of its matches joined into one
     * document (the shared database holds other tests' discrepancies, so a case's own may be on any
     * page), following the cursors as a client does.
     */
    private JsonNode reconciliation(String query) {
        String base = "/api/reports/nrrp-reconciliation?limit=1000" + (query.isEmpty() ? "" : "&" + query);
        JsonNode first = ok(http.get(base).as(OFFICER, "city-finance").send(), 200).json();
        ObjectNode whole = (ObjectNode) first.deepCopy();
        for (String[] list : new String[][] {{"discrepancies", "discrepanciesNextCursor", "after"}, {"matches", "matchesNextCursor", "matchesAfter"}}) {
            ArrayNode items = whole.putArray(list[0]);
            JsonNode page = first;
            while (true) {
                assertThat(page.get("knownAt").asString()).isEqualTo(first.get("knownAt").asString());
                assertThat(page.get(list[0]).size()).isLessThanOrEqualTo(1000);
                page.get(list[0]).forEach(items::add);
                if (page.get(list[1]).isNull()) {
                    break;
                }
                page = ok(http.get(base + "&" + list[2] + "=" + page.get(list[1]).asString()).as(OFFICER, "city-finance").send(), 200).json();
            }
        }
        assertThat(whole.get("discrepancies").size()).isEqualTo(first.get("summary").get("discrepancies").asInt());
        assertThat(whole.get("matches").size()).isEqualTo(first.get("summary").get("matches").asInt());
        return whole;
    }

    @Test
    void the_json_answer_pages_discrepancies_and_matches_and_bad_paging_input_is_a_400_naming_the_parameter() {
        JsonNode first = ok(http.get("/api/reports/nrrp-reconciliation").send(), 200).json();
        assertThat(first.get("limit").asInt()).isEqualTo(100);
        assertThat(first.get("discrepancies").size()).isLessThanOrEqualTo(100);
        assertThat(first.get("summary").get("discrepanciesByKind").size()).isEqualTo(7);
        assertThat(first.get("asOf").isNull()).isTrue();
        JsonNode one = ok(http.get("/api/reports/nrrp-reconciliation?limit=1&knownAt=" + first.get("knownAt").asString()).send(), 200).json();
        assertThat(one.get("materialised").asBoolean()).isFalse(); // time travel: computed for the question
        assertThat(one.get("limit").asInt()).isEqualTo(1);
        assertThat(one.get("discrepancies").size()).isLessThanOrEqualTo(1);
        assertThat(one.get("knownAt").asString()).isEqualTo(first.get("knownAt").asString());

        for (String[] bad : new String[][] {{"limit=0", "limit"}, {"limit=1001", "limit"}, {"limit=ten", "limit"}, {"after=not-a-cursor", "after"},
                {"matchesAfter=bm90IGEgY3Vyc29y", "matchesAfter"}}) {
            Http.Response refused = http.get("/api/reports/nrrp-reconciliation?" + bad[0]).send();
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(refused.header("content-type")).startsWith("application/problem+json");
            assertThat(refused.json().get("field").asString()).as(bad[0]).isEqualTo(bad[1]);
        }
        if (!one.get("discrepanciesNextCursor").isNull()) {
            String cursor = one.get("discrepanciesNextCursor").asString();
            // a discrepancies cursor is no matches cursor, and belongs to its own instant
            Http.Response wrongList = http.get("/api/reports/nrrp-reconciliation?matchesAfter=" + cursor).send();
            assertThat(wrongList.status()).isEqualTo(400);
            assertThat(wrongList.json().get("field").asString()).isEqualTo("matchesAfter");
            Http.Response otherBounds = http.get("/api/reports/nrrp-reconciliation?knownAt=2026-01-01T00:00:00Z&after=" + cursor).send();
            assertThat(otherBounds.status()).isEqualTo(400);
            assertThat(otherBounds.json().get("field").asString()).isEqualTo("after");
        }
    }

    private List<Seen> seen(JsonNode report, Set<String> cups) {
        List<Seen> seen = new ArrayList<>();
        for (JsonNode d : report.get("discrepancies")) {
            String cup = d.get("cup").isNull() ? null : d.get("cup").asString();
            // a discrepancy without a CUP (another test's bank entry quoting none) is not one of these CUPs' (Set.of refuses null)
            if (cup == null || !cups.contains(cup)) {
                continue;
            }
            List<String> types = new ArrayList<>();
            d.get("eventIds").forEach(id -> types.add(jdbc.sql("select payload_type from domain_event_entry where event_identifier = ?")
                    .param(id.asString()).query(String.class).single().replaceAll(".*\\.", "")));
            seen.add(new Seen(d.get("kind").asString(), cup, d.get("measure").isNull() ? null : d.get("measure").asString(),
                    d.get("amount").decimalValue().setScale(2).toPlainString(), d.get("detail").asString(), types));
        }
        return seen;
    }

    private static JsonNode line(JsonNode report, String cup) {
        for (JsonNode line : report.get("lines")) {
            if (line.get("cup").asString().equals(cup)) {
                return line;
            }
        }
        throw new AssertionError("no line for CUP " + cup);
    }
    @Test
    void an_expenditure_report_for_a_period_outside_the_date_window_is_refused() {
        // a period of expenditure is a fact dated its first day: 9999-Q4 was recorded as given
        String projectId = project(cups()[1], "HF-W", "20000.00");
        for (String period : List.of("9999-Q4", "0000-01", "1899-12")) {
            long before = eventCount();
            Http.Response refused = http.post("/api/nrrp/projects/" + projectId + "/expenditure-reports").as(OFFICER, "city-finance")
                    .json(Map.of("reportId", "R-far", "period", period, "amount", money("1.00"), "reportedOn", "2026-10-10")).send();
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("code").asString()).isEqualTo("DATE_OUT_OF_RANGE");
            assertThat(refused.json().get("field").asString()).isEqualTo("period");
            assertThat(eventCount()).as("no event appended").isEqualTo(before);
        }
        ok(http.post("/api/nrrp/projects/" + projectId + "/expenditure-reports").as(OFFICER, "city-finance").json(Map.of("reportId", "R-near",
                "period", "2026-Q3", "amount", money("1.00"), "reportedOn", "2026-10-10")).send(), 201);
    }
    @Test
    void one_payment_matched_by_hand_from_two_statements_at_once_is_matched_once() {
        Booked b = booked();
        String o3 = paymentEvent(b, "o-3"); // matched to no entry
        String other = unique("STMT-RACE");
        ok(http.post("/api/nrrp/bank-statements").as(OFFICER, "city-finance").body(
                "statementId;account;currency;entryReference;bookingDate;valueDate;direction;amount;bankReference;remittance\n"
                        + other + ";IT60X0542811101000000123456;EUR;E-9;2026-10-07;2026-10-07;DBIT;4500.00;;no reference\n", "text/csv").send(), 200);
        Eventually.within(java.time.Duration.ofSeconds(20), () -> {
            assertThat(jdbc.sql("select count(*) from nrrp_bank_entry where statement_id = ?").param(other).query(Long.class).single()).isEqualTo(1L);
            return null;
        });
        long before = eventCountFor(b.stmt()) + eventCountFor(other);

        // the tester's case: two officers confirm the same payment at the same moment with entries of two statements
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Http.Response> first = pool.submit(() -> {
                start.await();
                return match(b, "E-4", o3, "the first officer");
            });
            java.util.concurrent.Future<Http.Response> second = pool.submit(() -> {
                start.await();
                return http.post("/api/nrrp/bank-statements/" + other + "/entries/E-9/match").as(OFFICER, "city-finance")
                        .json(Map.of("paymentEventId", o3, "reason", "the second officer")).send();
            });
            List<Integer> statuses = new ArrayList<>(List.of(first.get().status(), second.get().status()));
            statuses.sort(null);
            assertThat(statuses).as(first.get().body() + " / " + second.get().body()).containsExactly(200, 409);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventCountFor(b.stmt()) + eventCountFor(other)).as("one match recorded").isEqualTo(before + 1);
    }
}
