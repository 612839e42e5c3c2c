package org.impactledger.core.exchange.event;

import org.impactledger.core.shared.InstrumentId;

/** Every event of an instrument's market (listing, offerings, order book, register, income); sealed so that a switch over them is exhaustive. */
public sealed interface InstrumentEvent permits InstrumentListed, InstrumentDelisted, OfferingOpened, SubscriptionReceived, OfferingClosed,
        OfferingCancelled, OrderPlaced, TradeExecuted, OrderCancelled, IncomePaid {
    InstrumentId instrumentId();
}
