package org.impactledger.core.housing.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/** The property's value at a date; the last one recorded for a date supersedes earlier ones for that date. */
@Revision("1")
public record PropertyValuationRecorded(PropertyId propertyId, FundId fundId, Money value, LocalDate asOf, String method) implements PropertyEvent {
}
