package org.impactledger.projections.sdg;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.impactledger.core.shared.DomainException;

/**
 * Reads the {@code periodFrom}/{@code periodTo} filters. Outcomes are reported for a year, a month
 * or a quarter, so a filter may name any of these (or a day); it is turned into a range of
 * outcome dates, because periods of different lengths cannot be compared with each other but
 * dates can: {@code periodFrom=2026-Q3} means outcome dates from 2026-07-01, {@code periodTo=2026}
 * outcome dates up to 2026-12-31.
 */
public final class ReportPeriod {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final String FORMS = "a year (2026), a month (2026-03), a quarter (2026-Q1) or a date (2026-03-15)";

    private ReportPeriod() {
    }

    /** The first day of the period, or {@code null} for no filter. */
    public static LocalDate start(String raw, String field) {
        return bound(raw, field, true);
    }

    /** The last day of the period, or {@code null} for no filter. */
    public static LocalDate end(String raw, String field) {
        return bound(raw, field, false);
    }

    private static LocalDate bound(String raw, String field, boolean start) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (YEAR.matcher(value).matches()) {
            int year = Integer.parseInt(value);
            return start ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31);
        }
        if (MONTH.matcher(value).matches()) {
            YearMonth month = YearMonth.parse(value);
            return start ? month.atDay(1) : month.atEndOfMonth();
        }
        Matcher quarter = QUARTER.matcher(value);
        if (quarter.matches()) {
            YearMonth first = YearMonth.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1);
            return start ? first.atDay(1) : first.plusMonths(2).atEndOfMonth();
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, field + " must be " + FORMS + ", was '" + raw + "'");
        }
    }
}
