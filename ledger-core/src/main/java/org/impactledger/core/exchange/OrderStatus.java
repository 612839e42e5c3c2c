package org.impactledger.core.exchange;

/** An order rests in the book while {@code OPEN}; it leaves the book when filled in full or cancelled. */
public enum OrderStatus {
    OPEN,
    FILLED,
    CANCELLED
}
