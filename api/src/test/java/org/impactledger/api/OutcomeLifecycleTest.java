package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.ok;

import java.nio.charset.StandardCharsets;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OutcomeLifecycleTest extends IntegrationTest {

    @Test
    void an_outcome_goes_from_report_through_verification_and_approval_to_payment() {
        Scenario s = Scenario.fundWithContract(http, unique("life"), "50000.00", "30000.00");

        Http.Response reported = ok(s.report("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01"), 201);
        assertThat(reported.header("Location")).endsWith("/api/contracts/" + s.contractId + "/outcomes/o-1");
        ok(s.verify("o-1", Scenario.VERIFIER), 200);
        Http.Response approved = ok(s.approve("o-1", Scenario.PAYER), 200);
        assertThat(approved.json().at("/amount/amount").decimalValue()).isEqualByComparingTo("4500.00");
        assertThat(approved.json().at("/amount/currency").asString()).isEqualTo("EUR");
        ok(s.execute("o-1", "IT-BANK-REF-1"), 200);

        assertThat(payloadTypes(s.contractId)).containsExactly(
                "org.impactledger.core.contract.event.ContractSigned",
                "org.impactledger.core.contract.event.OutcomeReported",
                "org.impactledger.core.contract.event.OutcomeVerified",
                "org.impactledger.core.contract.event.OutcomePaymentApproved",
                "org.impactledger.core.contract.event.OutcomePaymentExecuted");
        assertThat(payloadTypes(s.fundId)).contains(
                "org.impactledger.core.fund.event.OutcomeBudgetReserved",
                "org.impactledger.core.fund.event.OutcomePaymentReceived");
    }

    @Test
    void every_event_records_who_acted_the_command_id_correlation_causation_and_business_date() {
        Scenario s = Scenario.fundWithContract(http, unique("meta"), "50000.00", "30000.00");
        ok(http.post("/api/contracts/" + s.contractId + "/outcomes").as(Scenario.PROVIDER, "provider")
                .idempotencyKey("key-" + s.contractId).header("X-Correlation-Id", "corr-" + s.contractId).header("X-Business-Date", "2026-08-02")
                .json(java.util.Map.of("outcomeId", "o-1", "beneficiaryId", "ben-1", "metricCode", "HOUSED-6M", "period", "2026-Q3",
                        "outcomeDate", "2026-08-01", "quantity", "1", "evidenceReference", "file", "evidenceSha256", Scenario.EVIDENCE))
                .send(), 201);

        JsonNode meta = Http.parse(jdbc.sql("select meta_data from domain_event_entry where aggregate_identifier = ? and sequence_number = 1")
                .param(s.contractId).query((rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).single());
        assertThat(meta.get("principal").asString()).isEqualTo(Scenario.PROVIDER);
        assertThat(meta.get("role").asString()).isEqualTo("provider");
        assertThat(meta.get("commandId").asString()).isEqualTo("key-" + s.contractId);
        assertThat(meta.get("correlationId").asString()).isEqualTo("corr-" + s.contractId);
        assertThat(meta.get("causationId").asString()).isNotBlank();
        assertThat(meta.get("businessDate").asString()).isEqualTo("2026-08-02");
    }

    @Test
    void stored_events_are_flat_json_with_ids_as_strings_and_exact_amounts() {
        Scenario s = Scenario.fundWithContract(http, unique("json"), "50000.00", "30000.00");
        String payload = jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = 0")
                .param(s.contractId).query((rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).single();
        JsonNode json = Http.parse(payload);
        assertThat(json.get("contractId").asString()).isEqualTo(s.contractId);
        assertThat(json.get("fundId").asString()).isEqualTo(s.fundId);
        assertThat(json.at("/cap/amount").asString()).isEqualTo("30000.00");
        assertThat(json.at("/cap/currency").asString()).isEqualTo("EUR");
        assertThat(jdbc.sql("select payload_revision from domain_event_entry where aggregate_identifier = ? and sequence_number = 0")
                .param(s.contractId).query(String.class).single()).isEqualTo("1");
    }

    private java.util.List<String> payloadTypes(String aggregateId) {
        return jdbc.sql("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number")
                .param(aggregateId).query(String.class).list();
    }
}
