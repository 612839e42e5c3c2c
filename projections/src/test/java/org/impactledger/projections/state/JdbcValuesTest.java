package org.impactledger.projections.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JdbcValuesTest {

    @Test
    void anInstantIsStoredAsItsUtcWallClockTime() {
        for (String text : new String[] {"2026-11-30T00:47:13.123456789Z", "1969-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "2024-02-29T23:59:59.5Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"}) {
            Instant instant = Instant.parse(text);
            LocalDateTime stored = JdbcValues.utc(instant);
            assertThat(stored).isEqualTo(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            assertThat(stored.toInstant(ZoneOffset.UTC)).isEqualTo(instant);
        }
        assertThat(JdbcValues.utc(Instant.parse("2026-11-30T00:47:13.5Z"))).isEqualTo(LocalDateTime.of(2026, 11, 30, 0, 47, 13, 500_000_000));
        assertThat(JdbcValues.utc(null)).isNull();
    }
}
