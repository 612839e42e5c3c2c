package org.impactledger.core.exchange;

/**
 * What an instrument promises its holders, which decides what it may do on the exchange.
 *
 * <ul>
 *   <li>{@link #SHARE}: equity in a social enterprise; trades on the secondary market and may pay dividends.</li>
 *   <li>{@link #SOCIAL_BOND}: debt with a yearly coupon rate, a face value per unit and a maturity
 *       ({@link BondTerms}); trades until maturity and pays coupons.</li>
 *   <li>{@link #ZERO_COUPON_ZERO_PRINCIPAL}: a donation instrument. At the settlement of its primary
 *       offering the subscribers' cash goes to the issuer for good: it pays no coupon and gives no
 *       principal back, so there is nothing to price and it does not trade on the secondary market.
 *       The units remain on the register as the donor's record of the gift and carry the donor's
 *       share of the issuer's verified outcomes ({@link PortfolioImpact}).</li>
 * </ul>
 */
public enum InstrumentType {
    SHARE,
    SOCIAL_BOND,
    ZERO_COUPON_ZERO_PRINCIPAL;

    /** Whether units of this type may be bought and sold on the secondary market. */
    public boolean tradable() {
        return this != ZERO_COUPON_ZERO_PRINCIPAL;
    }
}
