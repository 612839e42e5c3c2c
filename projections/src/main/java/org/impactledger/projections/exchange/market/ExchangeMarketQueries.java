package org.impactledger.projections.exchange.market;

import static org.impactledger.projections.state.JdbcValues.date;
import static org.impactledger.projections.state.JdbcValues.instant;
import static org.impactledger.projections.state.JdbcValues.money;
import static org.impactledger.projections.state.JdbcValues.plain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.impactledger.core.exchange.query.FindInstrument;
import org.impactledger.core.exchange.query.FindIssuer;
import org.impactledger.core.exchange.query.FindOrderBook;
import org.impactledger.core.exchange.query.ListInstruments;
import org.impactledger.core.exchange.query.ListIssuers;
import org.impactledger.core.exchange.query.ListTrades;
import org.impactledger.projections.state.Page;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the typed market queries from the {@code exchange-market} tables: issuers, instruments,
 * order book depth and the trade tape. A {@code Find…} for an unknown id answers {@code null} (the
 * API turns it into a 404; see {@code FundStateQueries} for why not an {@code Optional}); lists
 * are ordered by id so that pages are stable, the tape by trade number, newest first.
 */
@Component
public class ExchangeMarketQueries {

    /** The issuer row with its outcome counts; the caller adds WHERE/ORDER BY. */
    private static final String ISSUER_SELECT = """
            SELECT i.*,
                (SELECT COUNT(*) FROM exchange_issuer_outcome_view o WHERE o.issuer_id = i.issuer_id) AS outcomes_reported,
                (SELECT COUNT(*) FROM exchange_issuer_outcome_view o WHERE o.issuer_id = i.issuer_id AND o.status = 'VERIFIED') AS outcomes_verified,
                (SELECT COUNT(*) FROM exchange_issuer_outcome_view o WHERE o.issuer_id = i.issuer_id AND o.status = 'REJECTED') AS outcomes_rejected
            FROM exchange_issuer_view i""";

    private static final RowMapper<IssuerView> ISSUER = (rs, row) -> new IssuerView(
            rs.getString("issuer_id"),
            rs.getString("name"),
            rs.getString("currency"),
            Arrays.asList(rs.getString("sdg_focus").split(",")),
            date(rs, "admitted_on"),
            rs.getBoolean("suspended"),
            date(rs, "standing_since"),
            rs.getString("standing_reason"),
            money(rs, "cash"),
            money(rs, "proceeds_received"),
            money(rs, "income_paid"),
            rs.getLong("outcomes_reported"),
            rs.getLong("outcomes_verified"),
            rs.getLong("outcomes_rejected"),
            rs.getLong("last_event_index"));

    private static final RowMapper<IssuerOutcomeView> OUTCOME = (rs, row) -> new IssuerOutcomeView(
            rs.getString("outcome_id"),
            rs.getString("metric_code"),
            rs.getString("sdg_target"),
            rs.getString("period"),
            plain(rs, "quantity"),
            rs.getString("status"),
            rs.getString("reported_by"),
            instant(rs, "reported_at"),
            plain(rs, "verified_quantity"),
            rs.getString("decided_by"),
            instant(rs, "decided_at"),
            rs.getString("decision_note"));

    private static final RowMapper<InstrumentView> INSTRUMENT = (rs, row) -> new InstrumentView(
            rs.getString("instrument_id"),
            rs.getString("issuer_id"),
            rs.getString("name"),
            rs.getString("instrument_type"),
            rs.getString("currency"),
            rs.getBigDecimal("face_value") == null ? null : new InstrumentView.BondTermsView(money(rs, "face_value"), plain(rs, "coupon_rate"),
                    rs.getInt("coupons_per_year"), date(rs, "maturity")),
            date(rs, "listed_on"),
            rs.getObject("delisted_on") == null ? "LISTED" : "DELISTED",
            date(rs, "delisted_on"),
            rs.getString("delisting_reason"),
            rs.getLong("units_outstanding"),
            money(rs, "capital_raised"),
            rs.getLong("trade_count"),
            rs.getLong("units_traded"),
            money(rs, "last_price"),
            date(rs, "last_trade_date"),
            money(rs, "income_paid"),
            rs.getLong("last_event_index"));

    private static final RowMapper<OfferingView> OFFERING = (rs, row) -> new OfferingView(
            rs.getString("offering_id"),
            rs.getLong("offering_size"),
            money(rs, "price"),
            date(rs, "opens_on"),
            date(rs, "closes_on"),
            rs.getString("status"),
            rs.getInt("subscriptions"),
            rs.getLong("units_subscribed"),
            rs.getLong("units_allocated"),
            money(rs, "proceeds"),
            date(rs, "ended_on"));

    private static final RowMapper<TradeView> TRADE = (rs, row) -> new TradeView(
            rs.getLong("trade_number"),
            date(rs, "trade_date"),
            rs.getLong("quantity"),
            money(rs, "price"),
            money(rs, "amount"),
            rs.getString("aggressor"),
            rs.getString("buy_order_id"),
            rs.getString("sell_order_id"),
            instant(rs, "recorded_at"));

    private static final RowMapper<OrderBook.PriceLevel> LEVEL = (rs, row) -> new OrderBook.PriceLevel(
            money(rs, "limit_price"), rs.getLong("quantity"), rs.getInt("orders"));

    private final JdbcClient jdbc;

    public ExchangeMarketQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public IssuerPage handle(ListIssuers query) {
        int size = Page.cappedSize(query.size());
        long total = jdbc.sql("SELECT COUNT(*) FROM exchange_issuer_view").query(Long.class).single();
        List<IssuerView> items = jdbc.sql(ISSUER_SELECT + " ORDER BY i.issuer_id LIMIT :limit OFFSET :offset")
                .param("limit", size)
                .param("offset", Page.offset(query.page(), size))
                .query(ISSUER)
                .list();
        return new IssuerPage(items, query.page(), size, total);
    }

    /** @return the issuer with its instruments and outcomes, or {@code null} when there is no such issuer */
    @QueryHandler
    public IssuerDetails handle(FindIssuer query) {
        String issuerId = query.issuerId().value();
        IssuerView issuer = jdbc.sql(ISSUER_SELECT + " WHERE i.issuer_id = :issuerId").param("issuerId", issuerId).query(ISSUER).optional().orElse(null);
        if (issuer == null) {
            return null;
        }
        List<InstrumentView> instruments = jdbc.sql("SELECT * FROM exchange_instrument_view WHERE issuer_id = :issuerId ORDER BY instrument_id")
                .param("issuerId", issuerId).query(INSTRUMENT).list();
        List<IssuerOutcomeView> outcomes = jdbc.sql("SELECT * FROM exchange_issuer_outcome_view WHERE issuer_id = :issuerId ORDER BY outcome_id")
                .param("issuerId", issuerId).query(OUTCOME).list();
        return new IssuerDetails(issuer, instruments, outcomes);
    }

    @QueryHandler
    public InstrumentPage handle(ListInstruments query) {
        int size = Page.cappedSize(query.size());
        String where = query.issuerIdOrNull() == null ? "" : " WHERE issuer_id = :issuerId";
        Map<String, Object> filter = query.issuerIdOrNull() == null ? Map.of() : Map.of("issuerId", query.issuerIdOrNull().value());
        long total = jdbc.sql("SELECT COUNT(*) FROM exchange_instrument_view" + where).params(filter).query(Long.class).single();
        List<InstrumentView> items = jdbc.sql("SELECT * FROM exchange_instrument_view" + where + " ORDER BY instrument_id LIMIT :limit OFFSET :offset")
                .params(filter)
                .param("limit", size)
                .param("offset", Page.offset(query.page(), size))
                .query(INSTRUMENT)
                .list();
        return new InstrumentPage(items, query.page(), size, total);
    }

    /** @return the instrument with its offerings, or {@code null} when there is no such instrument */
    @QueryHandler
    public InstrumentDetails handle(FindInstrument query) {
        InstrumentView instrument = instrument(query.instrumentId().value());
        if (instrument == null) {
            return null;
        }
        List<OfferingView> offerings = jdbc.sql("SELECT * FROM exchange_offering_view WHERE instrument_id = :instrumentId ORDER BY opens_on, offering_id")
                .param("instrumentId", instrument.instrumentId()).query(OFFERING).list();
        return new InstrumentDetails(instrument, offerings);
    }

    /** @return the depth per side and price of the resting orders, or {@code null} when there is no such instrument */
    @QueryHandler
    public OrderBook handle(FindOrderBook query) {
        InstrumentView instrument = instrument(query.instrumentId().value());
        if (instrument == null) {
            return null;
        }
        List<OrderBook.PriceLevel> bids = levels(instrument.instrumentId(), "BUY", "DESC");
        List<OrderBook.PriceLevel> asks = levels(instrument.instrumentId(), "SELL", "ASC");
        var spread = bids.isEmpty() || asks.isEmpty() ? null : asks.get(0).price().subtract(bids.get(0).price());
        return new OrderBook(instrument.instrumentId(), instrument.currency(), bids, asks, spread);
    }

    /** @return one page of the tape, newest first, or {@code null} when there is no such instrument */
    @QueryHandler
    public TradePage handle(ListTrades query) {
        InstrumentView instrument = instrument(query.instrumentId().value());
        if (instrument == null) {
            return null;
        }
        int size = Page.cappedSize(query.size());
        long total = jdbc.sql("SELECT COUNT(*) FROM exchange_trade_view WHERE instrument_id = :instrumentId")
                .param("instrumentId", instrument.instrumentId()).query(Long.class).single();
        List<TradeView> items = jdbc.sql("""
                        SELECT * FROM exchange_trade_view WHERE instrument_id = :instrumentId
                        ORDER BY trade_number DESC LIMIT :limit OFFSET :offset""")
                .param("instrumentId", instrument.instrumentId())
                .param("limit", size)
                .param("offset", Page.offset(query.page(), size))
                .query(TRADE)
                .list();
        return new TradePage(instrument.instrumentId(), instrument.currency(), items, query.page(), size, total);
    }

    private InstrumentView instrument(String instrumentId) {
        return jdbc.sql("SELECT * FROM exchange_instrument_view WHERE instrument_id = :instrumentId")
                .param("instrumentId", instrumentId).query(INSTRUMENT).optional().orElse(null);
    }

    /** {@code side} and {@code direction} are this class's constants, never input. */
    private List<OrderBook.PriceLevel> levels(String instrumentId, String side, String direction) {
        return jdbc.sql("""
                        SELECT limit_price, SUM(remaining) AS quantity, COUNT(*) AS orders FROM exchange_order_view
                        WHERE instrument_id = :instrumentId AND status = 'OPEN' AND side = :side
                        GROUP BY limit_price ORDER BY limit_price\s""" + direction)
                .param("instrumentId", instrumentId)
                .param("side", side)
                .query(LEVEL)
                .list();
    }
}
