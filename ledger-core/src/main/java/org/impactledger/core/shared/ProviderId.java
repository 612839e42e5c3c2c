package org.impactledger.core.shared;

/** Typed identifier; see {@link Identifier}. */
public record ProviderId(String value) implements Identifier {

    public ProviderId {
        Identifier.requireValid(value, "providerId");
    }

    public static ProviderId of(String value) {
        return new ProviderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
