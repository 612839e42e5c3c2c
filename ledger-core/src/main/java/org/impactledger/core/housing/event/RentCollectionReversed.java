package org.impactledger.core.housing.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/** A rent collection was reversed; its amount is due again, and {@code outstanding} is what the month now has outstanding. */
@Revision("1")
public record RentCollectionReversed(PropertyId propertyId, LeaseId leaseId, String collectionId, String period, Money amount, String reason,
                                     LocalDate reversedOn, Money outstanding) implements PropertyEvent {
}
