package org.impactledger.core.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount in an ISO 4217 currency. Amounts carry at most two decimals (cents) and are
 * always stored with scale 2, so that equal amounts are {@code equals} and serialize identically.
 * Arithmetic across currencies is refused.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    public static final int SCALE = 2;

    public Money {
        Objects.requireNonNull(amount, "amount");
        currency = validCurrency(currency, "currency");
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw DomainException.invalid("amount", "amount " + amount.toPlainString() + " has more than " + SCALE + " decimals");
        }
        amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currency) {
        try {
            return new Money(new BigDecimal(amount), currency);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("amount", "'" + amount + "' is not a decimal number");
        }
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Compiled once: every amount is checked on construction, also when events are read back. */
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /**
     * Validates a currency of money: an ISO 4217 code (three upper-case letters known to the JDK) that
     * has a minor unit. The codes without one ({@link Currency#getDefaultFractionDigits()} is -1) are in
     * ISO 4217 but are not money a fund can hold or pay: XXX ("no currency"), XTS (for testing), the
     * precious metals XAU, XAG, XPT, XPD, and units of account (XDR, XBA-XBD, XSU, XUA, XFO, XFU).
     */
    public static String validCurrency(String currency, String field) {
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw DomainException.invalid(field, "currency must be an ISO 4217 code of three upper-case letters");
        }
        Currency iso;
        try {
            iso = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.UNKNOWN_CODE, field, "currency " + currency + " is not an ISO 4217 code");
        }
        if (iso.getDefaultFractionDigits() < 0) {
            throw new DomainException(ErrorCode.UNKNOWN_CODE, field, "currency " + currency + " (" + iso.getDisplayName(Locale.ROOT)
                    + ") is an ISO 4217 code but not money: it has no minor unit (no-currency, testing, precious-metal and "
                    + "unit-of-account codes are refused)");
        }
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Multiplies by an exact quantity; the result must still fit in cents (no silent rounding). */
    public Money times(BigDecimal factor) {
        BigDecimal product = amount.multiply(factor);
        if (product.stripTrailingZeros().scale() > SCALE) {
            throw DomainException.invalid("quantity", "amount " + amount + " × " + factor.toPlainString() + " is not a whole number of cents");
        }
        return new Money(product, currency);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean greaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** Refuses an amount that is not strictly positive, naming the field. */
    public Money requirePositive(String field) {
        if (!isPositive()) {
            throw DomainException.invalid(field, field + " must be positive, was " + this);
        }
        return this;
    }

    /** Refuses an amount in another currency than {@code expected}, naming the field. */
    public Money requireCurrency(String expected, String field) {
        if (!currency.equals(expected)) {
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH, field,
                    field + " is in " + currency + " but the fund keeps its books in " + expected);
        }
        return this;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH, "currency",
                    "cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
