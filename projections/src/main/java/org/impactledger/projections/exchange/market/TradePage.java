package org.impactledger.projections.exchange.market;

import java.util.List;
import org.impactledger.projections.state.Page;

/** A page of an instrument's trade tape, newest trade first; {@code currency} is the instrument's. */
public record TradePage(String instrumentId, String currency, List<TradeView> items, int page, int size, long total) implements Page<TradeView> {
    public TradePage {
        items = List.copyOf(items);
    }
}
