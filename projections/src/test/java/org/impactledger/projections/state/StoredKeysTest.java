package org.impactledger.projections.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.impactledger.projections.support.ProjectionTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The stored keys among many, on PostgreSQL and on H2, over more than one chunk. */
class StoredKeysTest {

    private static final ProjectionTestDatabase DATABASE = new ProjectionTestDatabase("proj_stored_keys_test");

    @Test
    void finds_exactly_the_stored_keys_among_many_on_postgresql() {
        check(DATABASE.postgres());
    }

    @Test
    void finds_exactly_the_stored_keys_among_many_on_h2() {
        check(ProjectionTestDatabase.h2("stored-keys"));
    }

    @Test
    void refuses_a_table_or_column_that_is_not_a_plain_name() {
        JdbcTemplate jdbc = new JdbcTemplate(ProjectionTestDatabase.h2("stored-keys-names"));
        assertThatThrownBy(() -> StoredKeys.among(jdbc, "journal_entry; DROP TABLE x", "entry_id", List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void check(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("DROP TABLE IF EXISTS stored_keys_probe");
        jdbc.execute("CREATE TABLE stored_keys_probe (event_id VARCHAR(255) NOT NULL PRIMARY KEY)");
        // every third of 2,500 keys is stored; asked for all of them (three chunks) plus keys never stored
        List<String> asked = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        IntStream.range(0, 2500).forEach(i -> {
            String key = "event-" + i;
            asked.add(key);
            if (i % 3 == 0) {
                stored.add(key);
                jdbc.update("INSERT INTO stored_keys_probe (event_id) VALUES (?)", key);
            }
        });
        jdbc.update("INSERT INTO stored_keys_probe (event_id) VALUES (?)", "not-asked");
        asked.add("never-stored");

        assertThat(StoredKeys.among(jdbc, "stored_keys_probe", "event_id", asked)).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(StoredKeys.among(jdbc, "stored_keys_probe", "event_id", List.of())).isEmpty();
        assertThat(StoredKeys.among(jdbc, "stored_keys_probe", "event_id", List.of("event-3", "event-4"))).containsExactly("event-3");
        // a batch's keys: looked up together at the first question, and what the batch adds counts as stored
        List<String> batch = List.of("event-0", "event-1", "event-2", "event-3");
        int[] lookups = {0};
        StoredKeys keys = new StoredKeys(jdbc, "stored_keys_probe", "event_id", () -> {
            lookups[0]++;
            return batch;
        });
        assertThat(keys.contains("event-1")).isFalse();
        assertThat(keys.contains("event-0")).isTrue();
        assertThat(keys.contains("event-3")).isTrue();
        keys.add("event-2");
        assertThat(keys.contains("event-2")).isTrue();
        assertThat(lookups[0]).as("the batch's keys are looked up once").isEqualTo(1);
        assertThat(keys.contains("never-stored")).isFalse();
        jdbc.execute("DROP TABLE stored_keys_probe");
    }
}
