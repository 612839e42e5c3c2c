package org.impactledger.core.housing.event;

import org.impactledger.core.shared.PropertyId;

/** Every event of the property aggregate (the property, its units and their tenancies); sealed so that a switch over them is exhaustive. */
public sealed interface PropertyEvent permits PropertyAcquired, PropertyValuationRecorded, LeaseSigned, RentCharged, RentCollected,
        RentCollectionReversed, RentChargeCancelled, LeaseEnded {
    PropertyId propertyId();
}
