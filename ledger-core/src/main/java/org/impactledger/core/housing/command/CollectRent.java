package org.impactledger.core.housing.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/** Records rent paid for a charged month; never more than is still outstanding for that month. */
public record CollectRent(@TargetAggregateIdentifier PropertyId propertyId, LeaseId leaseId, String collectionId, String period, Money amount,
                          LocalDate paymentDate, String bankReference) {
}
