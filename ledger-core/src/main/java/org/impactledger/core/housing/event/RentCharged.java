package org.impactledger.core.housing.event;

import org.axonframework.serialization.Revision;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/** A month's rent (period yyyy-MM) fell due on a lease; the amount is the lease's monthly rent. */
@Revision("1")
public record RentCharged(PropertyId propertyId, LeaseId leaseId, String period, Money amountDue) implements PropertyEvent {
}
