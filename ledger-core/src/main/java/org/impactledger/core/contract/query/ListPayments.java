package org.impactledger.core.contract.query;

import java.util.Objects;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Paging;
import org.impactledger.core.shared.PayerId;

/**
 * One page of a fund's outcome payments (outcomes approved or paid, across all its contracts),
 * ordered by outcome date, outcome id, then contract id. {@code page} counts from 0; the read side
 * caps {@code size} at 200. {@code payerIdOrNull}: only the payments on contracts paid by that
 * outcome payer (for a caller who reads only its own), or every payment.
 */
public record ListPayments(FundId fundId, PayerId payerIdOrNull, int page, int size) {

    /** Every payer's payments. */
    public ListPayments(FundId fundId, int page, int size) {
        this(fundId, null, page, size);
    }

    public ListPayments {
        Objects.requireNonNull(fundId, "fundId");
        Paging.check(page, size);
    }
}
