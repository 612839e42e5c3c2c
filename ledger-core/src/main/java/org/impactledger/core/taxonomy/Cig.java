package org.impactledger.core.taxonomy;

import java.util.regex.Pattern;

/**
 * Codice Identificativo Gara: ANAC's code for a public procurement procedure, quoted on every
 * payment made under a public contract for traceability. As with {@link Cup}, a code that differs
 * from the official one only by case or spacing would break matching, so input is trimmed and
 * upper-cased before its form is checked: ten characters, each an upper-case letter or a digit.
 * Whether ANAC actually issued the code is not something the ledger can know.
 */
public record Cig(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Z0-9]{10}");
    static final String RULE = "CIG must be 10 characters, each an upper-case letter A-Z or a digit 0-9";

    public Cig {
        value = validate(value, "cig");
    }

    /** The CIG in {@code value}, trimmed and upper-cased, or an {@code INVALID_VALUE} refusal naming {@code field}. */
    public static Cig parse(String value, String field) {
        return new Cig(validate(value, field));
    }

    private static String validate(String raw, String field) {
        String value = Refusals.upper(raw);
        if (value == null || !FORM.matcher(value).matches()) {
            throw Refusals.invalid(field, RULE, raw);
        }
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
