package org.impactledger.core.exchange.query;

import org.impactledger.core.shared.Paging;

/** One page of the issuers admitted to the exchange, ordered by issuer id. */
public record ListIssuers(int page, int size) {
    public ListIssuers {
        Paging.check(page, size);
    }
}
