package org.impactledger.core.fund.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/**
 * A rent collection was reversed (recorded in error, or returned by the bank): its amount leaves the
 * fund's cash again. Recorded in the same unit of work as the property's {@code RentCollectionReversed}.
 */
@Revision("1")
public record RentIncomeReversed(FundId fundId, PropertyId propertyId, LeaseId leaseId, String collectionId, String period, Money amount,
                                 String reason, LocalDate valueDate) implements FundEvent {
}
