package org.impactledger.core.fund.query;

import org.impactledger.core.shared.DomainException;

/**
 * One page of funds ordered by id. {@code page} counts from 0; the read side caps {@code size}
 * (at 200) so that no client can ask for the whole table at once.
 */
public record ListFunds(int page, int size) {
    public ListFunds {
        if (page < 0) {
            throw DomainException.invalid("page", "page must be 0 or more, was " + page);
        }
        if (size < 1) {
            throw DomainException.invalid("size", "size must be 1 or more, was " + size);
        }
    }
}
