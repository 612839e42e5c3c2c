package org.impactledger.projections.exchange.market;

import java.util.List;
import org.impactledger.projections.state.Page;

/** A page of issuers, ordered by issuer id. */
public record IssuerPage(List<IssuerView> items, int page, int size, long total) implements Page<IssuerView> {
    public IssuerPage {
        items = List.copyOf(items);
    }
}
