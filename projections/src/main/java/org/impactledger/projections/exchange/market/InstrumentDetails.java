package org.impactledger.projections.exchange.market;

import java.util.List;

/** An instrument with its primary offerings, in the order they opened. */
public record InstrumentDetails(InstrumentView instrument, List<OfferingView> offerings) {
    public InstrumentDetails {
        offerings = List.copyOf(offerings);
    }
}
