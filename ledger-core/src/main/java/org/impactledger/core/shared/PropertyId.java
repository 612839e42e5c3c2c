package org.impactledger.core.shared;

/** Typed identifier; see {@link Identifier}. */
public record PropertyId(String value) implements Identifier {

    public PropertyId {
        Identifier.requireValid(value, "propertyId");
    }

    public static PropertyId of(String value) {
        return new PropertyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
