package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.api.support.Scenario.ok;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.impactledger.api.support.Eventually;
import org.impactledger.infra.axon.ReadModelHandlerInvoker;
import org.impactledger.api.support.IntegrationTest;
import org.impactledger.api.support.Http;
import org.impactledger.api.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** What an operator relies on: health, metrics by command type, processor lag, the OpenAPI document, no Axon Server by default. */
class OperationsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void health_is_up_with_the_database() {
        JsonNode health = ok(http.get("/actuator/health").send(), 200).json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/db/details/database").asString()).isEqualTo("PostgreSQL");
        assertThat(health.at("/components/readModels/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/readModels/details/journal/state").asString()).isIn("running", "retrying");
        assertThat(health.at("/components/readModels/details/contract-state/state").asString()).isIn("running", "retrying");
    }

    /**
     * Every read model stops at an event its handler fails on (and retries it) instead of skipping it:
     * before, only the journal did, and the nine others logged the failure and went on without the event.
     */
    @Test
    void every_read_model_processor_stops_at_a_failing_event_rather_than_skip_it() {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        assertThat(processing.eventProcessors().keySet()).containsExactlyInAnyOrder("contract-state", "exchange-holdings", "exchange-market",
                "fund-performance", "fund-state", "housing", "journal", "nrrp", "payment-audit", "sdg-impact");
        for (String name : processing.eventProcessors().keySet()) {
            assertThat(processing.listenerInvocationErrorHandler(name)).as(name).isInstanceOf(PropagatingErrorHandler.class);
            assertThat(processing.errorHandler(name)).as(name).isInstanceOf(PropagatingErrorHandler.class);
        }
    }

    /** Every read model's processor asks its handlers once whether they support a reset (ReadModelHandlerInvoker). */
    @Test
    void every_read_model_processor_answers_about_resets_once() {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        for (var entry : processing.eventProcessors().entrySet()) {
            assertThat(entry.getValue()).as(entry.getKey()).isInstanceOf(TrackingEventProcessor.class);
            EventHandlerInvoker invoker = ((TrackingEventProcessor) entry.getValue()).eventHandlerInvoker();
            assertThat(invoker).as(entry.getKey()).isInstanceOf(ReadModelHandlerInvoker.class);
            assertThat(((ReadModelHandlerInvoker) invoker).wrapped()).as(entry.getKey()).isInstanceOf(MultiEventHandlerInvoker.class);
            assertThat(invoker.supportsReset()).as(entry.getKey()).isTrue();
        }
    }

    @Test
    void commands_handled_and_failed_are_counted_by_type() {
        Scenario s = Scenario.fundWithContract(http, unique("metrics"), "50000.00", "30000.00");
        ok(s.report("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01"), 201);
        ok(s.verify("o-1", Scenario.PROVIDER), 403);

        JsonNode success = ok(http.get("/actuator/metrics/commandBus.successCounter?tag=payloadType:ReportOutcome").send(), 200).json();
        assertThat(success.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1.0);
        JsonNode failure = ok(http.get("/actuator/metrics/commandBus.failureCounter?tag=payloadType:VerifyOutcome").send(), 200).json();
        assertThat(failure.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1.0);
        JsonNode latency = ok(http.get("/actuator/metrics/commandBus.successTimer?tag=payloadType:ReportOutcome").send(), 200).json();
        assertThat(latency.get("measurements").findValuesAsString("statistic")).contains("TOTAL_TIME", "MAX");
        JsonNode capacity = ok(http.get("/actuator/metrics/commandBus.capacity?tag=payloadType:ReportOutcome").send(), 200).json();
        assertThat(capacity.at("/measurements/0/value").asDouble()).isGreaterThan(0.0);
        JsonNode published = ok(http.get("/actuator/metrics/eventStore.successCounter?tag=payloadType:OutcomeReported").send(), 200).json();
        assertThat(published.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void a_scraper_reads_every_meter_in_the_prometheus_format_with_an_auditor_credential() {
        Scenario s = Scenario.fundWithContract(http, unique("prometheus"), "50000.00", "30000.00");
        ok(s.report("o-1", "ben-1", "HOUSED-6M", "2026-Q3", "2026-08-01"), 201);

        Http.Response scraped = ok(http.get("/actuator/prometheus").as("auditor-scraper", "auditor").send(), 200);

        assertThat(scraped.header("Content-Type")).startsWith("text/plain");
        assertThat(scraped.body()).containsPattern("(?m)^commandBus_successCounter_total\\{.*payloadType=\"ReportOutcome\".*\\} [0-9.E]+$");
        assertThat(http.get("/actuator/prometheus").as(Scenario.PROVIDER, "provider").send().status()).isEqualTo(403);
    }

    @Test
    void each_read_model_reports_how_far_behind_the_event_store_it_is() {
        Scenario.fundWithContract(http, unique("lag"), "50000.00", "30000.00");
        Eventually.holds(() -> {
            for (String processor : new String[] {"fund-state", "contract-state"}) {
                JsonNode lag = ok(http.get("/actuator/metrics/ledger.processor.lag?tag=processor:" + processor).send(), 200).json();
                assertThat(lag.at("/measurements/0/value").asDouble()).as(processor).isEqualTo(0.0);
            }
        });
    }

    @Test
    void event_processors_are_timed_without_a_capacity_window_of_every_message() {
        Scenario.fundWithContract(http, unique("procmetrics"), "50000.00", "30000.00");
        Eventually.holds(() -> {
            JsonNode latency = ok(http.get("/actuator/metrics/eventProcessor.latency?tag=processorName:contract-state").send(), 200).json();
            assertThat(latency.get("measurements")).isNotEmpty();
            JsonNode handled = ok(http.get("/actuator/metrics/eventProcessor.successCounter?tag=processorName:contract-state").send(), 200).json();
            assertThat(handled.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1.0);
        });
        // Axon's capacity monitor keeps each message's duration for its window: a million entries during a build
        assertThat(http.get("/actuator/metrics/eventProcessor.capacity").send().status()).isEqualTo(404);
    }

    @Test
    void the_openapi_document_describes_commands_with_their_headers() {
        JsonNode doc = ok(http.get("/v3/api-docs").send(), 200).json();
        assertThat(doc.at("/info/title").asString()).isEqualTo("Impact Ledger API");
        assertThat(doc.at("/paths/~1api~1contracts~1{contractId}~1outcomes/post/parameters").findValuesAsString("name"))
                .contains("Idempotency-Key", "X-Business-Date")
                .doesNotContain("X-Actor");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
        assertThat(http.get("/swagger-ui/index.html").send().status()).isEqualTo(200);
    }

    @Test
    void the_default_configuration_does_not_connect_to_axon_server() {
        assertThat(context.getBeanNamesForType(org.axonframework.axonserver.connector.AxonServerConnectionManager.class)).isEmpty();
        assertThat(context.getBean(org.axonframework.eventsourcing.eventstore.EventStorageEngine.class))
                .isInstanceOfSatisfying(org.impactledger.infra.axon.PacedTailEventStorageEngine.class, engine -> assertThat(engine.delegate())
                        .isInstanceOf(org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine.class));
    }
}
