package org.impactledger.core.housing.query;

import java.util.Objects;
import org.impactledger.core.shared.PropertyId;

/** One property with its units and the lease each is let under; answered with {@code null} when there is no such property. */
public record FindProperty(PropertyId propertyId) {
    public FindProperty {
        Objects.requireNonNull(propertyId, "propertyId");
    }
}
