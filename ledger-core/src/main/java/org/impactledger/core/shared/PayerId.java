package org.impactledger.core.shared;

/** Typed identifier; see {@link Identifier}. */
public record PayerId(String value) implements Identifier {

    public PayerId {
        Identifier.requireValid(value, "payerId");
    }

    public static PayerId of(String value) {
        return new PayerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
