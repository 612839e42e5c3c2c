package org.impactledger.core.shared;

import java.util.regex.Pattern;

/**
 * A typed identifier. Implementations are single-value records whose {@code toString()} is the
 * raw value (Axon uses it as the aggregate identifier); the serializer writes them as plain strings.
 */
public interface Identifier {

    /** The form of every id: 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit. */
    String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    /**
     * {@link #PATTERN} compiled once: every typed id is checked on construction, also when an event
     * is read back (each read model deserializes every event), and {@code String.matches} would
     * compile the expression for each of them.
     */
    Pattern COMPILED_PATTERN = Pattern.compile(PATTERN);

    /** The rule {@link #PATTERN} states, as a refusal says it. */
    String RULE = "must be 1-64 characters of letters, digits, '.', '_', ':' or '-'";

    String value();

    /** Ids are short, printable and free of spaces: they appear in URLs and bank references. */
    static String requireValid(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        if (!COMPILED_PATTERN.matcher(value).matches()) {
            throw DomainException.invalid(field, field + " " + RULE);
        }
        return value;
    }
}
