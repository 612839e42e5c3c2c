package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.common.Registration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.impactledger.api.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every query handler reads one snapshot: the query bus runs it in a read-only REPEATABLE READ
 * transaction (QuerySnapshotTransactionManager), so a read-model batch committed while a report reads
 * is either wholly in it or wholly out. The probe handler below reads a table, lets another connection
 * commit a row, and reads again, as a report reads its flows and then its valuation.
 */
class QuerySnapshotTest extends IntegrationTest {

    @Autowired
    QueryBus queryBus;

    @Autowired
    QueryGateway queryGateway;

    private Registration probe;

    /** What the probe saw: the transaction's settings, and the table's rows before and after another commit. */
    public record Seen(String isolation, String readOnly, long before, long after) {
    }

    @BeforeEach
    void probeTable() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS query_snapshot_probe (id SERIAL PRIMARY KEY)").update();
        probe = queryBus.subscribe("query-snapshot-probe", Seen.class, (QueryMessage<?, ?> query) -> {
            String isolation = jdbc.sql("SHOW transaction_isolation").query(String.class).single();
            String readOnly = jdbc.sql("SHOW transaction_read_only").query(String.class).single();
            long before = rows();
            // another connection (another thread, outside this transaction) commits a row meanwhile
            CompletableFuture.runAsync(() -> jdbc.sql("INSERT INTO query_snapshot_probe DEFAULT VALUES").update()).join();
            return new Seen(isolation, readOnly, before, rows());
        });
    }

    @AfterEach
    void dropProbe() {
        probe.cancel();
        jdbc.sql("DROP TABLE IF EXISTS query_snapshot_probe").update();
    }

    @Test
    void a_query_reads_one_read_only_snapshot_and_a_commit_meanwhile_stays_out_of_it() throws Exception {
        Seen seen = queryGateway.query("query-snapshot-probe", "probe", ResponseTypes.instanceOf(Seen.class)).get();

        assertThat(seen.isolation()).isEqualTo("repeatable read");
        assertThat(seen.readOnly()).isEqualTo("on");
        assertThat(seen.after()).as("the row committed meanwhile is not in the snapshot").isEqualTo(seen.before());
        assertThat(rows()).as("it was committed").isEqualTo(seen.before() + 1);
    }

    @Test
    void the_pooled_connection_goes_back_to_read_committed_for_everything_else() throws Exception {
        for (int i = 0; i < 5; i++) {
            queryGateway.query("query-snapshot-probe", "probe", ResponseTypes.instanceOf(Seen.class)).get();
        }
        List<String> levels = jdbc.sql("SHOW transaction_isolation").query(String.class).list();
        assertThat(levels).containsExactly("read committed");
        assertThat(jdbc.sql("SHOW transaction_read_only").query(String.class).single()).isEqualTo("off");
    }

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM query_snapshot_probe").query(Long.class).single();
    }
}
