package org.impactledger.infra.axon;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the event store's {@code time_stamp} column: the text Axon writes ({@link DateTimeUtils#formatInstant}, e.g.
 * {@code 2026-11-29T16:31:45.123Z}: a four-digit year, 3 to 9 digits of fraction, UTC).
 *
 * <p>Why: Axon parses that text with {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} each time an event's timestamp is
 * asked for, twice per event read by a processor (once for its tracking token, once for its message). In a profile
 * of one read model's rebuild at 1M events that was 85 of the processor's 506 samples (bench/RESULTS.md,
 * "seventeenth session"). This reads the digits at their fixed places instead. Any other text (an offset other than
 * {@code Z}, a year past 9999, a value out of range) goes to Axon's parser, so the result is always the one Axon
 * gives.
 */
public final class StoredTimestamps {

    private static final int SHORTEST = "2026-11-29T16:31:45.123Z".length();
    private static final int LONGEST = "2026-11-29T16:31:45.123456789Z".length();

    private StoredTimestamps() {
    }

    public static Instant parse(String text) {
        Instant fast = fixedPlaces(text);
        return fast != null ? fast : DateTimeUtils.parseInstant(text);
    }

    /** The instant, or {@code null} when {@code text} is not in Axon's own format with values in range. */
    public static Instant fixedPlaces(String text) {
        int length = text.length();
        if (length < SHORTEST || length > LONGEST || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = digits(text, 20, length - 1);
        if (!isDate(year, month, day) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || fraction < 0) {
            return null;
        }
        int nanos = fraction;
        for (int places = length - 1 - 20; places < 9; places++) {
            nanos *= 10;
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /**
     * The date of an ISO {@code yyyy-MM-dd} text, as {@link LocalDate#parse(CharSequence)} reads it: the ledger writes
     * business dates so in each event's metadata, and the read models and the audit chain read one per event. A
     * four-digit year with a valid month and day is read at its fixed places; any other text goes to
     * {@code LocalDate.parse}, which reads it or throws its {@code DateTimeParseException} as before.
     *
     * <p>Why: {@code LocalDate.parse} was 76 of 2,250 samples of the read models and the audit chain in a profile of the
     * start-up build of a 209,280-event store (bench/RESULTS.md, "twenty-first session").
     */
    public static LocalDate isoDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (isDate(year, month, day)) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /** Whether the numbers read (-1 for no number) are a day of the proleptic calendar from year 0 to 9999. */
    private static boolean isDate(int year, int month, int day) {
        return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year));
    }

    /** The decimal number of {@code text[from, to)}, or -1 when a character there is not a digit 0-9. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
