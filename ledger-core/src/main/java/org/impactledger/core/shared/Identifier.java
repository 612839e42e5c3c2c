package org.impactledger.core.shared;

/**
 * A typed identifier. Implementations are single-value records whose {@code toString()} is the
 * raw value (Axon uses it as the aggregate identifier); the serializer writes them as plain strings.
 */
public interface Identifier {

    String value();

    /** Ids are short, printable and free of spaces: they appear in URLs and bank references. */
    static String requireValid(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        if (value.length() > 64 || !value.matches("[A-Za-z0-9][A-Za-z0-9._:-]*")) {
            throw DomainException.invalid(field, field + " must be 1-64 characters of letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }
}
