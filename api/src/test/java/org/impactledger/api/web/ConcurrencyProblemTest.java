package org.impactledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Lost races for locks answer 409 CONCURRENT_MODIFICATION (retry), whichever layer noticed them; other failures stay 500. */
class ConcurrencyProblemTest {

    private final ProblemHandling problems = new ProblemHandling();

    private static void assertConflict(ResponseEntity<ProblemDetail> answer) {
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "CONCURRENT_MODIFICATION");
    }

    @Test
    void a_deadlock_between_two_commands_detected_by_axons_locks_is_a_conflict_to_retry() {
        assertConflict(problems.lockConflict(new DeadlockException("two orders locked the same two accounts in opposite order")));
    }

    @Test
    void a_deadlock_or_serialization_failure_reported_by_the_database_is_a_conflict_to_retry() {
        assertConflict(problems.lockConflict(new EventStoreException("could not store", new SQLException("deadlock detected", "40P01"))));
        assertConflict(problems.lockConflict(new EventStoreException("could not store", new SQLException("could not serialize", "40001"))));
        assertConflict(problems.lockConflict(new CannotAcquireLockException("lock wait timeout")));
    }

    @Test
    void a_deadlock_carried_back_from_another_node_is_a_conflict_to_retry() {
        assertConflict(problems.commandFailed(new CommandExecutionException("failed", new DeadlockException("deadlock"))));
    }

    @Test
    void another_event_store_failure_is_not_mistaken_for_a_conflict() {
        ResponseEntity<ProblemDetail> answer = problems.lockConflict(new EventStoreException("disk full", new SQLException("disk full", "53100")));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
    }
}
