package org.impactledger.core.housing.event;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.impactledger.core.housing.PropertyUnit;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/** The housing fund acquired a property in a Turin district ("1" to "8") with its units; every later amount is in the price's currency. */
@Revision("1")
public record PropertyAcquired(PropertyId propertyId, FundId fundId, String addressLabel, String district, Money acquisitionPrice,
                               LocalDate acquiredOn, List<PropertyUnit> units) implements PropertyEvent {
}
