package org.impactledger.core.housing.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/** Records the property's value at a date and how it was established (appraisal, comparables ...); a later one for the same date supersedes it. */
public record RecordPropertyValuation(@TargetAggregateIdentifier PropertyId propertyId, Money value, LocalDate asOf, String method) {
}
