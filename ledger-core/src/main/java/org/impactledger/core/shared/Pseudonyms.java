package org.impactledger.core.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Ids of people that reach events (beneficiaries, data subjects) must be pseudonyms: events are
 * immutable, so a personal identifier written into one could never be erased. {@link Identifier}
 * already keeps out spaces and e-mail addresses; this refuses the personal identifier most likely to
 * be typed in by mistake, an Italian tax code (codice fiscale, 16 characters).
 */
final class Pseudonyms {

    private static final Pattern CODICE_FISCALE =
            Pattern.compile("[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");

    private Pseudonyms() {
    }

    static void requireNotTaxCode(String value, String field) {
        if (CODICE_FISCALE.matcher(value.toUpperCase(Locale.ROOT)).matches()) {
            throw DomainException.invalid(field, field + " must be a pseudonymous id, not a tax code (codice fiscale): events cannot be erased");
        }
    }
}
