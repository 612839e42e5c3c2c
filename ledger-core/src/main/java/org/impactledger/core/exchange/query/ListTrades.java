package org.impactledger.core.exchange.query;

import java.util.Objects;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.InstrumentId;

/** One page of an instrument's trade tape, newest trade first. */
public record ListTrades(InstrumentId instrumentId, int page, int size) {
    public ListTrades {
        Objects.requireNonNull(instrumentId, "instrumentId");
        if (page < 0) {
            throw DomainException.invalid("page", "page must be 0 or more, was " + page);
        }
        if (size < 1) {
            throw DomainException.invalid("size", "size must be 1 or more, was " + size);
        }
    }
}
