package org.impactledger.core.fund.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/**
 * Rent a household paid for one month (period yyyy-MM) of a lease reached the fund's cash; the
 * collection id is the property's. Recorded in the same unit of work as the property's
 * {@code RentCollected}.
 */
@Revision("1")
public record RentIncomeReceived(FundId fundId, PropertyId propertyId, LeaseId leaseId, String collectionId, String period, Money amount,
                                 LocalDate valueDate, String bankReference) implements FundEvent {
}
