package org.impactledger.core.fund.query;

import org.impactledger.core.shared.Paging;

/**
 * One page of funds ordered by id. {@code page} counts from 0; the read side caps {@code size}
 * (at 200) so that no client can ask for the whole table at once.
 */
public record ListFunds(int page, int size) {
    public ListFunds {
        Paging.check(page, size);
    }
}
