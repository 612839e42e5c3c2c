package org.impactledger.core.exchange;

/**
 * Why cash is set aside on an investor's account: for an open buy order (reference: the order id)
 * or for a subscription to a primary offering (reference: the offering id).
 */
public enum ReservationPurpose {
    BUY_ORDER,
    SUBSCRIPTION
}
