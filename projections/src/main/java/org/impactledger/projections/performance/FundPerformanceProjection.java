package org.impactledger.projections.performance;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.impactledger.core.fund.event.ValuationRecorded;
import org.impactledger.core.fund.event.WorkingCapitalAdvanced;
import org.impactledger.core.shared.Identifier;
import org.impactledger.core.shared.Money;
import org.impactledger.projections.report.FactStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the facts behind the fund performance report ({@value #PROCESSING_GROUP}): every money
 * movement of a fund as a dated flow (investor commitments, contributions and distribution
 * shares; advances; payer budgets and outcome payments), every recorded valuation, and each
 * contract's cap.
 *
 * <p>Why facts: multiples and IRR are asked "as of" a business date and "as known at" a recording
 * time, and an IRR needs the date of every flow, so flows are kept one by one with their value
 * date, business date and recording time rather than as running totals.
 *
 * <p>Why idempotent: every row is keyed by its event's identifier (and the share's index for a
 * distribution) and inserted with {@code INSERT ... SELECT ... WHERE NOT EXISTS}, so a redelivered
 * event writes nothing and a replay after a reset gives the same rows. No row depends on another,
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
            FlowKind.BUDGET_RELEASED, FlowKind.OUTCOME_PAYMENT_RECEIVED, FlowKind.OUTCOME_PAYMENT_REFUNDED));

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public FundPerformanceProjection(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
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
        insert(FactStamp.of(message, event.valueDate()), 0, new Flow(event.fundId(), FlowKind.COMMITMENT, event.amount())
                .investor(event.investorId()));
    }

    @EventHandler
    public void on(CapitalReceived event, EventMessage<?> message) {
        insert(FactStamp.of(message, event.valueDate()), 0, new Flow(event.fundId(), FlowKind.CONTRIBUTION, event.amount())
                .investor(event.investorId()));
    }

    /** One row per investor share, so that each investor's IRR sees its own part. */
    @EventHandler
    public void on(DistributionMade event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, event.valueDate());
        transaction.executeWithoutResult(status -> {
            List<DistributionShare> shares = event.shares();
            for (int line = 0; line < shares.size(); line++) {
                DistributionShare share = shares.get(line);
                Money amount = share.returnOfCapital().plus(share.profit());
                insert(stamp, line, new Flow(event.fundId(), FlowKind.DISTRIBUTION, amount).investor(share.investorId())
                        .split(share.returnOfCapital().amount(), share.profit().amount()));
            }
        });
    }

    @EventHandler
    public void on(WorkingCapitalAdvanced event, EventMessage<?> message) {
        insert(FactStamp.of(message, event.valueDate()), 0, new Flow(event.fundId(), FlowKind.ADVANCE, event.amount())
                .contract(event.contractId()));
    }

    @EventHandler
    public void on(OutcomeBudgetCommitted event, EventMessage<?> message) {
        insert(FactStamp.of(message, event.valueDate()), 0, new Flow(event.fundId(), FlowKind.BUDGET_COMMITTED, event.amount())
                .budget(event.budgetId(), event.payerId()));
    }

    @EventHandler
    public void on(OutcomeBudgetReserved event, EventMessage<?> message) {
        insert(FactStamp.of(message, null), 0, new Flow(event.fundId(), FlowKind.BUDGET_RESERVED, event.amount())
                .budget(event.budgetId(), null).outcome(event.contractId(), event.outcomeId()));
    }

    @EventHandler
    public void on(OutcomeBudgetReleased event, EventMessage<?> message) {
        insert(FactStamp.of(message, null), 0, new Flow(event.fundId(), FlowKind.BUDGET_RELEASED, event.amount())
                .budget(event.budgetId(), null).outcome(event.contractId(), event.outcomeId()));
    }

    @EventHandler
    public void on(OutcomePaymentReceived event, EventMessage<?> message) {
        insert(FactStamp.of(message, event.valueDate()), 0, new Flow(event.fundId(), FlowKind.OUTCOME_PAYMENT_RECEIVED, event.amount())
                .budget(event.budgetId(), event.payerId()).outcome(event.contractId(), event.outcomeId()));
    }

    @EventHandler
    public void on(OutcomePaymentRefunded event, EventMessage<?> message) {
        insert(FactStamp.of(message, event.valueDate()), 0, new Flow(event.fundId(), FlowKind.OUTCOME_PAYMENT_REFUNDED, event.amount())
                .budget(event.budgetId(), event.payerId()).outcome(event.contractId(), event.outcomeId()));
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
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM perf_flow").update();
            jdbc.sql("DELETE FROM perf_flow_total").update();
            jdbc.sql("DELETE FROM perf_valuation").update();
            jdbc.sql("DELETE FROM perf_contract").update();
            jdbc.sql("DELETE FROM perf_fund").update();
        });
    }

    private void insert(FactStamp stamp, int line, Flow flow) {
        transaction.executeWithoutResult(status -> {
            if (insertFlow(stamp, line, flow) > 0 && TOTALLED.contains(flow.kind)) {
                addToTotal(stamp, flow);
            }
        });
    }

    /**
     * Adds a flow just written to its running total, in the same transaction: only the insert that
     * created the flow's row gets here, so a redelivery adds nothing. One processor thread handles a
     * fund's events (Axon sequences them by aggregate), so update-else-insert does not race.
     */
    private void addToTotal(FactStamp stamp, Flow flow) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("fundId", flow.fundId);
        params.put("kind", flow.kind.name());
        params.put("contractId", flow.contractId == null ? "" : flow.contractId);
        params.put("budgetId", flow.budgetId == null ? "" : flow.budgetId);
        params.put("payerId", flow.payerId == null ? "" : flow.payerId);
        params.put("amount", flow.amount.amount());
        params.put("businessDate", stamp.businessDate());
        params.put("recordedAt", utc(stamp.recordedAt()));
        int updated = jdbc.sql("""
                        UPDATE perf_flow_total SET amount = amount + :amount, flows = flows + 1,
                            last_business_date = CASE WHEN last_business_date < :businessDate THEN :businessDate ELSE last_business_date END,
                            last_recorded_at = CASE WHEN last_recorded_at < :recordedAt THEN :recordedAt ELSE last_recorded_at END
                        WHERE fund_id = :fundId AND kind = :kind AND contract_id = :contractId AND budget_id = :budgetId AND payer_id = :payerId""")
                .params(params)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO perf_flow_total (fund_id, kind, contract_id, budget_id, payer_id, amount, flows, last_business_date,
                                last_recorded_at)
                            VALUES (:fundId, :kind, :contractId, :budgetId, :payerId, :amount, 1, :businessDate, :recordedAt)""")
                    .params(params)
                    .update();
        }
    }

    /** @return 1 if the flow's row was written, 0 if it was there already (a redelivery) */
    private int insertFlow(FactStamp stamp, int line, Flow flow) {
        return jdbc.sql("""
                        INSERT INTO perf_flow (event_id, line, fund_id, kind, investor_id, contract_id, budget_id, payer_id, outcome_id,
                            amount, return_of_capital, profit, currency, business_date, recorded_at)
                        SELECT :eventId, :line, :fundId, :kind, CAST(:investorId AS VARCHAR(64)), CAST(:contractId AS VARCHAR(64)),
                            CAST(:budgetId AS VARCHAR(64)), CAST(:payerId AS VARCHAR(64)), CAST(:outcomeId AS VARCHAR(64)),
                            :amount, CAST(:returnOfCapital AS NUMERIC(19,2)), CAST(:profit AS NUMERIC(19,2)), :currency,
                            :businessDate, :recordedAt
                        WHERE NOT EXISTS (SELECT 1 FROM perf_flow WHERE event_id = :eventId AND line = :line)""")
                .param("eventId", stamp.eventId())
                .param("line", line)
                .param("fundId", flow.fundId)
                .param("kind", flow.kind.name())
                .param("investorId", flow.investorId)
                .param("contractId", flow.contractId)
                .param("budgetId", flow.budgetId)
                .param("payerId", flow.payerId)
                .param("outcomeId", flow.outcomeId)
                .param("amount", flow.amount.amount())
                .param("returnOfCapital", flow.returnOfCapital)
                .param("profit", flow.profit)
                .param("currency", flow.amount.currency())
                .param("businessDate", stamp.businessDate())
                .param("recordedAt", utc(stamp.recordedAt()))
                .update();
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
