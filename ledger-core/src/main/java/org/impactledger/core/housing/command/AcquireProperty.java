package org.impactledger.core.housing.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.fund.NrrpTag;
import org.impactledger.core.housing.PropertyUnit;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/**
 * The housing fund acquires a property: an address label (street and number, never a tenant's
 * name), one of Turin's districts ("1" to "8"), the price paid and the date, and its units.
 *
 * <p>When the purchase is NRRP-funded, {@code nrrp} carries the project's CUP and measure, and
 * {@code bankReference} the transfer's reference, so the city's reconciliation can find the payment
 * and match it to the treasury's bank statement; both are optional.
 */
public record AcquireProperty(@TargetAggregateIdentifier PropertyId propertyId, FundId fundId, String addressLabel, String district,
                              Money acquisitionPrice, LocalDate acquiredOn, List<PropertyUnit> units, NrrpTag nrrp, String bankReference) {

    /** An acquisition that is not NRRP-funded. */
    public AcquireProperty(PropertyId propertyId, FundId fundId, String addressLabel, String district, Money acquisitionPrice,
                           LocalDate acquiredOn, List<PropertyUnit> units) {
        this(propertyId, fundId, addressLabel, district, acquisitionPrice, acquiredOn, units, null, null);
    }
}
