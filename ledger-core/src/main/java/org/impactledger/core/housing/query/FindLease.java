package org.impactledger.core.housing.query;

import java.util.Objects;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.PropertyId;

/** One lease with its rent ledger (due, collected and arrears per month); answered with {@code null} when there is no such lease. */
public record FindLease(PropertyId propertyId, LeaseId leaseId) {
    public FindLease {
        Objects.requireNonNull(propertyId, "propertyId");
        Objects.requireNonNull(leaseId, "leaseId");
    }
}
