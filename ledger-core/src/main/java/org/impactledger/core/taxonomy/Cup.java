package org.impactledger.core.taxonomy;

import java.util.regex.Pattern;

/**
 * Codice Unico di Progetto: the code every Italian public investment project carries, and the key
 * by which NRRP spending is reconciled against bank statements and national monitoring data. A CUP
 * that is accepted with a stray space or in lower case would never match those sources, so input
 * is trimmed and upper-cased and anything else of the wrong form is refused.
 *
 * <p>Only the form is checked (a letter, two digits, a letter, eleven digits): the registry of
 * issued codes lives with the national CUP system, not in the ledger.
 */
public record Cup(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Z][0-9]{2}[A-Z][0-9]{11}");
    static final String RULE = "CUP must be 15 characters: a letter, two digits, a letter, eleven digits";

    public Cup {
        value = validate(value, "cup");
    }

    /** The CUP in {@code value}, trimmed and upper-cased, or an {@code INVALID_VALUE} refusal naming {@code field}. */
    public static Cup parse(String value, String field) {
        return new Cup(validate(value, field));
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
