package org.impactledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/** A client that goes away mid-answer (a cancelled export download) is not logged as the ledger's failure, and gets no answer. */
class DisconnectedClientTest {

    @Test
    void a_client_that_closed_the_connection_gets_no_problem_document() {
        ProblemHandling handling = new ProblemHandling();

        assertThat(handling.unexpected(new AsyncRequestNotUsableException("ServletOutputStream failed to write: java.io.IOException: Broken pipe")))
                .isNull();
        assertThat(handling.unexpected(new IOException("Connection reset by peer"))).isNull();
    }

    @Test
    void any_other_unexpected_failure_is_still_a_500() {
        assertThat(new ProblemHandling().unexpected(new IllegalStateException("boom")).getStatusCode().value()).isEqualTo(500);
    }
}
