package org.impactledger.projections.exchange.holdings;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.impactledger.core.exchange.ReservationPurpose;
import org.impactledger.core.exchange.event.AccountEvent;
import org.impactledger.core.exchange.event.AccountOpened;
import org.impactledger.core.exchange.event.Allocation;
import org.impactledger.core.exchange.event.CashDeposited;
import org.impactledger.core.exchange.event.CashReleased;
import org.impactledger.core.exchange.event.CashReserved;
import org.impactledger.core.exchange.event.CashWithdrawn;
import org.impactledger.core.exchange.event.IncomeReceived;
import org.impactledger.core.exchange.event.InstrumentListed;
import org.impactledger.core.exchange.event.IssuerAdmitted;
import org.impactledger.core.exchange.event.IssuerOutcomeReported;
import org.impactledger.core.exchange.event.IssuerOutcomeVerified;
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.exchange.event.PurchaseSettled;
import org.impactledger.core.exchange.event.SaleSettled;
import org.impactledger.core.exchange.event.SubscriptionSettled;
import org.impactledger.core.exchange.event.TradeExecuted;
import org.impactledger.projections.report.FactStamp;
import org.impactledger.projections.state.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the exchange's fact tables, in its own tracking processor ({@value #PROCESSING_GROUP}),
 * from which {@link ExchangeHoldingsQueries} answers holdings and portfolio impact "as of" a
 * business date and "as known at" a recording time ({@link org.impactledger.projections.report.TimeTravel}).
 *
 * <ul>
 *   <li>{@code exchange_cash_fact}: one row per account event that moves cash or a reservation;</li>
 *   <li>{@code exchange_unit_fact}: one line per holder whose units an offering's allocation or a
 *       trade changes (signed);</li>
 *   <li>{@code exchange_capital_fact}: the proceeds of each closed offering;</li>
 *   <li>{@code exchange_outcome_fact}: each reported outcome, with its verification once verified;</li>
 *   <li>{@code exchange_account_fact}, {@code exchange_issuer_fact}, {@code exchange_instrument_fact}:
 *       who they are.</li>
 * </ul>
 *
 * <h2>Dates</h2>
 * A fact's business date is the event's own date where it has one (value date, trade date,
 * settlement or payment date) and else the business date its command carried ({@link FactStamp}):
 * a reservation or a release is dated by the order, subscription or cancellation that made it (the
 * API sends that date as the command's business date). An outcome counts from its verification.
 *
 * <h2>Idempotent</h2>
 * Every fact is keyed by the identifier of the event it comes from and written only if absent,
 * all lines of an event in one transaction (which joins the processor's): a redelivered event
 * writes nothing. The verification of an outcome is written only while none is recorded. A token
 * reset empties the tables ({@link #reset()}) and the replay writes the same rows.
 *
 * <p>Events that change no holding, cash or verified impact are not handled: the instrument's
 * order book and offerings (the market read model's business), the issuer's standing, cash and
 * rejected outcomes.
 */
@Component
@ProcessingGroup(ExchangeHoldingsProjection.PROCESSING_GROUP)
public class ExchangeHoldingsProjection {

    public static final String PROCESSING_GROUP = "exchange-holdings";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;

    public ExchangeHoldingsProjection(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    // ---------------------------------------------------------------- who they are

    @EventHandler
    public void on(IssuerAdmitted event, EventMessage<?> message) {
        transaction.executeWithoutResult(status -> {
            if (!exists("SELECT COUNT(*) FROM exchange_issuer_fact WHERE issuer_id = :id", event.issuerId().value())) {
                jdbc.sql("""
                                INSERT INTO exchange_issuer_fact (issuer_id, name, currency, event_id, recorded_at)
                                VALUES (:issuerId, :name, :currency, :eventId, :recordedAt)""")
                        .param("issuerId", event.issuerId().value())
                        .param("name", event.name())
                        .param("currency", event.currency())
                        .param("eventId", message.getIdentifier())
                        .param("recordedAt", recordedAt(message))
                        .update();
            }
        });
    }

    @EventHandler
    public void on(InstrumentListed event, EventMessage<?> message) {
        transaction.executeWithoutResult(status -> {
            if (!exists("SELECT COUNT(*) FROM exchange_instrument_fact WHERE instrument_id = :id", event.instrumentId().value())) {
                jdbc.sql("""
                                INSERT INTO exchange_instrument_fact (instrument_id, issuer_id, name, instrument_type, currency, event_id, recorded_at)
                                VALUES (:instrumentId, :issuerId, :name, :type, :currency, :eventId, :recordedAt)""")
                        .param("instrumentId", event.instrumentId().value())
                        .param("issuerId", event.issuerId().value())
                        .param("name", event.name())
                        .param("type", event.type().name())
                        .param("currency", event.currency())
                        .param("eventId", message.getIdentifier())
                        .param("recordedAt", recordedAt(message))
                        .update();
            }
        });
    }

    // ---------------------------------------------------------------- cash

    /** Opening records the account; every other account event is one cash fact. */
    @EventHandler
    public void on(AccountEvent event, EventMessage<?> message) {
        if (event instanceof AccountOpened opened) {
            open(opened, message);
            return;
        }
        CashMovement movement = movement(event);
        FactStamp stamp = FactStamp.of(message, movement.ownDate());
        transaction.executeWithoutResult(status -> {
            if (exists("SELECT COUNT(*) FROM exchange_cash_fact WHERE event_id = :id", stamp.eventId())) {
                return;
            }
            jdbc.sql("""
                            INSERT INTO exchange_cash_fact (event_id, investor_id, event_type, instrument_id, reference, cash_change, reserved_change,
                                business_date, recorded_at)
                            VALUES (:eventId, :investorId, :eventType, :instrumentId, :reference, :cash, :reserved, :businessDate, :recordedAt)""")
                    .param("eventId", stamp.eventId())
                    .param("investorId", event.investorId().value())
                    .param("eventType", event.getClass().getSimpleName())
                    .param("instrumentId", movement.instrumentId(), java.sql.Types.VARCHAR)
                    .param("reference", movement.reference(), java.sql.Types.VARCHAR)
                    .param("cash", movement.cash())
                    .param("reserved", movement.reserved())
                    .param("businessDate", stamp.businessDate())
                    .param("recordedAt", micros(stamp))
                    .update();
        });
    }

    /** What an account event does to cash and reservations, and the event's own date if it has one. */
    record CashMovement(BigDecimal cash, BigDecimal reserved, LocalDate ownDate, String instrumentId, String reference) {
    }

    /** Java 17 has no pattern switch: an {@code instanceof} chain over the sealed interface, and a refusal for a type it does not know. */
    static CashMovement movement(AccountEvent event) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        if (event instanceof AccountOpened e) {
            return new CashMovement(zero, zero, e.openedOn(), null, null);
        } else if (event instanceof CashDeposited e) {
            return new CashMovement(e.amount().amount(), zero, e.valueDate(), null, e.bankReference());
        } else if (event instanceof CashWithdrawn e) {
            return new CashMovement(e.amount().amount().negate(), zero, e.valueDate(), null, e.bankReference());
        } else if (event instanceof CashReserved e) {
            return new CashMovement(zero, e.amount().amount(), null, e.instrumentId().value(), reference(e.purpose(), e.reference()));
        } else if (event instanceof CashReleased e) {
            return new CashMovement(zero, e.amount().amount().negate(), null, e.instrumentId().value(), reference(e.purpose(), e.reference()));
        } else if (event instanceof PurchaseSettled e) {
            return new CashMovement(e.amount().amount().negate(), e.reservationUsed().amount().negate(), e.tradeDate(), e.instrumentId().value(),
                    reference(ReservationPurpose.BUY_ORDER, e.orderId().value()));
        } else if (event instanceof SaleSettled e) {
            return new CashMovement(e.amount().amount(), zero, e.tradeDate(), e.instrumentId().value(), "SELL_ORDER " + e.orderId().value());
        } else if (event instanceof SubscriptionSettled e) {
            // the whole subscription reservation goes: allocated × price is paid, the rest released
            return new CashMovement(e.amountPaid().amount().negate(), e.amountPaid().amount().add(e.amountReleased().amount()).negate(),
                    e.settledOn(), e.instrumentId().value(), reference(ReservationPurpose.SUBSCRIPTION, e.offeringId().value()));
        } else if (event instanceof IncomeReceived e) {
            return new CashMovement(e.amount().amount(), zero, e.paymentDate(), e.instrumentId().value(), e.kind() + " " + e.paymentId());
        }
        throw new IllegalArgumentException("no cash rule for account event " + event.getClass().getName());
    }

    private static String reference(ReservationPurpose purpose, String reference) {
        return purpose + " " + reference;
    }

    private void open(AccountOpened event, EventMessage<?> message) {
        transaction.executeWithoutResult(status -> {
            if (!exists("SELECT COUNT(*) FROM exchange_account_fact WHERE investor_id = :id", event.investorId().value())) {
                jdbc.sql("""
                                INSERT INTO exchange_account_fact (investor_id, currency, opened_on, event_id, recorded_at)
                                VALUES (:investorId, :currency, :openedOn, :eventId, :recordedAt)""")
                        .param("investorId", event.investorId().value())
                        .param("currency", event.currency())
                        .param("openedOn", event.openedOn())
                        .param("eventId", message.getIdentifier())
                        .param("recordedAt", recordedAt(message))
                        .update();
            }
        });
    }

    // ---------------------------------------------------------------- units and capital

    /** Each allocation adds units to its subscriber; the proceeds are the instrument's capital raised. */
    @EventHandler
    public void on(OfferingClosed event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, event.closedOn());
        transaction.executeWithoutResult(status -> {
            if (exists("SELECT COUNT(*) FROM exchange_capital_fact WHERE event_id = :id", stamp.eventId())) {
                return;
            }
            jdbc.sql("""
                            INSERT INTO exchange_capital_fact (event_id, instrument_id, offering_id, units_allocated, proceeds, business_date, recorded_at)
                            VALUES (:eventId, :instrumentId, :offeringId, :units, :proceeds, :businessDate, :recordedAt)""")
                    .param("eventId", stamp.eventId())
                    .param("instrumentId", event.instrumentId().value())
                    .param("offeringId", event.offeringId().value())
                    .param("units", event.allocated())
                    .param("proceeds", event.proceeds().amount())
                    .param("businessDate", stamp.businessDate())
                    .param("recordedAt", micros(stamp))
                    .update();
            int line = 0;
            for (Allocation allocation : event.allocations()) {
                if (allocation.allocated() > 0) {
                    units(stamp, ++line, event.instrumentId().value(), allocation.investorId().value(), allocation.allocated(), "OfferingClosed");
                }
            }
        });
    }

    /** The units move from the seller (line 1) to the buyer (line 2). */
    @EventHandler
    public void on(TradeExecuted event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, event.tradeDate());
        transaction.executeWithoutResult(status -> {
            if (exists("SELECT COUNT(*) FROM exchange_unit_fact WHERE event_id = :id", stamp.eventId())) {
                return;
            }
            units(stamp, 1, event.instrumentId().value(), event.sellerId().value(), -event.quantity(), "TradeExecuted");
            units(stamp, 2, event.instrumentId().value(), event.buyerId().value(), event.quantity(), "TradeExecuted");
        });
    }

    private void units(FactStamp stamp, int line, String instrumentId, String investorId, long units, String eventType) {
        jdbc.sql("""
                        INSERT INTO exchange_unit_fact (event_id, line_no, instrument_id, investor_id, units, event_type, business_date, recorded_at)
                        VALUES (:eventId, :line, :instrumentId, :investorId, :units, :eventType, :businessDate, :recordedAt)""")
                .param("eventId", stamp.eventId())
                .param("line", line)
                .param("instrumentId", instrumentId)
                .param("investorId", investorId)
                .param("units", units)
                .param("eventType", eventType)
                .param("businessDate", stamp.businessDate())
                .param("recordedAt", micros(stamp))
                .update();
    }

    // ---------------------------------------------------------------- outcomes

    @EventHandler
    public void on(IssuerOutcomeReported event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        transaction.executeWithoutResult(status -> {
            long rows = jdbc.sql("SELECT COUNT(*) FROM exchange_outcome_fact WHERE issuer_id = :issuerId AND outcome_id = :outcomeId")
                    .param("issuerId", event.issuerId().value())
                    .param("outcomeId", event.outcomeId().value())
                    .query(Long.class).single();
            if (rows > 0) {
                return;
            }
            jdbc.sql("""
                            INSERT INTO exchange_outcome_fact (issuer_id, outcome_id, metric_code, sdg_target, period, reported_quantity,
                                reported_date, reported_at)
                            VALUES (:issuerId, :outcomeId, :metricCode, :sdgTarget, :period, :quantity, :businessDate, :recordedAt)""")
                    .param("issuerId", event.issuerId().value())
                    .param("outcomeId", event.outcomeId().value())
                    .param("metricCode", event.metricCode())
                    .param("sdgTarget", event.sdgTarget())
                    .param("period", event.period())
                    .param("quantity", event.quantity())
                    .param("businessDate", stamp.businessDate())
                    .param("recordedAt", micros(stamp))
                    .update();
        });
    }

    /** An outcome is verified once (the issuer refuses a second decision); a redelivery finds the verification recorded. */
    @EventHandler
    public void on(IssuerOutcomeVerified event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE exchange_outcome_fact SET verified_quantity = :quantity, verified_date = :businessDate, verified_at = :recordedAt
                        WHERE issuer_id = :issuerId AND outcome_id = :outcomeId AND verified_at IS NULL""")
                .param("quantity", event.verifiedQuantity())
                .param("businessDate", stamp.businessDate())
                .param("recordedAt", micros(stamp))
                .param("issuerId", event.issuerId().value())
                .param("outcomeId", event.outcomeId().value())
                .update());
    }

    /** Before a replay from the start: empty the tables so the replay rebuilds them from zero. */
    @ResetHandler
    public void reset() {
        transaction.executeWithoutResult(status -> ReadModelTables.empty(template, "exchange_cash_fact", "exchange_unit_fact",
                "exchange_capital_fact", "exchange_outcome_fact", "exchange_account_fact", "exchange_instrument_fact", "exchange_issuer_fact"));
    }

    private boolean exists(String countSql, String id) {
        return jdbc.sql(countSql).param("id", id).query(Long.class).single() > 0;
    }

    private static LocalDateTime micros(FactStamp stamp) {
        return utc(stamp.recordedAt().truncatedTo(ChronoUnit.MICROS));
    }

    private static LocalDateTime recordedAt(EventMessage<?> message) {
        return utc(message.getTimestamp().truncatedTo(ChronoUnit.MICROS));
    }
}
