package org.impactledger.projections.state.fund;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.impactledger.core.fund.event.CapitalCalled;
import org.impactledger.core.fund.event.CapitalCommitted;
import org.impactledger.core.fund.event.CapitalReceived;
import org.impactledger.core.fund.event.DistributionMade;
import org.impactledger.core.fund.event.DistributionShare;
import org.impactledger.core.fund.event.FundOpened;
import org.impactledger.core.fund.event.OutcomeBudgetCommitted;
import org.impactledger.core.fund.event.OutcomeBudgetReleased;
import org.impactledger.core.fund.event.OutcomeBudgetReserved;
import org.impactledger.core.fund.event.OutcomePaymentReceived;
import org.impactledger.core.fund.event.OutcomePaymentRefunded;
import org.impactledger.core.fund.event.PropertyAcquisitionPaid;
import org.impactledger.core.fund.event.RentIncomeReceived;
import org.impactledger.core.fund.event.RentIncomeReversed;
import org.impactledger.core.fund.event.ValuationRecorded;
import org.impactledger.core.fund.event.WorkingCapitalAdvanced;
import org.impactledger.core.shared.FundId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code fund_view}, {@code fund_investor_view} and {@code fund_budget_view} up to date from
 * the fund's events, in its own tracking processor ({@value #PROCESSING_GROUP}).
 *
 * <h2>Why every write is idempotent</h2>
 * Most figures here are running sums (committed, paid in, cash ...), and adding an amount twice is
 * wrong. A tracking processor delivers each event at least once: a batch retried after a failure,
 * a segment taken over by another node, or a read model kept outside the token's transaction would
 * all see an event again. So every fund event carries its position in the fund's own stream (the
 * aggregate sequence number, {@code @SequenceNumber}) and {@code fund_view.last_event_index} keeps
 * the position of the last event applied to that fund. Each handler first moves that index
 * forward with a conditional update ({@code ... WHERE last_event_index < :seq}); only if that
 * update hit the row does it change the figures. A redelivered (or older) event matches no row and
 * changes nothing. The sequence number, rather than the global tracking token, is used because it
 * is part of the stored event itself: the same event has the same number on every replay, with
 * every token type (replay, merged or gapped tokens) and with either event store, and one fund's
 * events always reach one segment in order. The guard and the change run in one transaction (which
 * joins the processor's transaction when there is one), so an event is applied entirely or not at
 * all. A token reset empties the tables ({@link #reset()}), so a replay rebuilds them from zero.
 *
 * <p>Assumes what the fund aggregate guarantees: every {@code FundEvent} of a fund is published by
 * that fund's aggregate (so its sequence numbers count one stream), and {@code FundOpened} comes
 * first. Events for a fund that has no row are logged and skipped.
 */
@Component
@ProcessingGroup(FundStateProjection.PROCESSING_GROUP)
public class FundStateProjection {

    public static final String PROCESSING_GROUP = "fund-state";

    private static final Logger log = LoggerFactory.getLogger(FundStateProjection.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public FundStateProjection(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @EventHandler
    public void on(FundOpened event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        transaction.executeWithoutResult(status -> {
            if (fundExists(event.fundId())) {
                return;
            }
            jdbc.sql("""
                            INSERT INTO fund_view (fund_id, name, currency, manager, return_cap_multiple, committed, called,
                                paid_in, distributed, advanced, outcome_payments_received, refunded, cash, opened_at,
                                last_event_index)
                            VALUES (:fundId, :name, :currency, :manager, :returnCapMultiple, 0, 0,
                                0, 0, 0, 0, 0, 0, :openedAt,
                                :seq)""")
                    .param("fundId", event.fundId().value())
                    .param("name", event.name())
                    .param("currency", event.currency())
                    .param("manager", event.manager())
                    .param("returnCapMultiple", event.returnCapMultiple())
                    .param("openedAt", utc(timestamp))
                    .param("seq", sequenceNumber)
                    .update();
        });
    }

    /** The investor's commitment is taken from the event's running total, the fund's is summed. */
    @EventHandler
    public void on(CapitalCommitted event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (advance(event.fundId(), sequenceNumber, "committed = committed + :amount", Map.of("amount", event.amount().amount()))) {
                ensureInvestor(event.fundId(), event.investorId().value());
                jdbc.sql("UPDATE fund_investor_view SET committed = :total WHERE fund_id = :fundId AND investor_id = :investorId")
                        .param("total", event.totalCommitted().amount())
                        .param("fundId", event.fundId().value())
                        .param("investorId", event.investorId().value())
                        .update();
            }
        });
    }

    @EventHandler
    public void on(CapitalCalled event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (advance(event.fundId(), sequenceNumber, "called = called + :amount", Map.of("amount", event.amount().amount()))) {
                addToInvestor(event.fundId(), event.investorId().value(), "called", event.amount().amount());
            }
        });
    }

    @EventHandler
    public void on(CapitalReceived event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (advance(event.fundId(), sequenceNumber, "paid_in = paid_in + :amount, cash = cash + :amount",
                    Map.of("amount", event.amount().amount()))) {
                addToInvestor(event.fundId(), event.investorId().value(), "paid_in", event.amount().amount());
            }
        });
    }

    @EventHandler
    public void on(WorkingCapitalAdvanced event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status ->
                advance(event.fundId(), sequenceNumber, "advanced = advanced + :amount, cash = cash - :amount",
                        Map.of("amount", event.amount().amount())));
    }

    /** A second commitment under the same budget id adds to that budget. */
    @EventHandler
    public void on(OutcomeBudgetCommitted event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (!advance(event.fundId(), sequenceNumber, "", Map.of())) {
                return;
            }
            int updated = jdbc.sql("UPDATE fund_budget_view SET committed = committed + :amount WHERE fund_id = :fundId AND budget_id = :budgetId")
                    .param("amount", event.amount().amount())
                    .param("fundId", event.fundId().value())
                    .param("budgetId", event.budgetId().value())
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                                INSERT INTO fund_budget_view (fund_id, budget_id, payer_id, committed, reserved, paid, nrrp_cup, nrrp_measure)
                                VALUES (:fundId, :budgetId, :payerId, :amount, 0, 0, :cup, :measure)""")
                        .param("fundId", event.fundId().value())
                        .param("budgetId", event.budgetId().value())
                        .param("payerId", event.payerId().value())
                        .param("amount", event.amount().amount())
                        .param("cup", event.nrrp() == null ? null : event.nrrp().cup())
                        .param("measure", event.nrrp() == null ? null : event.nrrp().measure())
                        .update();
            }
        });
    }

    @EventHandler
    public void on(OutcomeBudgetReserved event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (advance(event.fundId(), sequenceNumber, "", Map.of())) {
                changeBudget(event.fundId(), event.budgetId().value(), "reserved = reserved + :amount", event.amount().amount());
            }
        });
    }

    @EventHandler
    public void on(OutcomeBudgetReleased event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (advance(event.fundId(), sequenceNumber, "", Map.of())) {
                changeBudget(event.fundId(), event.budgetId().value(), "reserved = reserved - :amount", event.amount().amount());
            }
        });
    }

    /** The payer's money arrived: it adds to cash, and the budget's reservation becomes paid. */
    @EventHandler
    public void on(OutcomePaymentReceived event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (advance(event.fundId(), sequenceNumber,
                    "outcome_payments_received = outcome_payments_received + :amount, cash = cash + :amount",
                    Map.of("amount", event.amount().amount()))) {
                changeBudget(event.fundId(), event.budgetId().value(), "reserved = reserved - :amount, paid = paid + :amount",
                        event.amount().amount());
            }
        });
    }

    /** An executed payment was reversed: the money goes back to the payer and the budget is free again. */
    @EventHandler
    public void on(OutcomePaymentRefunded event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (advance(event.fundId(), sequenceNumber, "refunded = refunded + :amount, cash = cash - :amount",
                    Map.of("amount", event.amount().amount()))) {
                changeBudget(event.fundId(), event.budgetId().value(), "paid = paid - :amount", event.amount().amount());
            }
        });
    }

    @EventHandler
    public void on(DistributionMade event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (!advance(event.fundId(), sequenceNumber, "distributed = distributed + :amount, cash = cash - :amount",
                    Map.of("amount", event.amount().amount()))) {
                return;
            }
            for (DistributionShare share : event.shares()) {
                addToInvestor(event.fundId(), share.investorId().value(), "returned_capital", share.returnOfCapital().amount());
                addToInvestor(event.fundId(), share.investorId().value(), "profit_distributed", share.profit().amount());
            }
        });
    }

    /** Homes4All: the price of a property leaves cash. */
    @EventHandler
    public void on(PropertyAcquisitionPaid event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status ->
                advance(event.fundId(), sequenceNumber, "property_acquisitions = property_acquisitions + :amount, cash = cash - :amount",
                        Map.of("amount", event.amount().amount())));
    }

    /** Homes4All: rent collected from a household reaches cash. */
    @EventHandler
    public void on(RentIncomeReceived event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status ->
                advance(event.fundId(), sequenceNumber, "rent_income = rent_income + :amount, cash = cash + :amount",
                        Map.of("amount", event.amount().amount())));
    }

    /** Homes4All: a reversed rent collection leaves cash, and rent income is net of it. */
    @EventHandler
    public void on(RentIncomeReversed event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status ->
                advance(event.fundId(), sequenceNumber, "rent_income = rent_income - :amount, cash = cash - :amount",
                        Map.of("amount", event.amount().amount())));
    }

    /** The latest valuation by date wins; a back-dated one recorded later does not replace it. */
    @EventHandler
    public void on(ValuationRecorded event, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> {
            if (advance(event.fundId(), sequenceNumber, "", Map.of())) {
                jdbc.sql("""
                                UPDATE fund_view SET latest_nav = :nav, latest_nav_date = :asOf
                                WHERE fund_id = :fundId AND (latest_nav_date IS NULL OR latest_nav_date <= :asOf)""")
                        .param("nav", event.netAssetValue().amount())
                        .param("asOf", event.asOf())
                        .param("fundId", event.fundId().value())
                        .update();
            }
        });
    }

    /** Before a replay from the start: empty the tables so the replay rebuilds them from zero. */
    @ResetHandler
    public void reset() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM fund_investor_view").update();
            jdbc.sql("DELETE FROM fund_budget_view").update();
            jdbc.sql("DELETE FROM fund_view").update();
        });
    }

    /**
     * Moves the fund's {@code last_event_index} to {@code sequenceNumber} and applies
     * {@code assignments} to its row, if this event is newer than the last one applied.
     *
     * @return whether the event is new, so that its other changes are to be made
     */
    private boolean advance(FundId fundId, long sequenceNumber, String assignments, Map<String, ?> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("fundId", fundId.value());
        all.put("seq", sequenceNumber);
        String set = assignments.isEmpty() ? "" : assignments + ", ";
        int updated = jdbc.sql("UPDATE fund_view SET " + set + "last_event_index = :seq WHERE fund_id = :fundId AND last_event_index < :seq")
                .params(all)
                .update();
        if (updated == 1) {
            return true;
        }
        if (!fundExists(fundId)) {
            log.warn("Skipped fund event #{} for fund {}, which has no row in fund_view", sequenceNumber, fundId);
        }
        return false;
    }

    private boolean fundExists(FundId fundId) {
        return jdbc.sql("SELECT COUNT(*) FROM fund_view WHERE fund_id = :fundId")
                .param("fundId", fundId.value())
                .query(Long.class)
                .single() > 0;
    }

    private void ensureInvestor(FundId fundId, String investorId) {
        long rows = jdbc.sql("SELECT COUNT(*) FROM fund_investor_view WHERE fund_id = :fundId AND investor_id = :investorId")
                .param("fundId", fundId.value())
                .param("investorId", investorId)
                .query(Long.class)
                .single();
        if (rows == 0) {
            jdbc.sql("""
                            INSERT INTO fund_investor_view (fund_id, investor_id, committed, called, paid_in, returned_capital, profit_distributed)
                            VALUES (:fundId, :investorId, 0, 0, 0, 0, 0)""")
                    .param("fundId", fundId.value())
                    .param("investorId", investorId)
                    .update();
        }
    }

    /** Adds to one of the investor's figures; {@code column} is one of this class's constants, never input. */
    private void addToInvestor(FundId fundId, String investorId, String column, BigDecimal amount) {
        ensureInvestor(fundId, investorId);
        jdbc.sql("UPDATE fund_investor_view SET " + column + " = " + column + " + :amount WHERE fund_id = :fundId AND investor_id = :investorId")
                .param("amount", amount)
                .param("fundId", fundId.value())
                .param("investorId", investorId)
                .update();
    }

    private void changeBudget(FundId fundId, String budgetId, String assignments, BigDecimal amount) {
        int updated = jdbc.sql("UPDATE fund_budget_view SET " + assignments + " WHERE fund_id = :fundId AND budget_id = :budgetId")
                .param("amount", amount)
                .param("fundId", fundId.value())
                .param("budgetId", budgetId)
                .update();
        if (updated == 0) {
            log.warn("Fund {} has no budget {} to change ({})", fundId, budgetId, assignments);
        }
    }
}
