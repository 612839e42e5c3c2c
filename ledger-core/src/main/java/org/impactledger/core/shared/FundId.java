package org.impactledger.core.shared;

/** Typed identifier; see {@link Identifier}. */
public record FundId(String value) implements Identifier {

    public FundId {
        Identifier.requireValid(value, "fundId");
    }

    public static FundId of(String value) {
        return new FundId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
