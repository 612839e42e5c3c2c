package org.impactledger.core.exchange.query;

import java.util.Objects;
import org.impactledger.core.shared.InstrumentId;

/** One instrument with its primary offerings; answered with {@code null} when there is no such instrument. */
public record FindInstrument(InstrumentId instrumentId) {
    public FindInstrument {
        Objects.requireNonNull(instrumentId, "instrumentId");
    }
}
