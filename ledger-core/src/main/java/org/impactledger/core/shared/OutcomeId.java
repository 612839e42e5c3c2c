package org.impactledger.core.shared;

/** Typed identifier; see {@link Identifier}. */
public record OutcomeId(String value) implements Identifier {

    public OutcomeId {
        Identifier.requireValid(value, "outcomeId");
    }

    public static OutcomeId of(String value) {
        return new OutcomeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
