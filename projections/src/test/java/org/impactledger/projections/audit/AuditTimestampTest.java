package org.impactledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chain builder's reading of a stored time stamp: Axon's own format read at its fixed places gives what the JDK's
 * {@code Instant.parse} gives, other ISO-8601 stamps are still read as the JDK reads them (a leap second as the second
 * before it, 24:00 as the next midnight), and an unreadable one is no instant.
 */
class AuditTimestampTest {

    @Test
    void axonsFormatReadsAsTheJdkReadsIt() {
        List<String> stamps = new ArrayList<>(List.of("2026-11-30T01:46:32.123Z", "2026-11-30T01:46:32.1234Z",
                "2026-11-30T01:46:32.123456789Z", "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999999Z",
                "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999999999Z"));
        for (long second = -62_000_000_000L; second < 250_000_000_000L; second += 7_777_777_777L) {
            stamps.add(DateTimeUtils.formatInstant(Instant.ofEpochSecond(second, Math.floorMod(second, 1_000_000_000L))));
        }
        for (String stamp : stamps) {
            assertThat(AuditChainBuilder.parseTimestamp(stamp)).as(stamp).isEqualTo(Instant.parse(stamp));
        }
    }

    @ParameterizedTest
    @CsvSource({"2026-11-30T01:46:32Z, 2026-11-30T01:46:32Z", "2026-11-30T01:46:32.1Z, 2026-11-30T01:46:32.100Z",
            "2026-11-30T02:46:32.123+01:00, 2026-11-30T01:46:32.123Z", "2026-11-29T20:46:32.5-05:00, 2026-11-30T01:46:32.500Z",
            "2026-06-30T23:59:60.000Z, 2026-06-30T23:59:59.000Z", "2026-11-30T24:00:00.000Z, 2026-12-01T00:00:00Z"})
    void otherIsoStampsAreStillRead(String stamp, String instant) {
        assertThat(AuditChainBuilder.parseTimestamp(stamp)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-11-30T25:00:00.000Z", "2026-11-30 01:46:32.123Z",
            "2026-11-30T01:46:32.12a3Z", "2026-11-30T01:46:32.123", "not a time", ""})
    void anUnreadableStampIsNoInstant(String stamp) {
        assertThat(AuditChainBuilder.parseTimestamp(stamp)).isNull();
    }

    @Test
    void noStampIsNoInstant() {
        assertThat(AuditChainBuilder.parseTimestamp(null)).isNull();
    }
}
