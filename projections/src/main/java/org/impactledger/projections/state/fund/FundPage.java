package org.impactledger.projections.state.fund;

import java.util.List;
import org.impactledger.projections.state.Page;

/** A page of funds, ordered by fund id. */
public record FundPage(List<FundView> items, int page, int size, long total) implements Page<FundView> {
    public FundPage {
        items = List.copyOf(items);
    }
}
