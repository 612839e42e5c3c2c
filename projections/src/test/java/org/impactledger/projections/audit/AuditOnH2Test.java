package org.impactledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The audit trail's SQL is portable: on H2 in PostgreSQL mode (the embedded default) it chains, waits, verifies and exports alike. */
class AuditOnH2Test {

    @Test
    void the_chain_with_a_gap_builds_verifies_and_exports_on_h2() throws Exception {
        AuditTestStore store = AuditTestStore.h2("audit_portable");
        AuditProperties properties = AuditTestStore.properties(2, 2, Duration.ZERO);
        store.events(1, 2, 4, 5);
        AuditChainBuilder builder = store.builder(properties);
        assertThat(builder.build().waitingForIndex()).isEqualTo(3);
        store.clock.advance(Duration.ofSeconds(10));
        BuildResult result = builder.build();
        assertThat(result.head().lastEventIndex()).isEqualTo(5);
        assertThat(result.head().gapCount()).isEqualTo(1);

        assertThat(store.verification(properties).verify().valid()).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.export(properties).write(out, null, null);
        AuditVerifier.Result offline = AuditVerifier.verify(new StringReader(out.toString(StandardCharsets.UTF_8)),
                store.signer.publicKey());
        assertThat(offline.ok()).as(offline.describe()).isTrue();
        assertThat(offline.events()).isEqualTo(4);

        store.setPayload(4, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(store.verification(properties).verify().firstMismatch().globalIndex()).isEqualTo(4);
        assertThat(new AuditQueries(store.jdbc).events(1, new org.impactledger.projections.report.TimeTravel(null,
                java.time.Instant.parse("2030-01-01T00:00:00Z")), 0, 10).items()).hasSize(4);
    }
}
