package org.impactledger.core.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.impactledger.core.shared.Money;

/**
 * The terms of a social bond: the face value of one unit, the yearly coupon rate (0.035 is 3.5%),
 * how many coupons are paid a year (1, 2, 4 or 12) and the maturity date, after which the bond no
 * longer trades nor pays coupons.
 */
public record BondTerms(Money faceValue, BigDecimal couponRate, int couponsPerYear, LocalDate maturity) {
}
