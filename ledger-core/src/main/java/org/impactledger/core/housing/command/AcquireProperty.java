package org.impactledger.core.housing.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.housing.PropertyUnit;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/**
 * The housing fund acquires a property: an address label (street and number, never a tenant's
 * name), one of Turin's districts ("1" to "8"), the price paid and the date, and its units.
 */
public record AcquireProperty(@TargetAggregateIdentifier PropertyId propertyId, FundId fundId, String addressLabel, String district,
                              Money acquisitionPrice, LocalDate acquiredOn, List<PropertyUnit> units) {
}
