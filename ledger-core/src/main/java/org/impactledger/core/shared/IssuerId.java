package org.impactledger.core.shared;

/** Typed identifier; see {@link Identifier}. */
public record IssuerId(String value) implements Identifier {

    public IssuerId {
        Identifier.requireValid(value, "issuerId");
    }

    public static IssuerId of(String value) {
        return new IssuerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
