package org.impactledger.core.exchange.query;

import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Paging;

/** One page of the listed (and delisted) instruments, optionally of one issuer, ordered by instrument id. */
public record ListInstruments(IssuerId issuerIdOrNull, int page, int size) {
    public ListInstruments {
        Paging.check(page, size);
    }
}
