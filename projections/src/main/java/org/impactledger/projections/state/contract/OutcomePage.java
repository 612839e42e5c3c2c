package org.impactledger.projections.state.contract;

import java.util.List;
import org.impactledger.projections.state.Page;

/** A page of outcomes (or of payments, which are outcomes with an amount), in the order the query defines. */
public record OutcomePage(List<OutcomeView> items, int page, int size, long total) implements Page<OutcomeView> {
    public OutcomePage {
        items = List.copyOf(items);
    }
}
