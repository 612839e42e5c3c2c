package org.impactledger.core.housing.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.PropertyId;

/** Corrects a month charged in error (for example after the household had left); only while nothing is collected against it. */
public record CancelRentCharge(@TargetAggregateIdentifier PropertyId propertyId, LeaseId leaseId, String period, String reason) {
}
