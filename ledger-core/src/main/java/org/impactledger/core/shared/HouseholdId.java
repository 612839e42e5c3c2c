package org.impactledger.core.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Typed identifier of a household in a tenancy; see {@link Identifier}. It must be pseudonymous:
 * events are immutable, so a name or a tax code written into one could never be erased. Beyond the
 * rules of every identifier (which already keep out spaces and e-mail addresses), a value shaped
 * like an Italian tax code (codice fiscale, 16 characters) is refused, since that is the personal
 * identifier most likely to be typed in by mistake.
 */
public record HouseholdId(String value) implements Identifier {

    private static final Pattern CODICE_FISCALE =
            Pattern.compile("[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");

    public HouseholdId {
        Identifier.requireValid(value, "householdId");
        if (CODICE_FISCALE.matcher(value.toUpperCase(Locale.ROOT)).matches()) {
            throw DomainException.invalid("householdId",
                    "householdId must be a pseudonymous id, not a tax code (codice fiscale): events cannot be erased");
        }
    }

    public static HouseholdId of(String value) {
        return new HouseholdId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
