package org.impactledger.projections.performance;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.impactledger.core.contract.event.ContractSigned;
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
import org.impactledger.core.shared.Identifier;
import org.impactledger.core.shared.Money;
import org.impactledger.projections.report.FactStamp;
import org.impactledger.projections.state.BatchWrites;
import org.impactledger.projections.state.ReadModelTables;
import org.impactledger.projections.state.TableStatistics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the facts behind the fund performance report ({@value #PROCESSING_GROUP}): every money
 * movement of a fund as a dated flow (investor commitments, contributions and distribution
 * shares; advances; payer budgets and outcome payments; Homes4All property acquisitions, rent
 * received and rent reversed), every recorded valuation, and each contract's cap. Every event that
 * moves the {@code Fund} aggregate's cash is a flow here, so that the report's cash is the fund's.
 *
 * <p>Why facts: multiples and IRR are asked "as of" a business date and "as known at" a recording
 * time, and an IRR needs the date of every flow, so flows are kept one by one with their value
 * date, business date and recording time rather than as running totals.
 *
 * <p>Why idempotent: every row is keyed by its event's identifier (and the share's index for a
 * distribution) and written only if no row has it yet, so a redelivered event writes nothing and a
 * replay after a reset gives the same rows. The flows of a processor's batch and their running totals
 * are written at the batch's end ({@link FundPerformanceWrites}); the rarer facts (funds, contracts,
 * valuations) with {@code INSERT ... SELECT ... WHERE NOT EXISTS}, as they come. No row depends on another,
 * so the order of delivery does not matter either.
 *
 * <p>Outcome payments are taken from the fund's side (reserved, released, received, refunded),
 * which carries contract, budget and outcome: what the fund and the payer's budget actually
 * moved. Verified outcomes are read from the {@code sdg-impact} facts at query time.
 */
@Component
@ProcessingGroup(FundPerformanceProjection.PROCESSING_GROUP)
public class FundPerformanceProjection {

    public static final String PROCESSING_GROUP = "fund-performance";

    /**
     * The kinds of flow the report only adds up (per fund, contract and budget), so that they are also
     * kept as running totals in {@code perf_flow_total}: the bulk of the flows, one or more per outcome
     * payment. The other kinds are read one by one (the IRR needs their dates).
     */
    public static final Set<FlowKind> TOTALLED = Collections.unmodifiableSet(EnumSet.of(FlowKind.ADVANCE, FlowKind.BUDGET_RESERVED,
            FlowKind.BUDGET_RELEASED, FlowKind.OUTCOME_PAYMENT_RECEIVED, FlowKind.OUTCOME_PAYMENT_REFUNDED, FlowKind.PROPERTY_ACQUISITION,
            FlowKind.RENT_RECEIVED, FlowKind.RENT_REVERSED));

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final BatchWrites<FundPerformanceWrites> batch;
    /** Planner statistics of perf_flow while it fills: the batch's redelivery check looks it up by key. */
    private final TableStatistics flowStatistics;
    private final TableStatistics periodStatistics;

    public FundPerformanceProjection(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.template = jdbcTemplate;
        this.flowStatistics = new TableStatistics(jdbcTemplate, "perf_flow");
        this.periodStatistics = new TableStatistics(jdbcTemplate, "perf_flow_period");
        this.batch = new BatchWrites<>(transaction, batch -> new FundPerformanceWrites(jdbcTemplate, flowStatistics, periodStatistics,
                batch::eventIds));
    }

    @EventHandler
    public void on(FundOpened event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO perf_fund (fund_id, name, currency, event_id, recorded_at)
                        SELECT :fundId, :name, :currency, :eventId, :recordedAt
                        WHERE NOT EXISTS (SELECT 1 FROM perf_fund WHERE fund_id = :fundId)""")
                .param("fundId", event.fundId().value())
                .param("name", event.name())
                .param("currency", event.currency())
                .param("eventId", stamp.eventId())
                .param("recordedAt", utc(stamp.recordedAt()))
                .update());
    }

    @EventHandler
    public void on(CapitalCommitted event, EventMessage<?> message) {
        insert(FactStamp.of(message, event.valueDate()), List.of(new Flow(event.fundId(), FlowKind.COMMITMENT, event.amount())
                .investor(event.investorId())));
    }

    @EventHandler
    public void on(CapitalReceived event, EventMessage<?> message) {
        insert(FactStamp.of(message, event.valueDate()), List.of(new Flow(event.fundId(), FlowKind.CONTRIBUTION, event.amount())
                .investor(event.investorId())));
    }

    /** One row per investor share, so that each investor's IRR sees its own part. */
    @EventHandler
    public void on(DistributionMade event, EventMessage<?> message) {
        List<Flow> flows = new ArrayList<>();
        for (DistributionShare share : event.shares()) {
            Money amount = share.returnOfCapital().plus(share.profit());
            flows.add(new Flow(event.fundId(), FlowKind.DISTRIBUTION, amount).investor(share.investorId())
                    .split(share.returnOfCapital().amount(), share.profit().amount()));
        }
        insert(FactStamp.of(message, event.valueDate()), flows);
    }

    @EventHandler
    public void on(WorkingCapitalAdvanced event, EventMessage<?> message) {
        insert(FactStamp.of(message, event.valueDate()), List.of(new Flow(event.fundId(), FlowKind.ADVANCE, event.amount())
                .contract(event.contractId())));
    }

    @EventHandler
    public void on(OutcomeBudgetCommitted event, EventMessage<?> message) {
        insert(FactStamp.of(message, event.valueDate()), List.of(new Flow(event.fundId(), FlowKind.BUDGET_COMMITTED, event.amount())
                .budget(event.budgetId(), event.payerId())));
    }

    @EventHandler
    public void on(OutcomeBudgetReserved event, EventMessage<?> message) {
        insert(FactStamp.of(message, null), List.of(new Flow(event.fundId(), FlowKind.BUDGET_RESERVED, event.amount())
                .budget(event.budgetId(), null).outcome(event.contractId(), event.outcomeId())));
    }

    @EventHandler
    public void on(OutcomeBudgetReleased event, EventMessage<?> message) {
        insert(FactStamp.of(message, null), List.of(new Flow(event.fundId(), FlowKind.BUDGET_RELEASED, event.amount())
                .budget(event.budgetId(), null).outcome(event.contractId(), event.outcomeId())));
    }

    @EventHandler
    public void on(OutcomePaymentReceived event, EventMessage<?> message) {
        insert(FactStamp.of(message, event.valueDate()), List.of(new Flow(event.fundId(), FlowKind.OUTCOME_PAYMENT_RECEIVED, event.amount())
                .budget(event.budgetId(), event.payerId()).outcome(event.contractId(), event.outcomeId())));
    }

    @EventHandler
    public void on(OutcomePaymentRefunded event, EventMessage<?> message) {
        insert(FactStamp.of(message, event.valueDate()), List.of(new Flow(event.fundId(), FlowKind.OUTCOME_PAYMENT_REFUNDED, event.amount())
                .budget(event.budgetId(), event.payerId()).outcome(event.contractId(), event.outcomeId())));
    }

    /** Homes4All: the price of a property leaves the fund's cash on the acquisition's value date. */
    @EventHandler
    public void on(PropertyAcquisitionPaid event, EventMessage<?> message) {
        insert(FactStamp.of(message, event.valueDate()), List.of(new Flow(event.fundId(), FlowKind.PROPERTY_ACQUISITION, event.amount())));
    }

    /** Homes4All: rent collected reaches the fund's cash on its payment date; it is fund income, not an investor flow. */
    @EventHandler
    public void on(RentIncomeReceived event, EventMessage<?> message) {
        insert(FactStamp.of(message, event.valueDate()), List.of(new Flow(event.fundId(), FlowKind.RENT_RECEIVED, event.amount())));
    }

    /** Homes4All: a reversed rent collection leaves the fund's cash on the reversal's date. */
    @EventHandler
    public void on(RentIncomeReversed event, EventMessage<?> message) {
        insert(FactStamp.of(message, event.valueDate()), List.of(new Flow(event.fundId(), FlowKind.RENT_REVERSED, event.amount())));
    }

    /** The valuation's own date is its business date: "as of" a date sees the valuations made for dates up to it. */
    @EventHandler
    public void on(ValuationRecorded event, @SequenceNumber long sequenceNumber, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, event.asOf());
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO perf_valuation (event_id, fund_id, net_asset_value, currency, method, sequence_number, business_date,
                            recorded_at)
                        SELECT :eventId, :fundId, :nav, :currency, :method, :seq, :businessDate, :recordedAt
                        WHERE NOT EXISTS (SELECT 1 FROM perf_valuation WHERE event_id = :eventId)""")
                .param("eventId", stamp.eventId())
                .param("fundId", event.fundId().value())
                .param("nav", event.netAssetValue().amount())
                .param("currency", event.netAssetValue().currency())
                .param("method", event.method())
                .param("seq", sequenceNumber)
                .param("businessDate", stamp.businessDate())
                .param("recordedAt", utc(stamp.recordedAt()))
                .update());
    }

    @EventHandler
    public void on(ContractSigned event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO perf_contract (contract_id, fund_id, payer_id, budget_id, title, cap, currency, event_id, business_date,
                            recorded_at)
                        SELECT :contractId, :fundId, :payerId, :budgetId, :title, :cap, :currency, :eventId, :businessDate, :recordedAt
                        WHERE NOT EXISTS (SELECT 1 FROM perf_contract WHERE contract_id = :contractId)""")
                .param("contractId", event.contractId().value())
                .param("fundId", event.fundId().value())
                .param("payerId", event.payerId().value())
                .param("budgetId", event.budgetId().value())
                .param("title", event.title())
                .param("cap", event.cap().amount())
                .param("currency", event.cap().currency())
                .param("eventId", stamp.eventId())
                .param("businessDate", stamp.businessDate())
                .param("recordedAt", utc(stamp.recordedAt()))
                .update());
    }

    /** Before a replay from the start: empty the tables so the replay rebuilds them from zero. */
    @ResetHandler
    public void reset() {
        transaction.executeWithoutResult(status -> ReadModelTables.empty(template, "perf_flow", "perf_flow_total", "perf_flow_period",
                "perf_valuation", "perf_contract", "perf_fund"));
        flowStatistics.emptied();
        periodStatistics.emptied();
    }

    /**
     * An event's flows (line 0, 1 ...), held for the batch's writes ({@link FundPerformanceWrites})
     * unless the event was applied before (a redelivery); a totalled kind also adds to its running total.
     */
    private void insert(FactStamp stamp, List<Flow> flows) {
        batch.apply(writes -> {
            if (!writes.fresh(stamp.eventId())) {
                return;
            }
            for (int line = 0; line < flows.size(); line++) {
                Flow flow = flows.get(line);
                writes.flow(new Object[] {stamp.eventId(), line, flow.fundId, flow.kind.name(), flow.investorId, flow.contractId,
                        flow.budgetId, flow.payerId, flow.outcomeId, flow.amount.amount(), flow.returnOfCapital, flow.profit,
                        flow.amount.currency(), stamp.businessDate(), utc(stamp.recordedAt())});
                if (TOTALLED.contains(flow.kind)) {
                    writes.total(flow.fundId, flow.kind.name(), flow.contractId == null ? "" : flow.contractId,
                            flow.budgetId == null ? "" : flow.budgetId, flow.payerId == null ? "" : flow.payerId, flow.amount.amount(),
                            stamp.businessDate(), utc(stamp.recordedAt()));
                }
            }
        });
    }

    /** The columns of one flow row that vary by event. */
    private static final class Flow {
        private final String fundId;
        private final FlowKind kind;
        private final Money amount;
        private String investorId;
        private String contractId;
        private String budgetId;
        private String payerId;
        private String outcomeId;
        private BigDecimal returnOfCapital;
        private BigDecimal profit;

        Flow(Identifier fundId, FlowKind kind, Money amount) {
            this.fundId = fundId.value();
            this.kind = kind;
            this.amount = amount;
        }

        Flow investor(Identifier investor) {
            investorId = investor.value();
            return this;
        }

        Flow contract(Identifier contract) {
            contractId = contract.value();
            return this;
        }

        Flow budget(Identifier budget, Identifier payer) {
            budgetId = budget.value();
            payerId = payer == null ? null : payer.value();
            return this;
        }

        Flow outcome(Identifier contract, Identifier outcome) {
            contractId = contract.value();
            outcomeId = outcome.value();
            return this;
        }

        Flow split(BigDecimal returned, BigDecimal gain) {
            returnOfCapital = returned;
            profit = gain;
            return this;
        }
    }
}
