package org.impactledger.api.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.impactledger.api.web.DateWindow.Reach;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The ledger's date window: the dates it accepts in any command, from 1900-01-01
 * ({@code ledger.dates.earliest}) to today (the ledger's clock, in UTC) plus a horizon — one year for
 * the date of a fact ({@link Reach#FACT}: {@code ledger.dates.fact-horizon}), 100 years for a term
 * agreed for the future ({@link Reach#TERM}: {@code ledger.dates.term-horizon}).
 *
 * <p>Why a window: a date outside it is a typing mistake or a test value, not a business date
 * ({@code 0000-01-01}, {@code 9999-12-31}, {@code +10000-01-01}), and once recorded it stays in the
 * event store for good, dated where no report looks. Applied to every date of every request body
 * ({@link DateWindow}), to the {@code X-Business-Date} header and to the dates of imported files
 * (bank statements, outcome rows); commands the ledger sends itself (the demo) are dated inside it.
 */
@Component
@EnableConfigurationProperties(DateWindowProperties.class)
public class DateWindows {

    /** A year, a month or a quarter: {@code 2026}, {@code 2026-03}, {@code 2026-Q1}. */
    private static final Pattern PERIOD = Pattern.compile("([0-9]{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?");

    private final Clock clock;
    private final DateWindowProperties properties;

    public DateWindows(Clock clock, DateWindowProperties properties) {
        if (properties.getEarliest() == null || properties.getFactHorizon() == null || properties.getTermHorizon() == null
                || properties.getFactHorizon().isNegative() || properties.getTermHorizon().isNegative()) {
            throw new IllegalStateException("ledger.dates.earliest, fact-horizon and term-horizon must be set, the horizons not negative");
        }
        this.clock = clock;
        this.properties = properties;
    }

    /** The window of the default configuration, on {@code clock}. */
    public static DateWindows standard(Clock clock) {
        return new DateWindows(clock, new DateWindowProperties());
    }

    public LocalDate earliest() {
        return properties.getEarliest();
    }

    /** The last date of the window: today plus the horizon of {@code reach}. */
    public LocalDate latest(Reach reach) {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).plus(horizon(reach));
    }

    public boolean contains(LocalDate date, Reach reach) {
        return !date.isBefore(earliest()) && !date.isAfter(latest(reach));
    }

    /** Refuses a date outside the window with {@code DATE_OUT_OF_RANGE}, naming {@code field}; returns the date. */
    public LocalDate require(LocalDate date, Reach reach, String field) {
        if (date != null && !contains(date, reach)) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, field, field + " " + violation(date, reach));
        }
        return date;
    }

    /**
     * Refuses a period ({@code yyyy}, {@code yyyy-MM} or {@code yyyy-Qn}) whose first day lies outside
     * the window of a fact, with {@code DATE_OUT_OF_RANGE} naming {@code field}: a period something was
     * done or spent in is a fact dated there ({@code 9999-Q4} was recorded as given). A value that is no
     * such period is left to the rule of form that names it.
     */
    public void requirePeriod(String period, String field) {
        Matcher m = period == null ? null : PERIOD.matcher(period.strip());
        if (m == null || !m.matches()) {
            return;
        }
        int month = m.group(2) != null ? Integer.parseInt(m.group(2)) : m.group(3) != null ? (Integer.parseInt(m.group(3)) - 1) * 3 + 1 : 1;
        LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), month, 1);
        if (!contains(first, Reach.FACT)) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, field, field + " " + violation(first, Reach.FACT)
                    + " (the first day of " + period.strip() + ")");
        }
    }

    /** Why {@code date} is refused, to follow the field's name: "must be a date from ... to ..., was ...". */
    public String violation(LocalDate date, Reach reach) {
        return "must be a date from " + earliest() + " to " + latest(reach) + " (the ledger's date window: at most "
                + describe(horizon(reach)) + " after today), was " + date;
    }

    private Period horizon(Reach reach) {
        return reach == Reach.TERM ? properties.getTermHorizon() : properties.getFactHorizon();
    }

    private static String describe(Period period) {
        StringBuilder sb = new StringBuilder();
        append(sb, period.getYears(), "year");
        append(sb, period.getMonths(), "month");
        append(sb, period.getDays(), "day");
        return sb.isEmpty() ? "0 days" : sb.toString();
    }

    private static void append(StringBuilder sb, int amount, String unit) {
        if (amount != 0) {
            sb.append(sb.isEmpty() ? "" : " ").append(amount).append(' ').append(unit).append(amount == 1 ? "" : "s");
        }
    }
}
