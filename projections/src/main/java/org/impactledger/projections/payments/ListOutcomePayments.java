package org.impactledger.projections.payments;

import java.util.Objects;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Paging;
import org.impactledger.core.shared.PayerId;
import org.impactledger.projections.report.TimeTravel;

/**
 * One page of outcome payments (outcomes with at least one approval within the time bounds),
 * optionally of one fund, one contract and/or the contracts of one outcome payer, ordered by the time of their first approval, then
 * contract and outcome id. {@code page} counts from 0; sizes above 200 are capped. With {@code after}
 * (a previous page's {@link PaymentPage#nextCursor()}) the page starts right after that payment
 * instead, and {@code page} must be 0.
 */
public record ListOutcomePayments(FundId fundId, ContractId contractId, PayerId payerId, int page, int size, TimeTravel timeTravel,
                                  PaymentCursor after) {

    /** Every payer's payments. */
    public ListOutcomePayments(FundId fundId, ContractId contractId, int page, int size, TimeTravel timeTravel) {
        this(fundId, contractId, null, page, size, timeTravel);
    }

    /** By page number. */
    public ListOutcomePayments(FundId fundId, ContractId contractId, PayerId payerId, int page, int size, TimeTravel timeTravel) {
        this(fundId, contractId, payerId, page, size, timeTravel, null);
    }

    public ListOutcomePayments {
        Objects.requireNonNull(timeTravel, "timeTravel");
        Paging.check(page, size);
        if (after != null && page != 0) {
            throw DomainException.invalid("page", "page cannot be combined with after (the cursor says where the page starts), was " + page);
        }
    }
}
