package org.impactledger.core.fund.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.impactledger.core.fund.NrrpTag;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/**
 * The fund paid the price of a property it acquired (Homes4All) out of its cash, on the day of the
 * acquisition. Recorded in the same unit of work as the property's own {@code PropertyAcquired}.
 *
 * <p>{@code nrrp} (CUP and measure, canonical form) is set when the purchase is NRRP-funded, and
 * {@code bankReference} when the transfer's reference is known; both are null otherwise.
 * Revision 2 added them; revision 1 events are read through {@code PropertyAcquisitionPaidUpcaster}
 * (infra), which writes both as null.
 */
@Revision("2")
public record PropertyAcquisitionPaid(FundId fundId, PropertyId propertyId, Money amount, LocalDate valueDate, NrrpTag nrrp,
                                      String bankReference) implements FundEvent {

    /** A payment that is not NRRP-funded and has no bank reference. */
    public PropertyAcquisitionPaid(FundId fundId, PropertyId propertyId, Money amount, LocalDate valueDate) {
        this(fundId, propertyId, amount, valueDate, null, null);
    }
}
