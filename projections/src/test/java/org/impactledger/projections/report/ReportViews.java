package org.impactledger.projections.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.impactledger.projections.payments.PaymentAuditProjection;
import org.impactledger.projections.payments.PaymentAuditQueries;
import org.impactledger.projections.performance.FundPerformanceProjection;
import org.impactledger.projections.performance.FundPerformanceQueries;
import org.impactledger.projections.sdg.SdgImpactProjection;
import org.impactledger.projections.sdg.SdgImpactQueries;
import org.impactledger.projections.support.ProcessorBatches;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The three report projections and their queries wired by hand on one data source. Events reach
 * the handlers through Axon's own annotation adapter, so parameters are resolved as a tracking
 * processor resolves them (sequence number, message, tracking token). {@link #dump()} reads every
 * report table in key order, for row-by-row comparisons.
 */
public final class ReportViews {

    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("sdg_contract", "contract_id");
        TABLES.put("sdg_rate_card_target", "event_id, metric_code, sdg_target");
        TABLES.put("sdg_outcome_fact", "event_id");
        TABLES.put("sdg_impact_outcome", "contract_id, outcome_id");
        TABLES.put("sdg_impact_line_period", "scope_key, grain, period_start, line_kind, goal, sdg_target, metric_code, currency");
        TABLES.put("perf_fund", "fund_id");
        TABLES.put("perf_flow", "event_id, line");
        TABLES.put("perf_valuation", "event_id");
        TABLES.put("perf_contract", "contract_id");
        TABLES.put("payment_audit_step", "event_id");
        TABLES.put("perf_flow_total", "fund_id, kind, contract_id, budget_id, payer_id");
        TABLES.put("perf_flow_period", "fund_id, period_start, kind, contract_id, budget_id, payer_id");
        TABLES.put("payment_audit_payment", "contract_id, outcome_id");
        TABLES.put("payment_audit_count", "contract_id, fund_id, payer_id");
        TABLES.put("sdg_fund_verified", "fund_id");
        TABLES.put("payment_audit_list", "scope_kind, scope_id");
        TABLES.put("payment_audit_day", "scope_kind, scope_id, approved_on");
    }

    public final JdbcClient jdbc;
    public final SdgImpactProjection sdg;
    public final FundPerformanceProjection performance;
    public final PaymentAuditProjection audit;
    public final SdgImpactQueries sdgQueries;
    public final FundPerformanceQueries performanceQueries;
    public final PaymentAuditQueries auditQueries;
    private final List<AnnotationEventHandlerAdapter> adapters;
    private final TransactionTemplate batch;
    private final DataSourceTransactionManager transactionManager;

    public ReportViews(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
        this.sdg = new SdgImpactProjection(jdbc, new JdbcTemplate(dataSource), transactionManager);
        this.performance = new FundPerformanceProjection(jdbc, new JdbcTemplate(dataSource), transactionManager);
        this.audit = new PaymentAuditProjection(new JdbcTemplate(dataSource), transactionManager);
        this.sdgQueries = new SdgImpactQueries(jdbc, dataSource);
        this.performanceQueries = new FundPerformanceQueries(jdbc);
        this.auditQueries = new PaymentAuditQueries(jdbc);
        this.batch = new TransactionTemplate(transactionManager);
        this.transactionManager = transactionManager;
        this.adapters = List.of(new AnnotationEventHandlerAdapter(sdg), new AnnotationEventHandlerAdapter(performance),
                new AnnotationEventHandlerAdapter(audit));
    }

    /** What a token reset does before a replay: the three processing groups' reset handlers. */
    public void reset() {
        sdg.reset();
        performance.reset();
        audit.reset();
    }

    /** Delivers the events in one transaction, as a tracking processor handles a batch. */
    public void applyAll(List<? extends EventMessage<?>> events) {
        batch.executeWithoutResult(status -> events.forEach(this::apply));
    }

    /** Delivers the events in batches of {@code size}, each as a tracking processor handles one (see {@link #inBatch}). */
    public void inBatches(List<? extends EventMessage<?>> events, int size) {
        for (int start = 0; start < events.size(); start += size) {
            inBatch(events.subList(start, Math.min(start + size, events.size())));
        }
    }

    /**
     * Applies the events one by one, then again in batches of 1, 2, 3, 5, 8, 13 and all of them, and
     * checks that every batching gives exactly the tables of the one-by-one application, whose given
     * tables must not be empty (so that the comparison compares something).
     */
    public void assertBatchesGiveEventByEventTables(List<? extends EventMessage<?>> events, String... nonEmptyTables) {
        reset();
        events.forEach(this::apply);
        Map<String, List<Map<String, Object>>> oneByOne = dump();
        for (String table : nonEmptyTables) {
            assertThat(oneByOne.get(table)).as(table).isNotEmpty();
        }
        for (int size : new int[] {1, 2, 3, 5, 8, 13, events.size()}) {
            reset();
            inBatches(events, size);
            assertThat(dump()).as("batches of %d", size).isEqualTo(oneByOne);
        }
    }

    /**
     * Applies the events one by one; then, from empty tables, in batches of 9 each first half-applied
     * (a batch that failed half-way, whose writes a crash left behind) and then delivered again in full,
     * and once more all of them in batches of 7: the tables must equal the one-by-one application's.
     */
    public void assertRedeliveriesChangeNothing(List<? extends EventMessage<?>> events) {
        reset();
        events.forEach(this::apply);
        Map<String, List<Map<String, Object>>> expected = dump();
        reset();
        ProcessorBatches.halfAppliedThenWhole(events, 9, this::inBatch);
        assertThat(dump()).as("half-applied batches delivered again").isEqualTo(expected);
        inBatches(events, 7);
        assertThat(dump()).as("every event delivered again").isEqualTo(expected);
    }

    /**
     * One batch as a tracking processor handles it: one {@link BatchingUnitOfWork} with one
     * transaction, so the projections that hold a batch's writes write them when it commits.
     */
    public void inBatch(List<? extends EventMessage<?>> events) {
        ProcessorBatches.inBatch(transactionManager, events, this::apply);
    }

    public void apply(EventMessage<?> event) {
        try {
            for (AnnotationEventHandlerAdapter adapter : adapters) {
                if (adapter.canHandle(event)) {
                    adapter.handle(event);
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, List<Map<String, Object>>> dump() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        TABLES.forEach((table, key) -> tables.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY " + key).query().listOfRows()));
        return tables;
    }

    public long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
