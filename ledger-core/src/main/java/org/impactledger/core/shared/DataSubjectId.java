package org.impactledger.core.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Typed identifier of a data subject: the pseudonymous id of a beneficiary or household under which
 * the ledger keeps that person's encrypted personal data (and its key). Like every id that reaches
 * an event it must be a pseudonym; a value shaped like an Italian tax code is refused.
 */
public record DataSubjectId(String value) implements Identifier {

    private static final Pattern CODICE_FISCALE =
            Pattern.compile("[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");

    public DataSubjectId {
        Identifier.requireValid(value, "subjectId");
        if (CODICE_FISCALE.matcher(value.toUpperCase(Locale.ROOT)).matches()) {
            throw DomainException.invalid("subjectId", "subjectId must be a pseudonymous id, not a tax code (codice fiscale): events cannot be erased");
        }
    }

    public static DataSubjectId of(String value) {
        return new DataSubjectId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
