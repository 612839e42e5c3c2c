package org.impactledger.core.exchange;

/** Whether a limit order buys or sells units. */
public enum OrderSide {
    BUY,
    SELL;

    public OrderSide opposite() {
        return this == BUY ? SELL : BUY;
    }
}
