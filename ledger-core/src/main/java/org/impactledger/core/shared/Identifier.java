package org.impactledger.core.shared;

/**
 * A typed identifier. Implementations are single-value records whose {@code toString()} is the
 * raw value (Axon uses it as the aggregate identifier); the serializer writes them as plain strings.
 */
public interface Identifier {

    /** The form of every id: 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit. */
    String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    /** The rule {@link #PATTERN} states, as a refusal says it. */
    String RULE = "must be 1-64 characters of letters, digits, '.', '_', ':' or '-'";

    String value();

    /** Ids are short, printable and free of spaces: they appear in URLs and bank references. */
    static String requireValid(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        if (!wellFormed(value)) {
            throw DomainException.invalid(field, field + " " + RULE);
        }
        return value;
    }

    /**
     * Whether the text has the form {@link #PATTERN} states, checked character by character: ids are checked on every
     * event read and every imported row, and the regular expression's matcher was about 1 % of the read models' samples
     * in a profile of a start-up build (bench/RESULTS.md, "twenty-first session"). {@code IdentifierTest} holds the two
     * to the same answer.
     */
    static boolean wellFormed(String value) {
        int length = value.length();
        if (length < 1 || length > 64 || !letterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
