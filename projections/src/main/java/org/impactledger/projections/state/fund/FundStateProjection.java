package org.impactledger.projections.state.fund;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.time.Instant;
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
import org.impactledger.projections.state.BatchWrites;
import org.impactledger.projections.state.fund.FundStateWrites.Figure;
import org.impactledger.projections.state.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * the position of the last event applied to that fund. An event changes the figures only if its
 * number is above that index, and applying it moves the index to it; a redelivered (or older)
 * event changes nothing. The sequence number, rather than the global tracking token, is used because it
 * is part of the stored event itself: the same event has the same number on every replay, with
 * every token type (replay, merged or gapped tokens) and with either event store, and one fund's
 * events always reach one segment in order. The guard and the change run in one transaction (which
 * joins the processor's transaction when there is one), so an event is applied entirely or not at
 * all. A token reset empties the tables ({@link #reset()}), so a replay rebuilds them from zero.
 *
 * <h2>One write per row per batch</h2>
 * The handlers do not write event by event: they change a {@link FundStateWrites} kept in the
 * processor's unit of work (each fund's row read once per batch with {@code FOR UPDATE}, the guard
 * decided on it), which writes everything when the unit of work prepares to commit: one update per
 * fund, investor and budget of the batch. See {@link FundStateWrites} for why the rows come out the
 * same. Called outside a unit of work (tests call the handlers directly), each event is written at once.
 *
 * <p>Assumes what the fund aggregate guarantees: every {@code FundEvent} of a fund is published by
 * that fund's aggregate (so its sequence numbers count one stream), and {@code FundOpened} comes
 * first. Events for a fund that has no row are logged and skipped.
 */
@Component
@ProcessingGroup(FundStateProjection.PROCESSING_GROUP)
public class FundStateProjection {

    public static final String PROCESSING_GROUP = "fund-state";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final BatchWrites<FundStateWrites> batch;

    public FundStateProjection(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.template = jdbcTemplate;
        this.batch = new BatchWrites<>(transaction, batch -> new FundStateWrites(jdbcTemplate));
    }

    @EventHandler
    public void on(FundOpened event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        batch.apply(writes -> {
            if (!writes.fund(event.fundId().value()).exists) {
                writes.openFund(event.fundId().value(), event.name(), event.currency(), event.manager(), event.returnCapMultiple(),
                        utc(timestamp), sequenceNumber);
            }
        });
    }

    /** The investor's commitment is taken from the event's running total, the fund's is summed. */
    @EventHandler
    public void on(CapitalCommitted event, @SequenceNumber long sequenceNumber) {
        batch.apply(writes -> {
            if (advance(writes, event.fundId(), sequenceNumber, Figure.COMMITTED, event.amount().amount())) {
                writes.investor(event.fundId().value(), event.investorId().value()).committed = event.totalCommitted().amount();
            }
        });
    }

    @EventHandler
    public void on(CapitalCalled event, @SequenceNumber long sequenceNumber) {
        batch.apply(writes -> {
            if (advance(writes, event.fundId(), sequenceNumber, Figure.CALLED, event.amount().amount())) {
                FundStateWrites.Investor investor = writes.investor(event.fundId().value(), event.investorId().value());
                investor.called = investor.called.add(event.amount().amount());
            }
        });
    }

    @EventHandler
    public void on(CapitalReceived event, @SequenceNumber long sequenceNumber) {
        batch.apply(writes -> {
            if (advance(writes, event.fundId(), sequenceNumber, Figure.PAID_IN, event.amount().amount())) {
                writes.fund(event.fundId().value()).add(Figure.CASH, event.amount().amount());
                FundStateWrites.Investor investor = writes.investor(event.fundId().value(), event.investorId().value());
                investor.paidIn = investor.paidIn.add(event.amount().amount());
            }
        });
    }

    @EventHandler
    public void on(WorkingCapitalAdvanced event, @SequenceNumber long sequenceNumber) {
        batch.apply(writes -> {
            if (advance(writes, event.fundId(), sequenceNumber, Figure.ADVANCED, event.amount().amount())) {
                writes.fund(event.fundId().value()).add(Figure.CASH, event.amount().amount().negate());
            }
        });
    }

    /** A second commitment under the same budget id adds to that budget. */
    @EventHandler
    public void on(OutcomeBudgetCommitted event, @SequenceNumber long sequenceNumber) {
        batch.apply(writes -> {
            if (!advance(writes, event.fundId(), sequenceNumber, null, null)) {
                return;
            }
            FundStateWrites.Budget budget = writes.budget(event.fundId().value(), event.budgetId().value(), "committed");
            budget.committed = budget.committed.add(event.amount().amount());
            if (!budget.committedHere) {
                budget.committedHere = true;
                budget.payerId = event.payerId().value();
                budget.nrrpCup = event.nrrp() == null ? null : event.nrrp().cup();
                budget.nrrpMeasure = event.nrrp() == null ? null : event.nrrp().measure();
            }
        });
    }

    @EventHandler
    public void on(OutcomeBudgetReserved event, @SequenceNumber long sequenceNumber) {
        batch.apply(writes -> {
            if (advance(writes, event.fundId(), sequenceNumber, null, null)) {
                FundStateWrites.Budget budget = writes.budget(event.fundId().value(), event.budgetId().value(), "reserved");
                budget.reserved = budget.reserved.add(event.amount().amount());
            }
        });
    }

    @EventHandler
    public void on(OutcomeBudgetReleased event, @SequenceNumber long sequenceNumber) {
        batch.apply(writes -> {
            if (advance(writes, event.fundId(), sequenceNumber, null, null)) {
                FundStateWrites.Budget budget = writes.budget(event.fundId().value(), event.budgetId().value(), "released");
                budget.reserved = budget.reserved.subtract(event.amount().amount());
            }
        });
    }

    /** The payer's money arrived: it adds to cash, and the budget's reservation becomes paid. */
    @EventHandler
    public void on(OutcomePaymentReceived event, @SequenceNumber long sequenceNumber) {
        batch.apply(writes -> {
            if (advance(writes, event.fundId(), sequenceNumber, Figure.OUTCOME_PAYMENTS_RECEIVED, event.amount().amount())) {
                writes.fund(event.fundId().value()).add(Figure.CASH, event.amount().amount());
                FundStateWrites.Budget budget = writes.budget(event.fundId().value(), event.budgetId().value(), "paid");
                budget.reserved = budget.reserved.subtract(event.amount().amount());
                budget.paid = budget.paid.add(event.amount().amount());
            }
        });
    }

    /** An executed payment was reversed: the money goes back to the payer and the budget is free again. */
    @EventHandler
    public void on(OutcomePaymentRefunded event, @SequenceNumber long sequenceNumber) {
        batch.apply(writes -> {
            if (advance(writes, event.fundId(), sequenceNumber, Figure.REFUNDED, event.amount().amount())) {
                writes.fund(event.fundId().value()).add(Figure.CASH, event.amount().amount().negate());
                FundStateWrites.Budget budget = writes.budget(event.fundId().value(), event.budgetId().value(), "refunded");
                budget.paid = budget.paid.subtract(event.amount().amount());
            }
        });
    }

    @EventHandler
    public void on(DistributionMade event, @SequenceNumber long sequenceNumber) {
        batch.apply(writes -> {
            if (!advance(writes, event.fundId(), sequenceNumber, Figure.DISTRIBUTED, event.amount().amount())) {
                return;
            }
            writes.fund(event.fundId().value()).add(Figure.CASH, event.amount().amount().negate());
            for (DistributionShare share : event.shares()) {
                FundStateWrites.Investor investor = writes.investor(event.fundId().value(), share.investorId().value());
                investor.returnedCapital = investor.returnedCapital.add(share.returnOfCapital().amount());
                investor.profitDistributed = investor.profitDistributed.add(share.profit().amount());
            }
        });
    }

    /** Homes4All: the price of a property leaves cash. */
    @EventHandler
    public void on(PropertyAcquisitionPaid event, @SequenceNumber long sequenceNumber) {
        batch.apply(writes -> {
            if (advance(writes, event.fundId(), sequenceNumber, Figure.PROPERTY_ACQUISITIONS, event.amount().amount())) {
                writes.fund(event.fundId().value()).add(Figure.CASH, event.amount().amount().negate());
            }
        });
    }

    /** Homes4All: rent collected from a household reaches cash. */
    @EventHandler
    public void on(RentIncomeReceived event, @SequenceNumber long sequenceNumber) {
        batch.apply(writes -> {
            if (advance(writes, event.fundId(), sequenceNumber, Figure.RENT_INCOME, event.amount().amount())) {
                writes.fund(event.fundId().value()).add(Figure.CASH, event.amount().amount());
            }
        });
    }

    /** Homes4All: a reversed rent collection leaves cash, and rent income is net of it. */
    @EventHandler
    public void on(RentIncomeReversed event, @SequenceNumber long sequenceNumber) {
        batch.apply(writes -> {
            if (advance(writes, event.fundId(), sequenceNumber, Figure.RENT_INCOME, event.amount().amount().negate())) {
                writes.fund(event.fundId().value()).add(Figure.CASH, event.amount().amount().negate());
            }
        });
    }

    /** The latest valuation by date wins; a back-dated one recorded later does not replace it. */
    @EventHandler
    public void on(ValuationRecorded event, @SequenceNumber long sequenceNumber) {
        batch.apply(writes -> {
            if (advance(writes, event.fundId(), sequenceNumber, null, null)) {
                writes.fund(event.fundId().value()).valued(event.netAssetValue().amount(), event.asOf());
            }
        });
    }

    /** Before a replay from the start: empty the tables so the replay rebuilds them from zero. */
    @ResetHandler
    public void reset() {
        transaction.executeWithoutResult(status -> ReadModelTables.empty(template, "fund_investor_view", "fund_budget_view", "fund_view"));
    }

    /**
     * Moves the fund's {@code last_event_index} to {@code sequenceNumber} and adds {@code amount} to
     * {@code figure} (if given), if this event is newer than the last one applied.
     *
     * @return whether the event is new, so that its other changes are to be made
     */
    private static boolean advance(FundStateWrites writes, FundId fundId, long sequenceNumber, Figure figure, BigDecimal amount) {
        FundStateWrites.Fund fund = writes.fund(fundId.value());
        if (!writes.advance(fund, sequenceNumber)) {
            return false;
        }
        if (figure != null) {
            fund.add(figure, amount);
        }
        return true;
    }
}
