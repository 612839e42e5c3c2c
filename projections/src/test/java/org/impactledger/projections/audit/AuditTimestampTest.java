package org.impactledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** The chain builder reads a stored time stamp as {@code Instant.parse}, then {@code OffsetDateTime.parse}, would. */
class AuditTimestampTest {

    /** The reading before Axon's own format was read at its fixed places. */
    private static Instant byTheJdk(String timeStamp) {
        try {
            return Instant.parse(timeStamp);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(timeStamp).toInstant();
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    @Test
    void readsEveryStampAsTheJdkDoes() {
        List<String> stamps = new ArrayList<>(List.of("2026-11-30T01:46:32.123Z", "2026-11-30T01:46:32.1234Z",
                "2026-11-30T01:46:32.123456789Z", "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999999Z",
                "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999999999Z",
                // not Axon's format: the JDK's parsers decide
                "2026-11-30T01:46:32Z", "2026-11-30T01:46:32.1Z", "2026-11-30T02:46:32.123+01:00", "2026-06-30T23:59:60.000Z",
                "2026-02-30T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-11-30T24:00:00.000Z", "2026-11-30 01:46:32.123Z",
                "2026-11-30T01:46:32.12a3Z", "+12026-11-30T01:46:32.123Z", "not a time", ""));
        for (long second = -62_000_000_000L; second < 250_000_000_000L; second += 7_777_777_777L) {
            stamps.add(DateTimeUtils.formatInstant(Instant.ofEpochSecond(second, second % 1_000_000_000L & 0x3fffffff)));
        }
        for (String stamp : stamps) {
            assertThat(AuditChainBuilder.parseTimestamp(stamp)).as(stamp).isEqualTo(byTheJdk(stamp));
        }
        assertThat(AuditChainBuilder.parseTimestamp("2026-11-30T01:46:32.123Z")).isEqualTo(Instant.parse("2026-11-30T01:46:32.123Z"));
        assertThat(AuditChainBuilder.parseTimestamp(null)).isNull();
    }
}
