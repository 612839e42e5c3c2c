package org.impactledger.core.shared;

/** Typed identifier; see {@link Identifier}. */
public record LeaseId(String value) implements Identifier {

    public LeaseId {
        Identifier.requireValid(value, "leaseId");
    }

    public static LeaseId of(String value) {
        return new LeaseId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
