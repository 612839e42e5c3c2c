package org.impactledger.core.fund.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/**
 * The fund paid the price of a property it acquired (Homes4All) out of its cash, on the day of the
 * acquisition. Recorded in the same unit of work as the property's own {@code PropertyAcquired}.
 */
@Revision("1")
public record PropertyAcquisitionPaid(FundId fundId, PropertyId propertyId, Money amount, LocalDate valueDate) implements FundEvent {
}
