package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.EVIDENCE;
import static org.impactledger.api.support.Scenario.PROVIDER;
import static org.impactledger.api.support.Scenario.ok;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.impactledger.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bulk outcome import over HTTP on PostgreSQL: CSV and NDJSON files with good and bad rows, the
 * rejected rows with their lines and reasons, the events really stored, the same file twice with one
 * effect, progress while an import runs, ownership, and malformed files refused naming the line.
 */
class OutcomeImportTest extends IntegrationTest {

    private static final String HEADER = "outcomeId,beneficiaryId,metricCode,period,outcomeDate,quantity,evidenceReference,evidenceSha256\n";

    private Http.Response importCsv(Scenario s, String csv) {
        return http.post(imports(s)).as(PROVIDER, "provider").body(csv, "text/csv").send();
    }

    private static String imports(Scenario s) {
        return "/api/contracts/" + s.contractId + "/outcomes/imports";
    }

    private static String row(String outcomeId, String beneficiary, String metric, String period, String date, String quantity) {
        return String.join(",", outcomeId, beneficiary, metric, period, date, quantity, "case-file://" + outcomeId, EVIDENCE) + "\n";
    }

    private static List<String> rejected(JsonNode answer, String what) {
        return answer.get("rejections").get("items").valueStream().map(r -> r.get("line").asLong() + " " + r.get(what).asString()).toList();
    }

    @Test
    void a_csv_file_records_its_good_rows_as_events_and_lists_the_bad_ones_by_line_and_reason() {
        Scenario s = Scenario.fundWithContract(http, unique("imp-csv"), "50000.00", "900000.00");
        ok(s.report("o-before", "ben-paid", "HOUSED-6M", "2026-Q3", "2026-08-01"), 201);
        ok(s.verify("o-before", Scenario.VERIFIER), 200);
        ok(s.approve("o-before", Scenario.PAYER), 200);
        long before = eventCountFor(s.contractId);
        String csv = HEADER
                + row("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01", "1")            // line 2: good
                + row("o-2", "ben-2", "HOUSED-6M", "2026-Q3", "2026-13-01", "1")            // line 3: bad date
                + row("o-3", "ben-3", "JOB-QUARTER", "2026-Q3", "2026-08-01", "abc")        // line 4: bad number
                + "\n"                                                                       // line 5: blank, skipped
                + row("o-4", "ben-4", "MEALS", "2026-Q3", "2026-08-01", "1")                 // line 6: not on the rate card
                + row("o-5", "ben-5", "HOUSED-6M", "2026-Q3", "2026-01-15", "1")             // line 7: before the term
                + row("o 6", "ben-6", "HOUSED-6M", "2026-Q3", "2026-08-01", "1")             // line 8: bad id
                + row("o-7", "ben-paid", "HOUSED-6M", "2026-Q3", "2026-08-01", "1")          // line 9: beneficiary already paid
                + "o-8,ben-8,HOUSED-6M,2026-Q3,2026-08-01\n"                                 // line 10: missing columns
                + ",ben-9,JOB-QUARTER,2026-Q3,2026-09-30,1,case-file://9," + EVIDENCE + "\n"  // line 11: good, derived id
                + row("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01", "1");           // line 12: same row again
        Http.Response response = importCsv(s, csv);
        ok(response, 201);
        JsonNode answer = response.json();
        assertThat(answer.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(answer.get("format").asString()).isEqualTo("CSV");
        assertThat(answer.get("rowsRead").asLong()).isEqualTo(10);
        assertThat(answer.get("accepted").asLong()).isEqualTo(2);
        assertThat(answer.get("alreadyReported").asLong()).isEqualTo(1);
        assertThat(answer.get("rejected").asLong()).isEqualTo(7);
        assertThat(rejected(answer, "field")).containsExactly("3 outcomeDate", "4 quantity", "6 metricCode", "7 outcomeDate",
                "8 outcomeId", "9 beneficiaryId", "10 ");
        assertThat(rejected(answer, "code")).containsExactly("3 VALIDATION_FAILED", "4 VALIDATION_FAILED", "6 UNKNOWN_CODE",
                "7 DATE_OUT_OF_RANGE", "8 VALIDATION_FAILED", "9 DUPLICATE_PAYMENT", "10 MALFORMED_ROW");
        assertThat(rejected(answer, "reason")).contains("3 outcomeDate '2026-13-01' is not a date (use yyyy-MM-dd)",
                "4 quantity 'abc' is not a number (use a dot for decimals: 1.5)",
                "7 outcomeDate 2026-01-15 is outside the contract term 2026-02-01 to 2027-12-31",
                "10 the row has 5 fields, the header 8");
        assertThat(response.header("Location")).endsWith(imports(s) + "/" + answer.get("importId").asString());

        // the events are stored, with the principal and the import as correlation id
        assertThat(eventCountFor(s.contractId)).isEqualTo(before + 2);
        List<String> types = jdbc.sql("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number desc limit 2")
                .param(s.contractId).query(String.class).list();
        assertThat(types).allMatch(t -> t.endsWith("OutcomeReported"));
        Eventually.holds(() -> assertThat(http.get("/api/contracts/" + s.contractId + "/outcomes/o-1").send().status()).isEqualTo(200));
        String derived = jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ? order by sequence_number desc limit 1")
                .param(s.contractId).query((rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).single();
        assertThat(derived).contains("\"beneficiaryId\":\"ben-9\"").containsPattern("\"outcomeId\":\"o-[0-9a-f]{40}\"");

        // the status endpoint, and the rejected rows page by page
        JsonNode status = ok(http.get(imports(s) + "/" + answer.get("importId").asString() + "?size=3&page=1").send(), 200).json();
        assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("rejections").get("total").asLong()).isEqualTo(7);
        assertThat(rejected(status, "field")).containsExactly("7 outcomeDate", "8 outcomeId", "9 beneficiaryId");
        JsonNode list = ok(http.get(imports(s)).as(PROVIDER, "provider").send(), 200).json();
        assertThat(list.get("items").valueStream().map(i -> i.get("importId").asString())).contains(answer.get("importId").asString());
        // paging parameters are checked as on every other list
        for (String query : new String[] {"?size=0", "?size=-1", "?page=-1"}) {
            for (String path : new String[] {imports(s), imports(s) + "/" + answer.get("importId").asString()}) {
                Http.Response refused = http.get(path + query).as(PROVIDER, "provider").send();
                assertThat(refused.status()).as(path + query).isEqualTo(400);
                assertThat(refused.json().get("field").asString()).as(path + query).isEqualTo(query.substring(1, query.indexOf('=')));
            }
        }
    }

    @Test
    void the_same_file_imported_twice_has_one_effect() {
        Scenario s = Scenario.fundWithContract(http, unique("imp-twice"), "50000.00", "900000.00");
        String csv = HEADER + row("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01", "1")
                + ",ben-2,JOB-QUARTER,2026-Q3,2026-09-30,1,case-file://2," + EVIDENCE + "\n"
                + row("o-3", "ben-3", "MEALS", "2026-Q3", "2026-08-01", "1");
        JsonNode first = ok(importCsv(s, csv), 201).json();
        assertThat(first.get("accepted").asLong()).isEqualTo(2);
        long after = eventCountFor(s.contractId);

        JsonNode second = ok(importCsv(s, csv), 200).json();
        assertThat(second.get("status").asString()).isEqualTo("ALREADY_IMPORTED");
        assertThat(second.get("alreadyImportedAs").asString()).isEqualTo(first.get("importId").asString());
        assertThat(second.get("accepted").asLong()).isZero();
        assertThat(eventCountFor(s.contractId)).isEqualTo(after);

        // the same rows in another file (other order, as NDJSON): nothing new either, each row counted as already reported
        String ndjson = "{\"beneficiaryId\":\"ben-2\",\"metricCode\":\"JOB-QUARTER\",\"period\":\"2026-Q3\",\"outcomeDate\":\"2026-09-30\","
                + "\"quantity\":1,\"evidenceReference\":\"case-file://2\",\"evidenceSha256\":\"" + EVIDENCE + "\"}\n"
                + "{\"outcomeId\":\"o-1\",\"beneficiaryId\":\"ben-1\",\"metricCode\":\"HOUSED-6M\",\"period\":\"2026-Q3\",\"outcomeDate\":\"2026-08-01\","
                + "\"quantity\":\"1.00\",\"evidenceReference\":\"case-file://o-1\",\"evidenceSha256\":\"" + EVIDENCE + "\"}\n";
        JsonNode third = ok(http.post(imports(s)).as(PROVIDER, "provider").body(ndjson, "application/x-ndjson").send(), 201).json();
        assertThat(third.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(third.get("accepted").asLong()).isZero();
        assertThat(third.get("alreadyReported").asLong()).isEqualTo(2);
        assertThat(eventCountFor(s.contractId)).isEqualTo(after);

        // a retried request with the same import id answers with the record, reading nothing
        Http.Response retried = http.post(imports(s) + "?importId=" + first.get("importId").asString()).as(PROVIDER, "provider")
                .body("garbage", "text/csv").send();
        ok(retried, 200);
        assertThat(retried.json().get("accepted").asLong()).isEqualTo(2);
    }

    @Test
    void an_ndjson_file_is_checked_row_by_row_with_the_single_report_rules() {
        Scenario s = Scenario.fundWithContract(http, unique("imp-json"), "50000.00", "900000.00");
        String good = "{\"outcomeId\":\"j-1\",\"beneficiaryId\":\"ben-1\",\"metricCode\":\"HOUSED-6M\",\"period\":\"2026-Q3\","
                + "\"outcomeDate\":\"2026-08-01\",\"quantity\":\"1\",\"evidenceReference\":\"case\",\"evidenceSha256\":\"" + EVIDENCE + "\"}";
        String ndjson = good + "\n"
                + good.replace("j-1", "j-2").replace("ben-1", "RSSMRA85T10A562S") + "\n"           // line 2: a tax code, not a pseudonym
                + good.replace("j-1", "j-3").replace("\"period\":\"2026-Q3\"", "\"period\":\"Q3\"") + "\n"   // line 3: bad period
                + good.replace("j-1", "j-4").replace("\"quantity\":\"1\"", "\"quantity\":\"1.001\"") + "\n"  // line 4: 3 decimals
                + good.replace("j-1", "j-5").replace("\"quantity\":\"1\"", "\"quantity\":\"1\",\"colour\":\"red\"") + "\n" // line 5
                + good.replace("j-1", "j-6").replace("\"outcomeDate\":\"2026-08-01\"", "\"outcomeDate\":\"yesterday\"") + "\n"; // line 6
        JsonNode answer = ok(http.post(imports(s)).as("ops", "admin").body(ndjson, "application/x-ndjson").send(), 201).json();
        assertThat(answer.get("accepted").asLong()).isEqualTo(1);
        assertThat(rejected(answer, "field")).containsExactly("2 beneficiaryId", "3 period", "4 quantity", "5 colour", "6 outcomeDate");
        assertThat(eventCountFor(s.contractId)).isEqualTo(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%ContractSigned'").param(s.contractId).query(Long.class).single() + 1);
    }

    @Test
    void another_provider_is_refused_with_403_and_nothing_is_recorded() {
        Scenario s = Scenario.fundWithContract(http, unique("imp-owner"), "50000.00", "900000.00");
        long before = eventCountFor(s.contractId);
        Http.Response response = http.post(imports(s)).as("provider-zeta", "provider", Map.of("provider_id", "coop-other"))
                .body(HEADER + row("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01", "1"), "text/csv").send();
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("NOT_OWNER");
        assertThat(eventCountFor(s.contractId)).isEqualTo(before);
        assertThat(http.post(imports(s)).as("verifier-x", "verifier").body(HEADER, "text/csv").send().status()).isEqualTo(403);
        // the list reads the contract from its read model: once the owner sees it, another provider is refused
        Eventually.holds(() -> assertThat(http.get(imports(s)).as(PROVIDER, "provider").send().status()).isEqualTo(200));
        assertThat(http.get(imports(s)).as("provider-zeta", "provider", Map.of("provider_id", "coop-other")).send().status()).isEqualTo(403);
    }

    @Test
    void a_malformed_file_is_refused_with_a_problem_naming_the_line_and_records_nothing() {
        Scenario s = Scenario.fundWithContract(http, unique("imp-bad"), "50000.00", "900000.00");
        long before = eventCountFor(s.contractId);
        String good = row("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01", "1");
        assertProblem(importCsv(s, "outcomeId,beneficiaryId,metricCode\n" + good), "line 1: the header lacks the columns period, outcomeDate");
        assertProblem(importCsv(s, HEADER.replace("quantity", "qty")), "line 1: unknown column 'qty'");
        assertProblem(importCsv(s, HEADER + good + "o-2,\"ben-2,HOUSED-6M\n"), "line 3: a quoted field is not closed");
        assertProblem(importCsv(s, ""), "line 1: empty file");
        assertProblem(http.post(imports(s)).as(PROVIDER, "provider").body("{\"outcomeId\":\"x\"}\n[1,2]\n", "application/x-ndjson").send(),
                "line 2: not a JSON object");
        Http.Response wrongType = http.post(imports(s)).as(PROVIDER, "provider").body(good, "application/json").send();
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("field").asString()).isEqualTo("Content-Type");
        assertThat(eventCountFor(s.contractId)).isEqualTo(before);
        // the list is read from the contract's read model, which follows the commands by a moment
        Eventually.holds(() -> {
            JsonNode list = ok(http.get(imports(s)).send(), 200).json();
            assertThat(list.get("items").valueStream().map(i -> i.get("status").asString())).containsOnly("FAILED");
        });
    }

    @Test
    void an_ndjson_line_with_a_key_twice_refuses_the_file_naming_the_line_and_records_nothing() {
        Scenario s = Scenario.fundWithContract(http, unique("imp-dup"), "50000.00", "900000.00");
        long before = eventCountFor(s.contractId);
        String good = "{\"outcomeId\":\"n-7a\",\"beneficiaryId\":\"ben-1\",\"metricCode\":\"HOUSED-6M\",\"period\":\"2026-Q3\","
                + "\"outcomeDate\":\"2026-08-01\",\"quantity\":\"1\",\"evidenceReference\":\"case\",\"evidenceSha256\":\"" + EVIDENCE + "\"}";
        // which outcome id did the provider mean? the last one used to win: n-7b was recorded
        String twice = good.replace("\"outcomeId\":\"n-7a\"", "\"outcomeId\":\"n-7a\",\"outcomeId\":\"n-7b\"").replace("ben-1", "ben-2");
        assertProblem(http.post(imports(s)).as(PROVIDER, "provider").body(good + "\n" + twice + "\n", "application/x-ndjson").send(),
                "line 2: outcomeId: property 'outcomeId' appears more than once");
        String nested = good.replace("\"quantity\":\"1\"", "\"quantity\":\"1\",\"quantity\":\"2\"");
        assertProblem(http.post(imports(s)).as(PROVIDER, "provider").body("\n" + nested + "\n", "application/x-ndjson").send(),
                "line 2: quantity: property 'quantity' appears more than once");
        assertProblem(http.post(imports(s)).as(PROVIDER, "provider").body(good + "\n{\"outcomeId\": }\n", "application/x-ndjson").send(),
                "line 2: malformed JSON");
        assertThat(eventCountFor(s.contractId)).isEqualTo(before);
        assertThat(http.get("/api/contracts/" + s.contractId + "/outcomes/n-7b").send().status()).isEqualTo(404);
    }

    private static void assertProblem(Http.Response response, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_VALUE");
        assertThat(response.json().get("field").asString()).isEqualTo("file");
        assertThat(response.json().get("detail").asString()).contains(detail);
    }

    @Test
    void progress_is_visible_while_the_file_is_still_arriving() throws Exception {
        Scenario s = Scenario.fundWithContract(http, unique("imp-progress"), "50000.00", "900000.00");
        String importId = unique("import-progress");
        PipedOutputStream upload = new PipedOutputStream();
        PipedInputStream body = new PipedInputStream(upload, 65536);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + imports(s) + "?importId=" + importId))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TestTokens.forActor(PROVIDER, "provider", Map.of()))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
        write(upload, HEADER);
        for (int i = 0; i < 1500; i++) {
            write(upload, row("p-" + i, "ben-" + i, "HOUSED-6M", "2026-Q3", "2026-08-01", "1"));
        }
        upload.flush();
        JsonNode running = Eventually.within(Duration.ofSeconds(20), () -> {
            Http.Response r = http.get(imports(s) + "/" + importId).send();
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            return r.json();
        });
        assertThat(running.get("status").asString()).isEqualTo("RUNNING");
        assertThat(ok(http.get(imports(s)).send(), 200).json().get("items").get(0).get("status").asString()).isEqualTo("RUNNING");
        for (int i = 1500; i < 2500; i++) {
            write(upload, row("p-" + i, "ben-" + i, "HOUSED-6M", "2026-Q3", "2026-08-01", "1"));
        }
        upload.close();
        HttpResponse<String> done = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        JsonNode finished = ok(http.get(imports(s) + "/" + importId).send(), 200).json();
        assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(finished.get("rowsRead").asLong()).isEqualTo(2500);
        assertThat(finished.get("accepted").asLong()).isEqualTo(2500);
        assertThat(eventCountFor(s.contractId)).isEqualTo(2501);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
