package org.impactledger.core.housing.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.HouseholdId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.shared.UnitId;

/** A unit was let to a household: a household housed, at a discount of marketRent − monthlyRent a month. */
@Revision("1")
public record LeaseSigned(PropertyId propertyId, FundId fundId, LeaseId leaseId, UnitId unitId, HouseholdId householdId, int householdSize,
                          Money monthlyRent, Money marketRent, LocalDate startDate) implements PropertyEvent {
}
