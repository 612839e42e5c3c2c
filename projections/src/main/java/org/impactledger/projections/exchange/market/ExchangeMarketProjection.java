package org.impactledger.projections.exchange.market;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.impactledger.core.exchange.OrderStatus;
import org.impactledger.core.exchange.event.IncomeFunded;
import org.impactledger.core.exchange.event.IncomePaid;
import org.impactledger.core.exchange.event.InstrumentDelisted;
import org.impactledger.core.exchange.event.InstrumentListed;
import org.impactledger.core.exchange.event.IssuerAdmitted;
import org.impactledger.core.exchange.event.IssuerCashDeposited;
import org.impactledger.core.exchange.event.IssuerCashWithdrawn;
import org.impactledger.core.exchange.event.IssuerOutcomeRejected;
import org.impactledger.core.exchange.event.IssuerOutcomeReported;
import org.impactledger.core.exchange.event.IssuerOutcomeVerified;
import org.impactledger.core.exchange.event.IssuerReinstated;
import org.impactledger.core.exchange.event.IssuerSuspended;
import org.impactledger.core.exchange.event.OfferingCancelled;
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.exchange.event.OfferingOpened;
import org.impactledger.core.exchange.event.OfferingProceedsReceived;
import org.impactledger.core.exchange.event.OrderCancelled;
import org.impactledger.core.exchange.event.OrderPlaced;
import org.impactledger.core.exchange.event.SubscriptionReceived;
import org.impactledger.core.exchange.event.TradeExecuted;
import org.impactledger.projections.state.ReadModelTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the exchange's market read models up to date, in its own tracking processor
 * ({@value #PROCESSING_GROUP}): issuers and their outcomes ({@code exchange_issuer_view},
 * {@code exchange_issuer_outcome_view}) from the issuer's events, and instruments, offerings, the
 * order book and the trade tape ({@code exchange_instrument_view}, {@code exchange_offering_view},
 * {@code exchange_order_view}, {@code exchange_trade_view}) from the instrument's events.
 *
 * <h2>Idempotent</h2>
 * As in the fund's state view ({@code FundStateProjection}): every issuer event moves
 * {@code exchange_issuer_view.last_event_index}, every instrument event
 * {@code exchange_instrument_view.last_event_index}, forward to the event's sequence number in its
 * aggregate's stream with a conditional update, and changes anything only if that update hit the
 * row; a redelivered or older event changes nothing. Guard and change run in one transaction (which
 * joins the processor's). A token reset empties the tables ({@link #reset()}).
 *
 * <p>Assumes what the aggregates guarantee: an issuer's events all come from its stream, with
 * {@code IssuerAdmitted} first; an instrument's likewise with {@code InstrumentListed} first. The
 * issuer events that belong to the instrument's settlement ({@code OfferingProceedsReceived},
 * {@code IncomeFunded}) are applied as issuer events: they are in the issuer's stream. Account
 * events are not the market's business (see the holdings read model).
 */
@Component
@ProcessingGroup(ExchangeMarketProjection.PROCESSING_GROUP)
public class ExchangeMarketProjection {

    public static final String PROCESSING_GROUP = "exchange-market";

    private static final Logger log = LoggerFactory.getLogger(ExchangeMarketProjection.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;

    public ExchangeMarketProjection(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    // ---------------------------------------------------------------- issuers

    @EventHandler
    public void on(IssuerAdmitted event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (exists("exchange_issuer_view", "issuer_id", event.issuerId().value())) {
                return;
            }
            jdbc.sql("""
                            INSERT INTO exchange_issuer_view (issuer_id, name, currency, sdg_focus, admitted_on, suspended, standing_since,
                                standing_reason, cash, proceeds_received, income_paid, last_event_index)
                            VALUES (:issuerId, :name, :currency, :sdgFocus, :admittedOn, FALSE, :admittedOn, NULL, 0, 0, 0, :seq)""")
                    .param("issuerId", event.issuerId().value())
                    .param("name", event.name())
                    .param("currency", event.currency())
                    .param("sdgFocus", String.join(",", event.sdgFocus()))
                    .param("admittedOn", event.admittedOn())
                    .param("seq", sequenceNumber)
                    .update();
        });
    }

    @EventHandler
    public void on(IssuerSuspended event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> advanceIssuer(event.issuerId().value(), sequenceNumber,
                "suspended = TRUE, standing_since = :on, standing_reason = :reason", Map.of("on", event.suspendedOn(), "reason", event.reason())));
    }

    @EventHandler
    public void on(IssuerReinstated event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> advanceIssuer(event.issuerId().value(), sequenceNumber,
                "suspended = FALSE, standing_since = :on, standing_reason = :reason", Map.of("on", event.reinstatedOn(), "reason", event.reason())));
    }

    @EventHandler
    public void on(IssuerOutcomeReported event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        transaction.executeWithoutResult(status -> {
            if (!advanceIssuer(event.issuerId().value(), sequenceNumber, "", Map.of())) {
                return;
            }
            jdbc.sql("""
                            INSERT INTO exchange_issuer_outcome_view (issuer_id, outcome_id, metric_code, sdg_target, period, quantity, status,
                                reported_by, reported_at)
                            VALUES (:issuerId, :outcomeId, :metricCode, :sdgTarget, :period, :quantity, 'REPORTED', :reportedBy, :reportedAt)""")
                    .param("issuerId", event.issuerId().value())
                    .param("outcomeId", event.outcomeId().value())
                    .param("metricCode", event.metricCode())
                    .param("sdgTarget", event.sdgTarget())
                    .param("period", event.period())
                    .param("quantity", event.quantity())
                    .param("reportedBy", event.reportedBy())
                    .param("reportedAt", micros(timestamp))
                    .update();
        });
    }

    @EventHandler
    public void on(IssuerOutcomeVerified event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        transaction.executeWithoutResult(status -> {
            if (advanceIssuer(event.issuerId().value(), sequenceNumber, "", Map.of())) {
                decideOutcome(event.issuerId().value(), event.outcomeId().value(), "VERIFIED", event.verifiedQuantity(), event.verifiedBy(),
                        timestamp, event.note());
            }
        });
    }

    @EventHandler
    public void on(IssuerOutcomeRejected event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        transaction.executeWithoutResult(status -> {
            if (advanceIssuer(event.issuerId().value(), sequenceNumber, "", Map.of())) {
                decideOutcome(event.issuerId().value(), event.outcomeId().value(), "REJECTED", null, event.rejectedBy(), timestamp, event.reason());
            }
        });
    }

    @EventHandler
    public void on(IssuerCashDeposited event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> advanceIssuer(event.issuerId().value(), sequenceNumber, "cash = cash + :amount",
                Map.of("amount", event.amount().amount())));
    }

    @EventHandler
    public void on(IssuerCashWithdrawn event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> advanceIssuer(event.issuerId().value(), sequenceNumber, "cash = cash - :amount",
                Map.of("amount", event.amount().amount())));
    }

    @EventHandler
    public void on(OfferingProceedsReceived event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> advanceIssuer(event.issuerId().value(), sequenceNumber,
                "cash = cash + :amount, proceeds_received = proceeds_received + :amount", Map.of("amount", event.amount().amount())));
    }

    @EventHandler
    public void on(IncomeFunded event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> advanceIssuer(event.issuerId().value(), sequenceNumber,
                "cash = cash - :amount, income_paid = income_paid + :amount", Map.of("amount", event.amount().amount())));
    }

    // ---------------------------------------------------------------- instruments and offerings

    @EventHandler
    public void on(InstrumentListed event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (exists("exchange_instrument_view", "instrument_id", event.instrumentId().value())) {
                return;
            }
            var terms = event.bondTerms();
            jdbc.sql("""
                            INSERT INTO exchange_instrument_view (instrument_id, issuer_id, name, instrument_type, currency, face_value, coupon_rate,
                                coupons_per_year, maturity, listed_on, units_outstanding, capital_raised, trade_count, units_traded,
                                income_paid, last_event_index)
                            VALUES (:instrumentId, :issuerId, :name, :type, :currency, :faceValue, :couponRate,
                                :couponsPerYear, :maturity, :listedOn, 0, 0, 0, 0,
                                0, :seq)""")
                    .param("instrumentId", event.instrumentId().value())
                    .param("issuerId", event.issuerId().value())
                    .param("name", event.name())
                    .param("type", event.type().name())
                    .param("currency", event.currency())
                    .param("faceValue", terms == null ? null : terms.faceValue().amount(), java.sql.Types.NUMERIC)
                    .param("couponRate", terms == null ? null : terms.couponRate(), java.sql.Types.NUMERIC)
                    .param("couponsPerYear", terms == null ? null : terms.couponsPerYear(), java.sql.Types.INTEGER)
                    .param("maturity", terms == null ? null : terms.maturity(), java.sql.Types.DATE)
                    .param("listedOn", event.listedOn())
                    .param("seq", sequenceNumber)
                    .update();
        });
    }

    @EventHandler
    public void on(InstrumentDelisted event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> advanceInstrument(event.instrumentId().value(), sequenceNumber,
                "delisted_on = :on, delisting_reason = :reason", Map.of("on", event.delistedOn(), "reason", event.reason())));
    }

    @EventHandler
    public void on(OfferingOpened event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (!advanceInstrument(event.instrumentId().value(), sequenceNumber, "", Map.of())) {
                return;
            }
            jdbc.sql("""
                            INSERT INTO exchange_offering_view (instrument_id, offering_id, offering_size, price, opens_on, closes_on, status,
                                subscriptions, units_subscribed, units_allocated, proceeds)
                            VALUES (:instrumentId, :offeringId, :size, :price, :opensOn, :closesOn, 'OPEN', 0, 0, 0, 0)""")
                    .param("instrumentId", event.instrumentId().value())
                    .param("offeringId", event.offeringId().value())
                    .param("size", event.size())
                    .param("price", event.price().amount())
                    .param("opensOn", event.opensOn())
                    .param("closesOn", event.closesOn())
                    .update();
        });
    }

    @EventHandler
    public void on(SubscriptionReceived event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (advanceInstrument(event.instrumentId().value(), sequenceNumber, "", Map.of())) {
                changeOffering(event.instrumentId().value(), event.offeringId().value(),
                        "subscriptions = subscriptions + 1, units_subscribed = units_subscribed + :units", Map.of("units", event.quantity()));
            }
        });
    }

    @EventHandler
    public void on(OfferingClosed event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (advanceInstrument(event.instrumentId().value(), sequenceNumber,
                    "units_outstanding = units_outstanding + :units, capital_raised = capital_raised + :proceeds",
                    Map.of("units", event.allocated(), "proceeds", event.proceeds().amount()))) {
                changeOffering(event.instrumentId().value(), event.offeringId().value(),
                        "status = 'CLOSED', units_allocated = :units, proceeds = :proceeds, ended_on = :on",
                        Map.of("units", event.allocated(), "proceeds", event.proceeds().amount(), "on", event.closedOn()));
            }
        });
    }

    @EventHandler
    public void on(OfferingCancelled event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (advanceInstrument(event.instrumentId().value(), sequenceNumber, "", Map.of())) {
                changeOffering(event.instrumentId().value(), event.offeringId().value(), "status = 'CANCELLED', ended_on = :on",
                        Map.of("on", event.cancelledOn()));
            }
        });
    }

    // ---------------------------------------------------------------- order book and trades

    @EventHandler
    public void on(OrderPlaced event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (!advanceInstrument(event.instrumentId().value(), sequenceNumber, "", Map.of())) {
                return;
            }
            jdbc.sql("""
                            INSERT INTO exchange_order_view (instrument_id, order_id, investor_id, side, limit_price, quantity, remaining, priority,
                                placed_on, status)
                            VALUES (:instrumentId, :orderId, :investorId, :side, :limitPrice, :quantity, :quantity, :priority, :placedOn, 'OPEN')""")
                    .param("instrumentId", event.instrumentId().value())
                    .param("orderId", event.orderId().value())
                    .param("investorId", event.investorId().value())
                    .param("side", event.side().name())
                    .param("limitPrice", event.limitPrice().amount())
                    .param("quantity", event.quantity())
                    .param("priority", event.sequence())
                    .param("placedOn", event.placedOn())
                    .update();
        });
    }

    /** Both orders lose the traded units (an order with nothing left is FILLED); the tape gets the trade. */
    @EventHandler
    public void on(TradeExecuted event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        transaction.executeWithoutResult(status -> {
            if (!advanceInstrument(event.instrumentId().value(), sequenceNumber,
                    "trade_count = :tradeNumber, units_traded = units_traded + :units, last_price = :price, last_trade_date = :on",
                    Map.of("tradeNumber", event.tradeNumber(), "units", event.quantity(), "price", event.price().amount(), "on", event.tradeDate()))) {
                return;
            }
            setRemaining(event.instrumentId().value(), event.buyOrderId().value(), event.buyOrderRemaining());
            setRemaining(event.instrumentId().value(), event.sellOrderId().value(), event.sellOrderRemaining());
            jdbc.sql("""
                            INSERT INTO exchange_trade_view (instrument_id, trade_number, trade_date, quantity, price, amount, aggressor,
                                buy_order_id, sell_order_id, recorded_at)
                            VALUES (:instrumentId, :tradeNumber, :tradeDate, :quantity, :price, :amount, :aggressor,
                                :buyOrderId, :sellOrderId, :recordedAt)""")
                    .param("instrumentId", event.instrumentId().value())
                    .param("tradeNumber", event.tradeNumber())
                    .param("tradeDate", event.tradeDate())
                    .param("quantity", event.quantity())
                    .param("price", event.price().amount())
                    .param("amount", event.amount().amount())
                    .param("aggressor", event.aggressor().name())
                    .param("buyOrderId", event.buyOrderId().value())
                    .param("sellOrderId", event.sellOrderId().value())
                    .param("recordedAt", micros(timestamp))
                    .update();
        });
    }

    @EventHandler
    public void on(OrderCancelled event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (advanceInstrument(event.instrumentId().value(), sequenceNumber, "", Map.of())) {
                jdbc.sql("UPDATE exchange_order_view SET remaining = 0, status = :status WHERE instrument_id = :instrumentId AND order_id = :orderId")
                        .param("status", OrderStatus.CANCELLED.name())
                        .param("instrumentId", event.instrumentId().value())
                        .param("orderId", event.orderId().value())
                        .update();
            }
        });
    }

    @EventHandler
    public void on(IncomePaid event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> advanceInstrument(event.instrumentId().value(), sequenceNumber,
                "income_paid = income_paid + :amount", Map.of("amount", event.amount().amount())));
    }

    /** Before a replay from the start: empty the tables so the replay rebuilds them from zero. */
    @ResetHandler
    public void reset() {
        transaction.executeWithoutResult(status -> ReadModelTables.empty(template, "exchange_trade_view", "exchange_order_view",
                "exchange_offering_view", "exchange_instrument_view", "exchange_issuer_outcome_view", "exchange_issuer_view"));
    }

    // ---------------------------------------------------------------- helpers

    private boolean advanceIssuer(String issuerId, long sequenceNumber, String assignments, Map<String, ?> params) {
        return advance("exchange_issuer_view", "issuer_id", issuerId, sequenceNumber, assignments, params);
    }

    private boolean advanceInstrument(String instrumentId, long sequenceNumber, String assignments, Map<String, ?> params) {
        return advance("exchange_instrument_view", "instrument_id", instrumentId, sequenceNumber, assignments, params);
    }

    /**
     * Moves the row's {@code last_event_index} to {@code sequenceNumber} and applies
     * {@code assignments}, if the event is newer than the last one applied. {@code table},
     * {@code keyColumn} and {@code assignments} are this class's constants, never input.
     *
     * @return whether the event is new, so that its other changes are to be made
     */
    private boolean advance(String table, String keyColumn, String id, long sequenceNumber, String assignments, Map<String, ?> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("id", id);
        all.put("seq", sequenceNumber);
        String set = assignments.isEmpty() ? "" : assignments + ", ";
        int updated = jdbc.sql("UPDATE " + table + " SET " + set + "last_event_index = :seq WHERE " + keyColumn + " = :id AND last_event_index < :seq")
                .params(all)
                .update();
        if (updated == 1) {
            return true;
        }
        if (!exists(table, keyColumn, id)) {
            log.warn("Skipped event #{} for {} {}, which has no row in {}", sequenceNumber, keyColumn, id, table);
        }
        return false;
    }

    private boolean exists(String table, String keyColumn, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + keyColumn + " = :id").param("id", id).query(Long.class).single() > 0;
    }

    private void decideOutcome(String issuerId, String outcomeId, String status, BigDecimal verifiedQuantity, String decidedBy, Instant at,
                               String note) {
        jdbc.sql("""
                        UPDATE exchange_issuer_outcome_view SET status = :status, verified_quantity = :verifiedQuantity, decided_by = :decidedBy,
                            decided_at = :decidedAt, decision_note = :note
                        WHERE issuer_id = :issuerId AND outcome_id = :outcomeId""")
                .param("status", status)
                .param("verifiedQuantity", verifiedQuantity, java.sql.Types.NUMERIC)
                .param("decidedBy", decidedBy)
                .param("decidedAt", micros(at))
                .param("note", note, java.sql.Types.VARCHAR)
                .param("issuerId", issuerId)
                .param("outcomeId", outcomeId)
                .update();
    }

    private void changeOffering(String instrumentId, String offeringId, String assignments, Map<String, ?> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("instrumentId", instrumentId);
        all.put("offeringId", offeringId);
        int updated = jdbc.sql("UPDATE exchange_offering_view SET " + assignments + " WHERE instrument_id = :instrumentId AND offering_id = :offeringId")
                .params(all)
                .update();
        if (updated == 0) {
            log.warn("Instrument {} has no offering {} to change ({})", instrumentId, offeringId, assignments);
        }
    }

    private void setRemaining(String instrumentId, String orderId, long remaining) {
        jdbc.sql("UPDATE exchange_order_view SET remaining = :remaining, status = :status WHERE instrument_id = :instrumentId AND order_id = :orderId")
                .param("remaining", remaining)
                .param("status", remaining == 0 ? OrderStatus.FILLED.name() : OrderStatus.OPEN.name())
                .param("instrumentId", instrumentId)
                .param("orderId", orderId)
                .update();
    }

    private static java.time.LocalDateTime micros(Instant timestamp) {
        return utc(timestamp.truncatedTo(ChronoUnit.MICROS));
    }
}
