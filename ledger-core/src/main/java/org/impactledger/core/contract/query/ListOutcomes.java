package org.impactledger.core.contract.query;

import java.util.Objects;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.Paging;

/**
 * One page of a contract's outcomes ordered by outcome date, then outcome id; optionally only those
 * in one status ({@code REPORTED}, {@code VERIFIED}, {@code REJECTED}, {@code APPROVED},
 * {@code PAID}, {@code WITHDRAWN}). {@code page} counts from 0; the read side caps {@code size} at 200.
 */
public record ListOutcomes(ContractId contractId, String statusOrNull, int page, int size) {
    public ListOutcomes {
        Objects.requireNonNull(contractId, "contractId");
        Paging.check(page, size);
    }
}
