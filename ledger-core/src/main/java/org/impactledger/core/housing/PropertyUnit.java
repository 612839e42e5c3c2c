package org.impactledger.core.housing;

import java.math.BigDecimal;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.UnitId;

/**
 * One dwelling of a property as acquired: its floor area in square metres (at most two decimals),
 * its number of rooms, and the market rent per month it would fetch, against which the discount
 * given to a household is measured.
 */
public record PropertyUnit(UnitId unitId, BigDecimal areaSqm, int rooms, Money marketRent) {
}
