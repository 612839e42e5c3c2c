package org.impactledger.core.exchange;

/** Income an instrument pays its holders: coupons on social bonds, dividends on shares. */
public enum IncomeKind {
    COUPON,
    DIVIDEND
}
