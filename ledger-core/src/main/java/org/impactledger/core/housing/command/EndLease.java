package org.impactledger.core.housing.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.housing.LeaseEndReason;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.PropertyId;

/**
 * Ends a tenancy: {@code endDate} is its last day. The note is required when the reason is
 * {@link LeaseEndReason#OTHER}; like every text in an event it must hold no personal data.
 */
public record EndLease(@TargetAggregateIdentifier PropertyId propertyId, LeaseId leaseId, LocalDate endDate, LeaseEndReason reason, String note) {
}
