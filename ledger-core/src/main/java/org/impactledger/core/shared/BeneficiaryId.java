package org.impactledger.core.shared;

/** Typed identifier of a beneficiary; see {@link Identifier}. A pseudonym: an id shaped like a tax code is refused ({@link Pseudonyms}). */
public record BeneficiaryId(String value) implements Identifier {

    public BeneficiaryId {
        Identifier.requireValid(value, "beneficiaryId");
        Pseudonyms.requireNotTaxCode(value, "beneficiaryId");
    }

    public static BeneficiaryId of(String value) {
        return new BeneficiaryId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
