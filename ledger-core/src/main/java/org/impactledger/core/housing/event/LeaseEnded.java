package org.impactledger.core.housing.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.impactledger.core.housing.LeaseEndReason;
import org.impactledger.core.shared.HouseholdId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.shared.UnitId;

/** A tenancy ended on {@code endDate} (its last day) for a reason; the unit is vacant from the next day. {@code note} may be null. */
@Revision("1")
public record LeaseEnded(PropertyId propertyId, LeaseId leaseId, UnitId unitId, HouseholdId householdId, LocalDate endDate,
                         LeaseEndReason reason, String note) implements PropertyEvent {
}
