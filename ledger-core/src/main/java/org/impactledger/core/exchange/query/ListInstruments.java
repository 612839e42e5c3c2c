package org.impactledger.core.exchange.query;

import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.IssuerId;

/** One page of the listed (and delisted) instruments, optionally of one issuer, ordered by instrument id. */
public record ListInstruments(IssuerId issuerIdOrNull, int page, int size) {
    public ListInstruments {
        if (page < 0) {
            throw DomainException.invalid("page", "page must be 0 or more, was " + page);
        }
        if (size < 1) {
            throw DomainException.invalid("size", "size must be 1 or more, was " + size);
        }
    }
}
