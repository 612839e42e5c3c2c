package org.impactledger.projections.exchange.market;

import java.math.BigDecimal;
import java.util.List;

/**
 * The depth of an instrument's order book: the resting orders added up per side and limit price.
 * Bids run from the highest price down, asks from the lowest up, so the first level of each side is
 * the best price; {@code spread} = best ask − best bid, {@code null} unless both sides rest.
 * Prices are in {@code currency}. Investors are not named.
 */
public record OrderBook(String instrumentId, String currency, List<PriceLevel> bids, List<PriceLevel> asks, BigDecimal spread) {

    public OrderBook {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** One price level: the units resting at that limit price, and in how many orders. */
    public record PriceLevel(BigDecimal price, long quantity, int orders) {
    }
}
