package org.impactledger.core.housing.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.PropertyId;

/** Charges a lease's monthly rent for one month ({@code period} as yyyy-MM), once per lease and month, within the tenancy. */
public record ChargeRent(@TargetAggregateIdentifier PropertyId propertyId, LeaseId leaseId, String period) {
}
