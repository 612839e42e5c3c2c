package org.impactledger.core.housing.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.PropertyId;

/** Corrects a rent collection recorded in error or returned by the bank: the amount is outstanding again. */
public record ReverseRentCollection(@TargetAggregateIdentifier PropertyId propertyId, String collectionId, String reason, LocalDate reversedOn) {
}
