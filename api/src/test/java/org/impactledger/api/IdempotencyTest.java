package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.money;
import static org.impactledger.api.support.Scenario.ok;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Scenario;
import org.junit.jupiter.api.Test;

class IdempotencyTest extends IntegrationTest {

    @Test
    void the_same_idempotency_key_twice_returns_the_first_answer_and_appends_nothing() {
        Scenario s = Scenario.fundWithContract(http, unique("idem"), "50000.00", "30000.00");
        ok(s.report("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01"), 201);
        ok(s.verify("o-1", Scenario.VERIFIER), 200);
        String key = unique("approve-key");
        Http.Response first = ok(http.post("/api/contracts/" + s.contractId + "/outcomes/o-1/payment-approval")
                .as(Scenario.PAYER, "outcome-payer").idempotencyKey(key).send(), 200);
        long events = eventCount();

        Http.Response again = ok(http.post("/api/contracts/" + s.contractId + "/outcomes/o-1/payment-approval")
                .as(Scenario.PAYER, "outcome-payer").idempotencyKey(key).send(), 200);

        assertThat(again.json()).isEqualTo(first.json());
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void the_same_key_with_a_different_body_is_refused_with_409() {
        Scenario s = Scenario.fundWithContract(http, unique("idem2"), "50000.00", "30000.00");
        String key = unique("commit-key");
        ok(http.post("/api/funds/" + s.fundId + "/commitments").as(Scenario.MANAGER, "fund-manager").idempotencyKey(key)
                .json(Map.of("investorId", "inv-b", "amount", money("1000.00"), "valueDate", "2026-01-10")).send(), 201);
        long events = eventCount();
        Http.Response reused = http.post("/api/funds/" + s.fundId + "/commitments").as(Scenario.MANAGER, "fund-manager").idempotencyKey(key)
                .json(Map.of("investorId", "inv-b", "amount", money("2000.00"), "valueDate", "2026-01-10")).send();
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(reused.json().get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void another_user_sending_the_same_key_and_body_is_refused_not_answered_with_the_first_users_result() {
        Scenario s = Scenario.fundWithContract(http, unique("idem5"), "50000.00", "30000.00");
        String key = unique("shared-key");
        Map<String, Object> body = Map.of("investorId", "inv-b", "amount", money("1000.00"), "valueDate", "2026-01-10");
        ok(http.post("/api/funds/" + s.fundId + "/commitments").as(Scenario.MANAGER, "fund-manager").idempotencyKey(key).json(body).send(), 201);
        long events = eventCount();

        Http.Response other = http.post("/api/funds/" + s.fundId + "/commitments").as("manager-bea", "fund-manager").idempotencyKey(key)
                .json(body).send();

        assertThat(other.status()).as(other.body()).isEqualTo(409);
        assertThat(other.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(eventCount()).isEqualTo(events);
        // the first user's retry is still answered
        Http.Response retry = http.post("/api/funds/" + s.fundId + "/commitments").as(Scenario.MANAGER, "fund-manager").idempotencyKey(key)
                .json(body).send();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void a_refused_command_does_not_use_up_its_key() {
        Scenario s = Scenario.fundWithContract(http, unique("idem3"), "50000.00", "30000.00");
        String key = unique("call-key");
        Map<String, Object> body = Map.of("callId", "call-2", "investorId", "inv-b", "amount", money("1000.00"), "dueDate", "2026-03-01");
        assertThat(http.post("/api/funds/" + s.fundId + "/capital-calls").as(Scenario.MANAGER, "fund-manager").idempotencyKey(key)
                .json(body).send().status()).isEqualTo(404);
        ok(http.post("/api/funds/" + s.fundId + "/commitments").as(Scenario.MANAGER, "fund-manager")
                .json(Map.of("investorId", "inv-b", "amount", money("5000.00"), "valueDate", "2026-01-10")).send(), 201);
        ok(http.post("/api/funds/" + s.fundId + "/capital-calls").as(Scenario.MANAGER, "fund-manager").idempotencyKey(key)
                .json(body).send(), 201);
    }

    @Test
    void concurrent_requests_with_the_same_key_have_one_effect() throws Exception {
        Scenario s = Scenario.fundWithContract(http, unique("idem4"), "50000.00", "30000.00");
        String key = unique("concurrent-key");
        long before = eventCountFor(s.fundId);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> http.post("/api/funds/" + s.fundId + "/commitments").as(Scenario.MANAGER, "fund-manager")
                        .idempotencyKey(key).json(Map.of("investorId", "inv-c", "amount", money("700.00"), "valueDate", "2026-01-10")).send()));
            }
            for (Future<Http.Response> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(eventCountFor(s.fundId)).isEqualTo(before + 1);
    }
}
