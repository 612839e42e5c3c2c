package org.impactledger.api.nrrp;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads amounts as Italian files write them ({@code 1.234.567,89}: dots group thousands, a comma
 * marks the decimals) as well as plain decimals ({@code 1234567.89}), and {@code N/D} ("non
 * disponibile") or an empty cell as missing. A dot followed by exactly three digits and nothing
 * else ({@code 1.234}) is taken as a thousands separator, as Italian files mean it: amounts have at
 * most two decimals, so it cannot be a decimal point. Anything else is refused by the caller, who
 * knows the line.
 */
final class ItalianNumbers {

    private static final Pattern ITALIAN = Pattern.compile("-?[0-9]{1,3}(\\.[0-9]{3})*(,[0-9]+)?|-?[0-9]+(,[0-9]+)?");
    private static final Pattern THOUSANDS_ONLY = Pattern.compile("-?[0-9]{1,3}(\\.[0-9]{3})+");
    private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private ItalianNumbers() {
    }

    /** True for an empty cell or N/D (any case). */
    static boolean missing(String raw) {
        return raw == null || raw.isBlank() || raw.strip().equalsIgnoreCase("N/D");
    }

    /** The number in {@code raw}, or null when it is missing; {@link NumberFormatException} when it cannot be read. */
    static BigDecimal parse(String raw) {
        if (missing(raw)) {
            return null;
        }
        String value = raw.strip().replace(" ", "").replace("\u00a0", "");
        if (value.startsWith("€")) {
            value = value.substring(1);
        }
        if (value.contains(",") || THOUSANDS_ONLY.matcher(value).matches()) {
            if (!ITALIAN.matcher(value).matches()) {
                throw new NumberFormatException("'" + raw + "' is not a number");
            }
            return new BigDecimal(value.replace(".", "").replace(',', '.'));
        }
        if (!PLAIN.matcher(value).matches()) {
            throw new NumberFormatException("'" + raw + "' is not a number");
        }
        return new BigDecimal(value);
    }
}
