package org.impactledger.core.contract.query;

import java.util.Objects;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.FundId;

/**
 * One page of a fund's outcome payments (outcomes approved or paid, across all its contracts),
 * ordered by outcome date, outcome id, then contract id. {@code page} counts from 0; the read side
 * caps {@code size} at 200.
 */
public record ListPayments(FundId fundId, int page, int size) {
    public ListPayments {
        Objects.requireNonNull(fundId, "fundId");
        if (page < 0) {
            throw DomainException.invalid("page", "page must be 0 or more, was " + page);
        }
        if (size < 1) {
            throw DomainException.invalid("size", "size must be 1 or more, was " + size);
        }
    }
}
