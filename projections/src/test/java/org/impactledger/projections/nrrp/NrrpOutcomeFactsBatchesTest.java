package org.impactledger.projections.nrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.contract.event.OutcomeVerified;
import org.impactledger.core.contract.event.OutcomeWithdrawn;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.projections.support.ProcessorBatches;
import org.impactledger.projections.support.ProjectionTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The NRRP outcome facts as a tracking processor writes them on PostgreSQL, a batch at a time
 * ({@link NrrpOutcomeWrites}): whatever the batch size, the facts equal those of event-by-event
 * application, a withdrawal taking back what was verified in the same batch or before it; a batch
 * delivered again, wholly or after half of it was applied, changes nothing.
 */
class NrrpOutcomeFactsBatchesTest {

    private static final ProjectionTestDatabase DATABASE = new ProjectionTestDatabase("proj_nrrp_batches_test");
    private static final ContractId CONTRACT = ContractId.of("c-batches");

    private static JdbcClient jdbc;
    private static NrrpProjection projection;
    private static AnnotationEventHandlerAdapter adapter;
    private static DataSourceTransactionManager transactions;

    @BeforeAll
    static void database() {
        DataSource dataSource = DATABASE.postgres();
        jdbc = JdbcClient.create(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        projection = new NrrpProjection(jdbc, new JdbcTemplate(dataSource), transactions);
        adapter = new AnnotationEventHandlerAdapter(projection);
    }

    @BeforeEach
    void empty() {
        projection.reset();
    }

    @Test
    void batches_of_any_size_give_the_facts_of_event_by_event_application() {
        List<EventMessage<?>> events = history();
        events.forEach(NrrpOutcomeFactsBatchesTest::deliver);
        List<Map<String, Object>> oneByOne = facts();
        assertThat(oneByOne).hasSize(9);
        assertThat(oneByOne).filteredOn(f -> "WITHDRAWN".equals(f.get("fact_type")))
                .extracting(f -> ((BigDecimal) f.get("quantity_delta")).stripTrailingZeros())
                .containsExactlyInAnyOrder(new BigDecimal("-3"), BigDecimal.ZERO);

        for (int size : new int[] {1, 2, 3, 4, 5, events.size()}) {
            projection.reset();
            for (int start = 0; start < events.size(); start += size) {
                inBatch(events.subList(start, Math.min(start + size, events.size())));
            }
            assertThat(facts()).as("batches of %d", size).isEqualTo(oneByOne);
        }
    }

    @Test
    void a_batch_delivered_again_changes_nothing_and_a_half_applied_batch_is_completed() {
        List<EventMessage<?>> events = history();
        events.forEach(NrrpOutcomeFactsBatchesTest::deliver);
        List<Map<String, Object>> expected = facts();
        projection.reset();

        ProcessorBatches.halfAppliedThenWhole(events, 4, NrrpOutcomeFactsBatchesTest::inBatch);
        assertThat(facts()).isEqualTo(expected);
        inBatch(events);
        assertThat(facts()).isEqualTo(expected);
    }

    /** nrrp_outcome_fact, where a batch looks its events up by id, keeps planner statistics from its first rows (see ReportBatchesTest). */
    @Test
    void the_facts_are_analyzed_from_their_first_rows() {
        String reltuples = "SELECT reltuples FROM pg_class WHERE oid = to_regclass('nrrp_outcome_fact')";
        assertThat(jdbc.sql(reltuples).query(Double.class).single()).isEqualTo(-1);
        inBatch(history());
        assertThat(jdbc.sql(reltuples).query(Double.class).single()).isPositive();
    }

    /** o-a verified then withdrawn, o-b verified, o-c withdrawn unverified, o-d verified without a report (no fact). */
    private static List<EventMessage<?>> history() {
        List<EventMessage<?>> events = new ArrayList<>();
        Instant at = Instant.parse("2026-03-01T09:00:00Z");
        long seq = 0;
        for (String outcome : List.of("o-a", "o-b", "o-c")) {
            events.add(message(seq++, at.plus(Duration.ofMinutes(seq)), new OutcomeReported(CONTRACT, FundId.of("f"), OutcomeId.of(outcome),
                    BeneficiaryId.of("ben-" + outcome), "HOUSED-6M", "2026-Q1", LocalDate.parse("2026-02-01"), new BigDecimal("3"), "case://"
                    + outcome, null, "provider")));
        }
        events.add(message(seq++, at.plus(Duration.ofMinutes(10)), new OutcomeVerified(CONTRACT, OutcomeId.of("o-a"), new BigDecimal("3"), null, "v")));
        events.add(message(seq++, at.plus(Duration.ofMinutes(11)), new OutcomeVerified(CONTRACT, OutcomeId.of("o-b"), new BigDecimal("2"), null, "v")));
        events.add(message(seq++, at.plus(Duration.ofMinutes(12)), new OutcomeWithdrawn(CONTRACT, OutcomeId.of("o-a"), "duplicate", "provider")));
        events.add(message(seq++, at.plus(Duration.ofMinutes(13)), new OutcomeWithdrawn(CONTRACT, OutcomeId.of("o-c"), "duplicate", "provider")));
        events.add(message(seq++, at.plus(Duration.ofMinutes(14)), new OutcomeVerified(CONTRACT, OutcomeId.of("o-d"), new BigDecimal("1"), null, "v")));
        events.add(message(seq++, at.plus(Duration.ofMinutes(15)), new OutcomeReported(CONTRACT, FundId.of("f"), OutcomeId.of("o-e"),
                BeneficiaryId.of("ben-o-e"), "HOUSED-6M", "2026-Q1", LocalDate.parse("2026-02-02"), new BigDecimal("1"), "case://o-e", null,
                "provider")));
        events.add(message(seq, at.plus(Duration.ofMinutes(16)), new OutcomeVerified(CONTRACT, OutcomeId.of("o-e"), new BigDecimal("1"), null, "v")));
        return events;
    }

    private static EventMessage<?> message(long seq, Instant at, Object payload) {
        return new GenericDomainEventMessage<>("Contract", CONTRACT.value(), seq, payload, MetaData.with("businessDate", "2026-03-01"),
                "nrrp-batch-" + seq, at);
    }

    private static List<Map<String, Object>> facts() {
        return jdbc.sql("SELECT * FROM nrrp_outcome_fact ORDER BY event_id").query().listOfRows();
    }

    private static void deliver(EventMessage<?> message) {
        try {
            adapter.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void inBatch(List<EventMessage<?>> batch) {
        ProcessorBatches.inBatch(transactions, batch, adapter::handle);
    }
}
