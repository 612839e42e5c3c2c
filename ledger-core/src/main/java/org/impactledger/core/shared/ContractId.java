package org.impactledger.core.shared;

/** Typed identifier; see {@link Identifier}. */
public record ContractId(String value) implements Identifier {

    public ContractId {
        Identifier.requireValid(value, "contractId");
    }

    public static ContractId of(String value) {
        return new ContractId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
