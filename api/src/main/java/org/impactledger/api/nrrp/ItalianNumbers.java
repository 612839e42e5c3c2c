package org.impactledger.api.nrrp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts as Italian files write them ({@code 1.234.567,89}: dots group thousands, a comma
 * marks the decimals) as well as plain decimals ({@code 1234567.89}), and {@code N/D} ("non
 * disponibile") or an empty cell as missing.
 *
 * <p><b>Never a guess.</b> {@code 10.001} is ten euro and a tenth of a cent to one reader and ten
 * thousand and one euro to another; taking either silently can make a figure a thousand times
 * wrong. So a separator counts as a thousands separator only where it cannot be a decimal point:
 * <ul>
 *   <li>dots before a decimal comma ({@code 1.234,56}), or several dots ({@code 1.234.567}: a
 *       decimal point does not repeat), each followed by exactly three digits;</li>
 *   <li>otherwise a single dot is a decimal point ({@code 1234.56}), and a comma always is one.</li>
 * </ul>
 * A single dot followed by exactly three digits and no comma ({@code 10.001}, {@code 1.234}) is
 * refused as ambiguous, and so is any number with more than two decimals ({@code 1,000},
 * {@code 4500.000}): an amount has at most two, so such a separator may well have been meant to
 * group thousands. Each such refusal is a {@link Refused} whose message says why and how to write
 * the amount; anything else that is not a number is a plain {@link NumberFormatException}. The
 * caller, who knows the line and column, tells the user.
 */
final class ItalianNumbers {

    /** A number that reads, but not without a guess (ambiguous, or more than two decimals); the message says why and what to write. */
    static final class Refused extends NumberFormatException {
        Refused(String message) {
            super(message);
        }
    }

    /** Dots grouping thousands (the first group without a leading zero), then an optional decimal comma. */
    private static final Pattern GROUPED = Pattern.compile("-?[1-9][0-9]{0,2}(\\.[0-9]{3})+(,([0-9]+))?");
    /** Digits with an optional decimal comma. */
    private static final Pattern COMMA_DECIMAL = Pattern.compile("-?[0-9]+(,([0-9]+))?");
    /** Digits with an optional decimal point. */
    private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.([0-9]+))?");
    /** The one form that reads both ways: a single dot followed by exactly three digits. */
    private static final Pattern AMBIGUOUS = Pattern.compile("-?[1-9][0-9]{0,2}\\.[0-9]{3}");
    private static final int MAX_DECIMALS = 2;

    private ItalianNumbers() {
    }

    /** True for an empty cell or N/D (any case). */
    static boolean missing(String raw) {
        return raw == null || raw.isBlank() || raw.strip().equalsIgnoreCase("N/D");
    }

    /**
     * The number in {@code raw}, or null when it is missing; {@link Refused} when it reads only with a
     * guess, {@link NumberFormatException} when it cannot be read at all.
     */
    static BigDecimal parse(String raw) {
        if (missing(raw)) {
            return null;
        }
        String value = raw.strip().replace(" ", "").replace("\u00a0", "");
        if (value.startsWith("€")) {
            value = value.substring(1);
        }
        if (AMBIGUOUS.matcher(value).matches()) {
            String thousands = value.replace(".", "");
            throw new Refused("'" + raw.strip() + "' is ambiguous: a single '.' followed by three digits may be a decimal point"
                    + " or an Italian thousands separator (" + thousands + "); write it without a thousands separator (" + thousands
                    + ") or with a decimal comma (" + value + ",00)");
        }
        Matcher grouped = GROUPED.matcher(value);
        if (grouped.matches()) {
            requireAtMostTwoDecimals(raw, grouped.group(3), null);
            return new BigDecimal(value.replace(".", "").replace(',', '.'));
        }
        Matcher comma = COMMA_DECIMAL.matcher(value);
        if (comma.matches()) {
            requireAtMostTwoDecimals(raw, comma.group(2), value.contains(",") ? ',' : null);
            return new BigDecimal(value.replace(',', '.'));
        }
        Matcher plain = PLAIN.matcher(value);
        if (plain.matches()) {
            requireAtMostTwoDecimals(raw, plain.group(2), '.');
            return new BigDecimal(value);
        }
        throw new NumberFormatException("'" + raw + "' is not a number");
    }

    /**
     * Refuses more than two decimals. When exactly three digits follow a lone separator, it may have
     * been meant to group thousands: the refusal then shows how to write that number.
     */
    private static void requireAtMostTwoDecimals(String raw, String decimals, Character separator) {
        if (decimals == null || decimals.length() <= MAX_DECIMALS) {
            return;
        }
        String message = "'" + raw.strip() + "' has " + decimals.length() + " decimals, an amount at most two";
        if (separator != null && decimals.length() == 3) {
            String digits = raw.strip().replace(" ", "").replace("\u00a0", "").replace("€", "").replace(String.valueOf(separator), "");
            BigInteger whole = new BigInteger(digits);
            message += "; if its '" + separator + "' separates thousands, write " + whole + " or " + italian(whole) + ",00";
        }
        throw new Refused(message);
    }

    /** A whole number with Italian thousands dots: 1234567 → 1.234.567. */
    private static String italian(BigInteger whole) {
        String digits = whole.abs().toString();
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(digits.charAt(i));
        }
        return (whole.signum() < 0 ? "-" : "") + grouped;
    }
}
