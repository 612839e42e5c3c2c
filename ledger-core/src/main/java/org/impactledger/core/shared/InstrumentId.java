package org.impactledger.core.shared;

/** Typed identifier; see {@link Identifier}. */
public record InstrumentId(String value) implements Identifier {

    public InstrumentId {
        Identifier.requireValid(value, "instrumentId");
    }

    public static InstrumentId of(String value) {
        return new InstrumentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
