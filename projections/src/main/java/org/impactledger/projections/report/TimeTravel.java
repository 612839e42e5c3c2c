package org.impactledger.projections.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.impactledger.core.shared.DomainException;

/**
 * The two time axes every report can be asked along.
 *
 * <ul>
 *   <li>{@code asOf} — business time: only what had happened by the end of that day (a fact's
 *       business date is the event's own value date for money movements, else the business date
 *       the command carried in its metadata). {@code null}: no limit.</li>
 *   <li>{@code knownAt} — recording time: only what the ledger had recorded by that instant (the
 *       event's timestamp). Defaults to now. Asking "as known at" the moment of a payment decision
 *       shows what that decision was based on.</li>
 * </ul>
 *
 * Reports answer from fact tables that hold one row per event with both dates, never from
 * current-state rows, so a later correction does not change what an earlier question returns.
 */
public record TimeTravel(LocalDate asOf, Instant knownAt) {

    /**
     * The {@code asOf} bound of a question without one: later than every business date a database
     * can hold ({@code infinity} on PostgreSQL, year 999,999,999 on H2). It was 9999-12-31, and a
     * commitment dated in the year 10000 (accepted before input dates had a window) was then left out
     * of every report "as of now" while the fund's state counted it: read models that disagreed
     * without a sign. No date is too late for "no limit".
     */
    public static final LocalDate END_OF_TIME = LocalDate.MAX;

    public TimeTravel {
        if (knownAt == null) {
            throw DomainException.invalid("knownAt", "knownAt is required");
        }
    }

    public static TimeTravel latest(Clock clock) {
        return new TimeTravel(null, clock.instant());
    }

    /** Parses the query parameters {@code asOf} (yyyy-MM-dd) and {@code knownAt} (ISO-8601 instant), refusing bad ones by name. */
    public static TimeTravel parse(String asOf, String knownAt, Clock clock) {
        LocalDate date = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                date = LocalDate.parse(asOf.trim());
            } catch (DateTimeParseException e) {
                throw DomainException.invalid("asOf", "asOf must be a date (yyyy-MM-dd), was '" + asOf + "'");
            }
        }
        Instant instant = clock.instant();
        if (knownAt != null && !knownAt.isBlank()) {
            try {
                instant = Instant.parse(knownAt.trim());
            } catch (DateTimeParseException e) {
                throw DomainException.invalid("knownAt", "knownAt must be an ISO-8601 instant such as 2026-10-05T12:00:00Z, was '" + knownAt + "'");
            }
        }
        return new TimeTravel(date, instant);
    }

    /** The business-date bound to use in SQL ({@code business_date <= ?}). */
    public LocalDate asOfOrEndOfTime() {
        return asOf == null ? END_OF_TIME : asOf;
    }
}
