package org.impactledger.core.exchange.query;

import java.util.Objects;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.Paging;

/** One page of an instrument's trade tape, newest trade first. */
public record ListTrades(InstrumentId instrumentId, int page, int size) {
    public ListTrades {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Paging.check(page, size);
    }
}
