package org.impactledger.core.shared;

/**
 * Typed identifier of a data subject: the pseudonymous id of a beneficiary or household under which
 * the ledger keeps that person's encrypted personal data (and its key). Like every id that reaches
 * an event it must be a pseudonym; a value shaped like an Italian tax code is refused.
 */
public record DataSubjectId(String value) implements Identifier {

    public DataSubjectId {
        Identifier.requireValid(value, "subjectId");
        Pseudonyms.requireNotTaxCode(value, "subjectId");
    }

    public static DataSubjectId of(String value) {
        return new DataSubjectId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
