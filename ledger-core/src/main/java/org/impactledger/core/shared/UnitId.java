package org.impactledger.core.shared;

/** Typed identifier; see {@link Identifier}. */
public record UnitId(String value) implements Identifier {

    public UnitId {
        Identifier.requireValid(value, "unitId");
    }

    public static UnitId of(String value) {
        return new UnitId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
