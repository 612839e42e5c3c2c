package org.impactledger.projections.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactledger.projections.state.LedgerHistory.CONTRACT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.impactledger.core.contract.event.ContractEvent;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.contract.query.FindContract;
import org.impactledger.core.fund.event.FundEvent;
import org.impactledger.projections.support.ProcessorBatches;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The state projections as a tracking processor drives them on PostgreSQL: a batch of events in one
 * {@link BatchingUnitOfWork} with one transaction, the contract projection's writes held until the
 * unit of work commits. Whatever the batch size, the rows equal those of applying event by event;
 * a batch delivered again (wholly or partly, alone or with new events) changes nothing; a batch
 * that fails writes nothing.
 */
class BatchedUnitOfWorkTest {

    private static StateViews views;
    private static DataSourceTransactionManager transactions;
    private static AnnotationEventHandlerAdapter fundHandlers;
    private static AnnotationEventHandlerAdapter contractHandlers;

    @BeforeAll
    static void wiring() {
        DataSource dataSource = TestDatabases.postgres();
        views = new StateViews(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        fundHandlers = new AnnotationEventHandlerAdapter(views.fund);
        contractHandlers = new AnnotationEventHandlerAdapter(views.contract);
    }

    @BeforeEach
    void emptyTables() {
        views.reset();
    }

    @Test
    void batches_of_any_size_give_the_rows_of_event_by_event_application() {
        List<Recorded> events = LedgerHistory.outcomeFund().closed(CONTRACT, "2026-12-31").events();
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> oneByOne = views.dump();
        assertThat(oneByOne.get("outcome_view")).hasSize(7);

        for (int size : new int[] {1, 2, 3, 7, 13, events.size()}) {
            views.reset();
            inBatches(events, size);
            assertThat(views.dump()).as("batches of %d", size).isEqualTo(oneByOne);
        }
    }

    @Test
    void a_batch_delivered_again_changes_nothing() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        inBatches(events, 10);
        Map<String, List<Map<String, Object>>> once = views.dump();

        inBatch(events.subList(10, 30));
        assertThat(views.dump()).isEqualTo(once);

        inBatches(events, 7);
        assertThat(views.dump()).isEqualTo(once);
        assertThat(views.contractQueries.handle(new FindContract(CONTRACT)).outcomeCount()).isEqualTo(6);
    }

    @Test
    void a_batch_that_repeats_applied_events_before_new_ones_applies_only_the_new_ones() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> expected = views.dump();
        views.reset();

        // at least once: each batch first half-applied (the "crash"), then delivered again in full with what follows
        ProcessorBatches.halfAppliedThenWhole(events, 9, BatchedUnitOfWorkTest::inBatch);
        assertThat(views.dump()).isEqualTo(expected);
    }

    @Test
    void a_batch_that_fails_at_commit_writes_nothing_and_applies_in_full_when_delivered_again() {
        List<Recorded> events = LedgerHistory.outcomeFund().events();
        Recorded reported = events.stream().filter(r -> r.payload() instanceof OutcomeReported).findFirst().orElseThrow();
        int at = events.indexOf(reported);
        inBatch(events.subList(0, at));
        views.jdbc.sql("""
                        INSERT INTO outcome_view (contract_id, outcome_id, fund_id, beneficiary_id, metric_code, outcome_date, quantity,
                            currency, status, reported_at)
                        VALUES ('contract-employment', 'o-1', 'fund-torino', 'stray', 'X', DATE '2026-01-01', 1, 'EUR', 'REPORTED',
                            TIMESTAMP '2026-01-01 00:00:00')""").update();
        Map<String, List<Map<String, Object>>> before = views.dump();

        assertThatThrownBy(() -> inBatch(events.subList(at, at + 8))).isInstanceOf(DuplicateKeyException.class);
        assertThat(views.dump()).isEqualTo(before);

        views.jdbc.sql("DELETE FROM outcome_view WHERE beneficiary_id = 'stray'").update();
        inBatches(events.subList(at, events.size()), 8);
        Map<String, List<Map<String, Object>>> batched = views.dump();
        views.reset();
        views.applyAll(events);
        assertThat(batched).isEqualTo(views.dump());
    }

    @Test
    void table_statistics_are_taken_when_missing_and_when_the_table_has_grown() {
        JdbcTemplate jdbc = new JdbcTemplate(TestDatabases.postgres());
        jdbc.execute("DROP TABLE IF EXISTS statistics_probe");
        jdbc.execute("CREATE TABLE statistics_probe (id INT PRIMARY KEY)");
        TableStatistics statistics = new TableStatistics(jdbc, "statistics_probe");
        assertThat(reltuples(jdbc)).isEqualTo(-1);

        statistics.inserted(0);
        assertThat(reltuples(jdbc)).isZero();

        jdbc.update("INSERT INTO statistics_probe SELECT g FROM generate_series(1, 999) g");
        statistics.inserted(999);
        assertThat(reltuples(jdbc)).isZero();
        jdbc.update("INSERT INTO statistics_probe VALUES (1000)");
        statistics.inserted(1);
        assertThat(reltuples(jdbc)).isEqualTo(1000);
        // again once the table has quadrupled: 3,000 rows more, not before
        jdbc.update("INSERT INTO statistics_probe SELECT g FROM generate_series(1001, 3999) g");
        statistics.inserted(2999);
        assertThat(reltuples(jdbc)).isEqualTo(1000);
        jdbc.update("INSERT INTO statistics_probe VALUES (4000)");
        statistics.inserted(1);
        assertThat(reltuples(jdbc)).isEqualTo(4000);

        // emptied for a rebuild (TRUNCATE, as ReadModelTables does): the first rows are analyzed at once, not after 500 more
        ReadModelTables.empty(jdbc, "statistics_probe");
        statistics.emptied();
        assertThat(reltuples(jdbc)).isEqualTo(-1);
        jdbc.update("INSERT INTO statistics_probe SELECT g FROM generate_series(1, 10) g");
        statistics.inserted(10);
        assertThat(reltuples(jdbc)).isEqualTo(10);
        jdbc.execute("DROP TABLE statistics_probe");
    }

    @Test
    void the_contract_state_tables_leave_room_in_their_pages_for_updates_on_postgresql() {
        JdbcTemplate jdbc = new JdbcTemplate(TestDatabases.postgres());
        String options = "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = to_regclass(?)";
        assertThat(jdbc.queryForObject(options, String.class, "outcome_view")).isEqualTo("fillfactor=75");
        assertThat(jdbc.queryForObject(options, String.class, "contract_view")).isEqualTo("fillfactor=50");
    }

    private static double reltuples(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = to_regclass('statistics_probe')", Double.class);
    }

    private static void inBatches(List<Recorded> events, int size) {
        for (int start = 0; start < events.size(); start += size) {
            inBatch(events.subList(start, Math.min(start + size, events.size())));
        }
    }

    /** One batch as a tracking processor handles it: one batching unit of work, one transaction. */
    private static void inBatch(List<Recorded> batch) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Recorded r : batch) {
            String type = r.payload() instanceof ContractEvent ? "Contract" : "Fund";
            messages.add(new GenericDomainEventMessage<>(type, r.aggregateId(), r.sequenceNumber(), r.payload(), Map.of(),
                    UUID.randomUUID().toString(), r.timestamp()));
        }
        ProcessorBatches.inBatch(transactions, messages, message -> {
            if (message.getPayload() instanceof FundEvent) {
                fundHandlers.handle(message);
            } else {
                contractHandlers.handle(message);
            }
        });
    }
}
