package org.impactledger.projections.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.impactledger.core.contract.event.ContractClosed;
import org.impactledger.core.contract.event.ContractSigned;
import org.impactledger.core.contract.event.OutcomePaymentApproved;
import org.impactledger.core.contract.event.OutcomePaymentExecuted;
import org.impactledger.core.contract.event.OutcomePaymentReversed;
import org.impactledger.core.contract.event.OutcomeRejected;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.contract.event.OutcomeVerified;
import org.impactledger.core.contract.event.OutcomeWithdrawn;
import org.impactledger.core.contract.event.RateCardAmended;
import org.impactledger.core.fund.event.CapitalCalled;
import org.impactledger.core.fund.event.CapitalCommitted;
import org.impactledger.core.fund.event.CapitalReceived;
import org.impactledger.core.fund.event.DistributionMade;
import org.impactledger.core.fund.event.FundOpened;
import org.impactledger.core.fund.event.OutcomeBudgetCommitted;
import org.impactledger.core.fund.event.OutcomeBudgetReleased;
import org.impactledger.core.fund.event.OutcomeBudgetReserved;
import org.impactledger.core.fund.event.OutcomePaymentReceived;
import org.impactledger.core.fund.event.OutcomePaymentRefunded;
import org.impactledger.core.fund.event.ValuationRecorded;
import org.impactledger.core.fund.event.PropertyAcquisitionPaid;
import org.impactledger.core.fund.event.RentIncomeReceived;
import org.impactledger.core.fund.event.RentIncomeReversed;
import org.impactledger.core.housing.event.PropertyEvent;
import org.impactledger.core.fund.event.WorkingCapitalAdvanced;
import org.impactledger.projections.state.contract.ContractStateProjection;
import org.impactledger.projections.state.contract.ContractStateQueries;
import org.impactledger.projections.state.fund.FundStateProjection;
import org.impactledger.projections.state.fund.FundStateQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The state projections and their queries wired by hand on one data source, with a dispatcher
 * that calls the handler method for each recorded event the way Axon would (payload, sequence
 * number, timestamp), and a dump of every table for row-by-row comparisons.
 */
public final class StateViews {

    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("fund_view", "fund_id");
        TABLES.put("fund_investor_view", "fund_id, investor_id");
        TABLES.put("fund_budget_view", "fund_id, budget_id");
        TABLES.put("contract_view", "contract_id");
        TABLES.put("outcome_view", "contract_id, outcome_id");
    }

    public final JdbcClient jdbc;
    public final FundStateProjection fund;
    public final ContractStateProjection contract;
    public final FundStateQueries fundQueries;
    public final ContractStateQueries contractQueries;

    public StateViews(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
        this.fund = new FundStateProjection(jdbc, new JdbcTemplate(dataSource), transactionManager);
        this.contract = new ContractStateProjection(new JdbcTemplate(dataSource), transactionManager);
        this.fundQueries = new FundStateQueries(jdbc);
        this.contractQueries = new ContractStateQueries(jdbc);
    }

    /** What a token reset does before a replay: both processing groups' reset handlers. */
    public void reset() {
        fund.reset();
        contract.reset();
    }

    public void applyAll(List<Recorded> events) {
        events.forEach(this::apply);
    }

    public void apply(Recorded r) {
        long seq = r.sequenceNumber();
        Object p = r.payload();
        if (p instanceof FundOpened e) fund.on(e, seq, r.timestamp());
        else if (p instanceof CapitalCommitted e) fund.on(e, seq);
        else if (p instanceof CapitalCalled e) fund.on(e, seq);
        else if (p instanceof CapitalReceived e) fund.on(e, seq);
        else if (p instanceof WorkingCapitalAdvanced e) fund.on(e, seq);
        else if (p instanceof OutcomeBudgetCommitted e) fund.on(e, seq);
        else if (p instanceof OutcomeBudgetReserved e) fund.on(e, seq);
        else if (p instanceof OutcomeBudgetReleased e) fund.on(e, seq);
        else if (p instanceof OutcomePaymentReceived e) fund.on(e, seq);
        else if (p instanceof OutcomePaymentRefunded e) fund.on(e, seq);
        else if (p instanceof DistributionMade e) fund.on(e, seq);
        else if (p instanceof ValuationRecorded e) fund.on(e, seq);
        else if (p instanceof PropertyAcquisitionPaid e) fund.on(e, seq);
        else if (p instanceof RentIncomeReceived e) fund.on(e, seq);
        else if (p instanceof RentIncomeReversed e) fund.on(e, seq);
        else if (p instanceof PropertyEvent) return; // for the housing read model, not the state views
        else if (p instanceof ContractSigned e) contract.on(e, seq);
        else if (p instanceof RateCardAmended e) contract.on(e, seq);
        else if (p instanceof ContractClosed e) contract.on(e, seq);
        else if (p instanceof OutcomeReported e) contract.on(e, seq, r.timestamp());
        else if (p instanceof OutcomeVerified e) contract.on(e, seq, r.timestamp());
        else if (p instanceof OutcomeRejected e) contract.on(e, seq, r.timestamp());
        else if (p instanceof OutcomePaymentApproved e) contract.on(e, seq, r.timestamp());
        else if (p instanceof OutcomePaymentExecuted e) contract.on(e, seq, r.timestamp());
        else if (p instanceof OutcomePaymentReversed e) contract.on(e, seq, r.timestamp());
        else if (p instanceof OutcomeWithdrawn e) contract.on(e, seq, r.timestamp());
        else throw new IllegalArgumentException("no handler for " + p);
    }

    /** Every row of every state table, in primary-key order, column by column. */
    public Map<String, List<Map<String, Object>>> dump() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        TABLES.forEach((table, key) -> tables.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY " + key).query().listOfRows()));
        return tables;
    }

    public long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
