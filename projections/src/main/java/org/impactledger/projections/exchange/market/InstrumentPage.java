package org.impactledger.projections.exchange.market;

import java.util.List;
import org.impactledger.projections.state.Page;

/** A page of instruments, ordered by instrument id. */
public record InstrumentPage(List<InstrumentView> items, int page, int size, long total) implements Page<InstrumentView> {
    public InstrumentPage {
        items = List.copyOf(items);
    }
}
