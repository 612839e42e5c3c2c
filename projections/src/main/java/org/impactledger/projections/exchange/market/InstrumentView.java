package org.impactledger.projections.exchange.market;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A listed (or delisted) instrument: what it is, and its market so far. {@code bondTerms} only for
 * a {@code SOCIAL_BOND}. {@code unitsOutstanding} counts the units issued by closed offerings,
 * {@code capitalRaised} their proceeds; {@code tradeCount}, {@code unitsTraded} and
 * {@code lastPrice}/{@code lastTradeDate} describe the secondary market; {@code incomePaid} adds up
 * every coupon or dividend. Amounts are in {@code currency}.
 */
public record InstrumentView(
        String instrumentId,
        String issuerId,
        String name,
        String type,
        String currency,
        BondTermsView bondTerms,
        LocalDate listedOn,
        String status,
        LocalDate delistedOn,
        String delistingReason,
        long unitsOutstanding,
        BigDecimal capitalRaised,
        long tradeCount,
        long unitsTraded,
        BigDecimal lastPrice,
        LocalDate lastTradeDate,
        BigDecimal incomePaid,
        long lastEventIndex) {

    /** A social bond's terms: face value of a unit, yearly coupon rate (0.035 is 3.5%), coupons a year, maturity. */
    public record BondTermsView(BigDecimal faceValue, BigDecimal couponRate, int couponsPerYear, LocalDate maturity) {
    }
}
