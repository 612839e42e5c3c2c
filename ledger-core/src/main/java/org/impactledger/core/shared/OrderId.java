package org.impactledger.core.shared;

/** Typed identifier; see {@link Identifier}. */
public record OrderId(String value) implements Identifier {

    public OrderId {
        Identifier.requireValid(value, "orderId");
    }

    public static OrderId of(String value) {
        return new OrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
