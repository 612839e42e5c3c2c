package org.impactledger.core.exchange;

import java.time.LocalDate;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.Money;

/** The guard clauses the exchange aggregates share, each naming the field the client sent. */
final class Checks {

    static final int MAX_TEXT = 200;
    /** No order, offering or subscription is for more units than this; keeps amounts far from overflow. */
    static final long MAX_UNITS = 1_000_000_000L;

    private Checks() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        return value;
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        if (value.length() > MAX_TEXT) {
            throw DomainException.invalid(field, field + " may have at most " + MAX_TEXT + " characters, had " + value.length());
        }
        return value;
    }

    /** A whole, positive number of units, at most {@link #MAX_UNITS}. */
    static long requireUnits(long units, String field) {
        if (units <= 0) {
            throw DomainException.invalid(field, field + " must be a positive whole number of units, was " + units);
        }
        if (units > MAX_UNITS) {
            throw DomainException.invalid(field, field + " may be at most " + MAX_UNITS + " units, was " + units);
        }
        return units;
    }

    /** A positive amount in {@code currency}; {@code whose} ends the currency refusal ("instrument X trades in EUR"). */
    static Money requireAmount(Money amount, String currency, String whose, String field) {
        required(amount, field);
        if (!amount.currency().equals(currency)) {
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH, field, field + " is in " + amount.currency() + " but " + whose + " " + currency);
        }
        return amount.requirePositive(field);
    }

    static LocalDate requireNotBefore(LocalDate date, LocalDate earliest, String field, String what) {
        if (earliest != null && date.isBefore(earliest)) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, field, field + " " + date + " is before " + earliest + ", " + what);
        }
        return date;
    }

    static Money times(Money price, long units) {
        return price.times(java.math.BigDecimal.valueOf(units));
    }

    static boolean samePrincipal(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }
}
