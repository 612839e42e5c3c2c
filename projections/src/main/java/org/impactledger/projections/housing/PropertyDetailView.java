package org.impactledger.projections.housing;

import java.util.List;

/** A property with its units, in the order of the acquisition, each with the lease it is let under now. */
public record PropertyDetailView(PropertyView property, List<UnitView> units) {
}
