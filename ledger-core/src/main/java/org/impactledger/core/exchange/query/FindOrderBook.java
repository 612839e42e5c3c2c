package org.impactledger.core.exchange.query;

import java.util.Objects;
import org.impactledger.core.shared.InstrumentId;

/**
 * The depth of an instrument's order book: per price level and side, the units resting and the
 * number of orders; bids from the highest price down, asks from the lowest up. {@code null} when
 * there is no such instrument.
 */
public record FindOrderBook(InstrumentId instrumentId) {
    public FindOrderBook {
        Objects.requireNonNull(instrumentId, "instrumentId");
    }
}
