package org.impactledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.impactledger.projections.nrrp.NrrpReconciliationBusyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A node already computing as many whole NRRP reconciliations as it may answers 503 BUSY with Retry-After, not 500. */
class BusyProblemTest {

    @Test
    void a_reconciliation_refused_as_busy_is_a_503_with_retry_after() {
        ResponseEntity<ProblemDetail> answer = new ProblemHandling()
                .reconciliationBusy(new NrrpReconciliationBusyException(
                        "the NRRP reconciliation is being computed by another request and none finished within 30 s; ask again later",
                        Duration.ofSeconds(30)));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "BUSY");
        assertThat(answer.getBody().getTitle()).isEqualTo("The ledger is busy with the same work; ask again later");
        assertThat(answer.getBody().getDetail()).contains("another request", "30 s");
    }
}
