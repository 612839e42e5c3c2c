package org.impactledger.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.report.FundPerformanceReportTest.assertField;
import static org.impactledger.api.support.Scenario.ok;

import java.util.List;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The outcome payment audit chain through HTTP: who reported, verified, approved and transferred,
 * when, with the evidence hash, and the identifier and global position of each event as the event
 * store holds it.
 */
class OutcomePaymentAuditReportTest extends IntegrationTest {

    @Test
    void a_paid_outcome_shows_its_chain_with_actors_times_evidence_and_the_events_global_positions() {
        DatedLedger ledger = DatedLedger.fundWithContract(http, unique("audit"), "50000.00", "30000.00");
        ledger.reportVerifyApprove("o-1", "ben-1", "2026-08-01", "2026-08-05", "2026-08-10", "2026-08-20");
        ledger.execute("o-1", "IT-AUDIT-1", "2026-09-05");
        String path = "/api/reports/outcome-payments/" + ledger.contractId + "/o-1";

        JsonNode chain = Eventually.within(java.time.Duration.ofSeconds(15), () -> {
            JsonNode c = ok(http.get(path).send(), 200).json();
            assertThat(c.get("status").asString()).isEqualTo("PAID");
            // the audit chain builder has reached the transfer: every step carries its proof
            assertThat(c.get("transfers").get(0).get("event").get("chainHash").isNull()).isFalse();
            return c;
        });

        assertThat(chain.get("report").get("reportedBy").asString()).isEqualTo(Scenario.PROVIDER);
        assertThat(chain.get("report").get("evidenceReference").asString()).isEqualTo("case-file://o-1");
        assertThat(chain.get("report").get("evidenceSha256").asString()).isEqualTo(Scenario.EVIDENCE);
        assertThat(chain.get("verification").get("verifiedBy").asString()).isEqualTo(Scenario.VERIFIER);
        assertThat(chain.get("verification").get("verifiedQuantity").decimalValue()).isEqualByComparingTo("1");
        JsonNode approval = chain.get("approvals").get(0);
        assertThat(approval.get("approvedBy").asString()).isEqualTo(Scenario.PAYER);
        assertThat(approval.get("unitPrice").decimalValue()).isEqualByComparingTo("4500.00");
        assertThat(approval.get("amount").decimalValue()).isEqualByComparingTo("4500.00");
        assertThat(approval.get("event").get("businessDate").asString()).isEqualTo("2026-08-20");
        JsonNode transfer = chain.get("transfers").get(0);
        assertThat(transfer.get("executedBy").asString()).isEqualTo("treasurer-elena");
        assertThat(transfer.get("bankReference").asString()).isEqualTo("IT-AUDIT-1");
        assertThat(transfer.get("valueDate").asString()).isEqualTo("2026-09-05");

        long previous = 0;
        for (JsonNode step : new JsonNode[] {chain.get("report"), chain.get("verification"), approval, transfer}) {
            JsonNode event = step.get("event");
            String eventId = event.get("eventId").asString();
            long position = event.get("globalPosition").asLong();
            // the identifier and position are those of the stored event, so the audit trail's proof can be looked up by them
            assertThat(jdbc.sql("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?").param(eventId)
                    .query(Long.class).single()).isEqualTo(position);
            assertThat(position).isGreaterThan(previous);
            previous = position;
            assertThat(event.get("recordedAt").asString()).isNotBlank();
            assertThat(event.get("principal").asString()).isNotBlank();
            // the hash-chain proof is the audit trail's own record of this event
            assertThat(event.get("eventHash").asString()).isEqualTo(jdbc.sql("SELECT event_hash FROM audit_chain WHERE event_identifier = ?")
                    .param(eventId).query(String.class).single()).hasSize(64);
            assertThat(event.get("chainHash").asString()).isEqualTo(jdbc.sql("SELECT chain_hash FROM audit_chain WHERE event_identifier = ?")
                    .param(eventId).query(String.class).single());
        }
    }

    @Test
    void the_list_holds_the_contracts_approved_outcomes_and_refuses_bad_paging_values() {
        DatedLedger ledger = DatedLedger.fundWithContract(http, unique("audit-list"), "50000.00", "30000.00");
        ledger.reportVerifyApprove("o-1", "ben-1", "2026-08-01", "2026-08-05", "2026-08-10", "2026-08-20");
        ledger.execute("o-1", "IT-AUDIT-L1", "2026-09-05");
        ledger.reportVerifyApprove("o-2", "ben-2", "2026-08-02", "2026-08-05", "2026-08-10", "2026-08-21");
        String list = "/api/reports/outcome-payments?contractId=" + ledger.contractId;

        JsonNode page = Eventually.within(java.time.Duration.ofSeconds(15), () -> {
            JsonNode p = ok(http.get(list).send(), 200).json();
            assertThat(p.get("total").asLong()).isEqualTo(2);
            return p;
        });

        assertThat(page.get("items").get(0).get("outcomeId").asString()).isEqualTo("o-1");
        assertThat(page.get("items").get(0).get("status").asString()).isEqualTo("PAID");
        assertThat(page.get("items").get(0).get("lastBankReference").asString()).isEqualTo("IT-AUDIT-L1");
        assertThat(page.get("items").get(1).get("status").asString()).isEqualTo("APPROVED");
        assertThat(page.get("items").get(1).get("paidAmount").decimalValue()).isEqualByComparingTo("0.00");
        JsonNode second = ok(http.get(list + "&fundId=" + ledger.fundId + "&page=1&size=1").send(), 200).json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("outcomeId").asString()).isEqualTo("o-2");
        // the same second page through the cursor of the first page of one
        JsonNode first = ok(http.get(list + "&size=1").send(), 200).json();
        assertThat(first.get("items").get(0).get("outcomeId").asString()).isEqualTo("o-1");
        String cursor = first.get("nextCursor").asString();
        JsonNode after = ok(http.get(list + "&size=1&after=" + cursor).send(), 200).json();
        assertThat(after.get("items")).hasSize(1);
        assertThat(after.get("items").get(0).get("outcomeId").asString()).isEqualTo("o-2");
        assertThat(after.get("total").asLong()).isEqualTo(2);
        assertThat(after.get("nextCursor").asString()).isNotEmpty();
        JsonNode end = ok(http.get(list + "&size=1&after=" + after.get("nextCursor").asString()).send(), 200).json();
        assertThat(end.get("items")).isEmpty();
        assertThat(end.get("nextCursor").isNull()).isTrue();
        assertThat(page.get("nextCursor").isNull()).isTrue();
        assertField(http.get(list + "&page=1&after=" + cursor).send(), "page");
        assertField(http.get(list + "&after=not-a-cursor").send(), "after");
        // as of a business date before the second approval, one payment
        assertThat(ok(http.get(list + "&asOf=2026-08-20").send(), 200).json().get("total").asLong()).isEqualTo(1);

        assertThat(http.get("/api/reports/outcome-payments/" + ledger.contractId + "/o-9").send().status()).isEqualTo(404);
        assertField(http.get(list + "&page=-1").send(), "page");
        assertField(http.get(list + "&size=0").send(), "size");
        assertField(http.get(list + "&page=first").send(), "page");
        assertField(http.get("/api/reports/outcome-payments?contractId=bad%20id").send(), "contractId");
        assertField(http.get("/api/reports/outcome-payments?asOf=2026-8-1").send(), "asOf");
    }

    /** README, Reports: an unknown fund or payment is a 404 — a typo in a filter is not "no payments". */
    @Test
    void a_filter_naming_an_unknown_fund_or_contract_is_a_404_problem_naming_the_parameter_and_a_known_one_without_payments_is_empty() {
        for (String[] filter : new String[][] {{"fundId=nofund", "fundId"}, {"contractId=nope", "contractId"},
                {"fundId=nofund&contractId=nope", "fundId"}}) {
            Http.Response response = http.get("/api/reports/outcome-payments?" + filter[0]).send();
            assertThat(response.status()).as(filter[0] + " → " + response.body()).isEqualTo(404);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
            assertThat(response.json().get("field").asString()).isEqualTo(filter[1]);
        }
        // the form of the paging parameters is checked first
        assertField(http.get("/api/reports/outcome-payments?fundId=nofund&size=0").send(), "size");

        DatedLedger ledger = DatedLedger.fundWithContract(http, unique("audit-empty"), "50000.00", "30000.00");
        for (String filter : List.of("fundId=" + ledger.fundId, "contractId=" + ledger.contractId,
                "fundId=" + ledger.fundId + "&contractId=" + ledger.contractId)) {
            Eventually.holds(() -> {
                JsonNode page = ok(http.get("/api/reports/outcome-payments?" + filter).send(), 200).json();
                assertThat(page.get("total").asLong()).as(filter).isZero();
                assertThat(page.get("items")).as(filter).isEmpty();
            });
        }
    }
}
