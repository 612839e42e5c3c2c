package org.impactledger.core.exchange.query;

import org.impactledger.core.shared.DomainException;

/** One page of the issuers admitted to the exchange, ordered by issuer id. */
public record ListIssuers(int page, int size) {
    public ListIssuers {
        if (page < 0) {
            throw DomainException.invalid("page", "page must be 0 or more, was " + page);
        }
        if (size < 1) {
            throw DomainException.invalid("size", "size must be 1 or more, was " + size);
        }
    }
}
