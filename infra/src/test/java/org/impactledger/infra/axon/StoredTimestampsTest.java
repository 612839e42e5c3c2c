package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StoredTimestamps} gives what Axon's parser gives, for Axon's own texts and for any other. */
class StoredTimestampsTest {

    @Test
    void every_text_axon_writes_reads_back_as_axon_reads_it() {
        Random random = new Random(20261129);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long second = first + (long) (random.nextDouble() * (last - first));
            // whole seconds, milliseconds, microseconds and nanoseconds (Axon 4.13 writes milliseconds only; the parser takes 3 to 9 digits)
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nanos);
            String text = DateTimeUtils.formatInstant(instant);
            assertThat(StoredTimestamps.fixedPlaces(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
            String nanoText = text.substring(0, text.length() - 1) + String.format("%06d", nanos % 1_000_000) + "Z";
            assertThat(StoredTimestamps.fixedPlaces(nanoText)).as(nanoText).isEqualTo(DateTimeUtils.parseInstant(nanoText))
                    .isEqualTo(Instant.ofEpochSecond(second, nanos));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59.999Z", "2026-12-31T00:00:00.000Z", "2026-01-01T00:00:00.1234Z", "0000-01-01T00:00:00.000Z"})
    void edges_of_the_calendar_read_at_their_places(String text) {
        assertThat(StoredTimestamps.fixedPlaces(text)).isEqualTo(DateTimeUtils.parseInstant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29T16:31:45Z", "2026-11-29T17:31:45.123+01:00", "2026-11-29t16:31:45.123z", "+10000-01-01T00:00:00.000Z",
            "2026-11-29T16:31:45.1234567890Z", "2026-11-29T16:31:45,123Z"})
    void other_texts_go_to_axons_parser(String text) {
        assertThat(StoredTimestamps.fixedPlaces(text)).isNull();
        assertThat(outcome(() -> StoredTimestamps.parse(text))).isEqualTo(outcome(() -> DateTimeUtils.parseInstant(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00.000Z", "2025-02-29T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-11-29T24:00:00.000Z",
            "2026-11-29T23:60:00.000Z", "2026-11-29T23:59:60.000Z", "2026-1a-29T16:31:45.123Z", "2026-11-29T16:31:45.12xZ"})
    void values_out_of_range_are_refused_as_axon_refuses_them(String text) {
        assertThat(StoredTimestamps.fixedPlaces(text)).isNull();
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void iso_dates_from_year_0_to_9999_read_as_local_date_parse_reads_them() {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date = LocalDate.of(1890, 1, 1); date.getYear() <= 2110; date = date.plusDays(1)) {
            dates.add(date);
        }
        for (int year = 0; year <= 9999; year++) {
            dates.add(LocalDate.of(year, 1, 1));
            dates.add(YearMonth.of(year, 2).atEndOfMonth());
            dates.add(LocalDate.of(year, 3, 1));
            dates.add(LocalDate.of(year, 12, 31));
        }
        List<String> misread = new ArrayList<>();
        for (LocalDate date : dates) {
            String text = date.toString();
            LocalDate read = StoredTimestamps.isoDate(text);
            if (!read.equals(date) || !read.equals(LocalDate.parse(text))) {
                misread.add(text + " read as " + read);
            }
        }
        assertThat(misread).isEmpty();
        assertThat(dates).hasSizeGreaterThan(120_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01", "-0001-12-31", "+99999-12-31"})
    void dates_in_other_iso_forms_go_to_local_date_parse(String text) {
        assertThat(StoredTimestamps.isoDate(text)).isEqualTo(LocalDate.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29", "2024-02-30", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
            "2026-01-32", "2026-1-01", "2026/01/01", "2026-01-01T00:00", "20260101", "2026-0a-01", " 2026-01-01", "2026-01-01 ",
            "\uff12\uff10\uff12\uff16-01-01", "", "+2026-08-01", "2026-+1-01", "2026--1-01"})
    void texts_that_are_no_date_are_refused_as_local_date_parse_refuses_them(String text) {
        assertThatThrownBy(() -> LocalDate.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredTimestamps.isoDate(text)).isInstanceOf(DateTimeParseException.class);
    }

    /** The instant, or the class of what was thrown. */
    private static Object outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
