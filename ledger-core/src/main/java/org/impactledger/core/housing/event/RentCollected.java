package org.impactledger.core.housing.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/** Rent was paid for a charged month; {@code outstanding} is what remains due for that month after this payment (the arrears). */
@Revision("1")
public record RentCollected(PropertyId propertyId, LeaseId leaseId, String collectionId, String period, Money amount, LocalDate paymentDate,
                            String bankReference, Money outstanding) implements PropertyEvent {
}
