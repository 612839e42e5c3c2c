package org.impactledger.core.shared;

/** Typed identifier; see {@link Identifier}. */
public record InvestorId(String value) implements Identifier {

    public InvestorId {
        Identifier.requireValid(value, "investorId");
    }

    public static InvestorId of(String value) {
        return new InvestorId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
