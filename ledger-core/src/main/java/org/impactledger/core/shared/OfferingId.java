package org.impactledger.core.shared;

/** Typed identifier; see {@link Identifier}. */
public record OfferingId(String value) implements Identifier {

    public OfferingId {
        Identifier.requireValid(value, "offeringId");
    }

    public static OfferingId of(String value) {
        return new OfferingId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
