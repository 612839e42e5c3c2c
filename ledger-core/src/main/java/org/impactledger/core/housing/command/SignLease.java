package org.impactledger.core.housing.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.HouseholdId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.shared.UnitId;

/**
 * Lets a vacant unit to a household (pseudonymous id) at a monthly rent at or below the unit's
 * market rent at signing, from a start date on or after the acquisition.
 */
public record SignLease(@TargetAggregateIdentifier PropertyId propertyId, LeaseId leaseId, UnitId unitId, HouseholdId householdId,
                        int householdSize, Money monthlyRent, Money marketRent, LocalDate startDate) {
}
