package org.impactledger.core.housing.event;

import org.axonframework.serialization.Revision;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/** A month charged in error was cancelled: it is no longer due and may be charged again. */
@Revision("1")
public record RentChargeCancelled(PropertyId propertyId, LeaseId leaseId, String period, Money amountDue, String reason) implements PropertyEvent {
}
