package org.impactledger.core.contract.query;

import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Paging;
import org.impactledger.core.shared.ProviderId;

/**
 * One page of contracts ordered by id, of one fund or (with {@code fundIdOrNull == null}) of all
 * funds, and of one provider or (with {@code providerIdOrNull == null}) of all providers (a provider
 * reads only its own contracts). {@code page} counts from 0; the read side caps {@code size} at 200.
 */
public record ListContracts(FundId fundIdOrNull, ProviderId providerIdOrNull, int page, int size) {

    public ListContracts(FundId fundIdOrNull, int page, int size) {
        this(fundIdOrNull, null, page, size);
    }

    public ListContracts {
        Paging.check(page, size);
    }
}
