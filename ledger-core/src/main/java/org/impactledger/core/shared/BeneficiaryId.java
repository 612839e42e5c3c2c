package org.impactledger.core.shared;

/** Typed identifier; see {@link Identifier}. */
public record BeneficiaryId(String value) implements Identifier {

    public BeneficiaryId {
        Identifier.requireValid(value, "beneficiaryId");
    }

    public static BeneficiaryId of(String value) {
        return new BeneficiaryId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
