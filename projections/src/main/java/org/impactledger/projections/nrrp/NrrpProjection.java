package org.impactledger.projections.nrrp;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.contract.event.OutcomeVerified;
import org.impactledger.core.contract.event.OutcomeWithdrawn;
import org.impactledger.core.fund.event.OutcomeBudgetCommitted;
import org.impactledger.core.fund.event.OutcomePaymentReceived;
import org.impactledger.core.fund.event.OutcomePaymentRefunded;
import org.impactledger.core.fund.event.PropertyAcquisitionPaid;
import org.impactledger.core.nrrp.event.BankEntryMatched;
import org.impactledger.core.nrrp.event.BankEntryRecorded;
import org.impactledger.core.nrrp.event.BankEntryUnmatched;
import org.impactledger.core.nrrp.event.NrrpCommitmentEntered;
import org.impactledger.core.nrrp.event.NrrpExpenditureReported;
import org.impactledger.core.nrrp.event.NrrpFundsAllocated;
import org.impactledger.core.nrrp.event.NrrpMeasureListed;
import org.impactledger.core.nrrp.event.NrrpProjectRegistered;
import org.impactledger.core.nrrp.event.NrrpTargetSet;
import org.impactledger.core.shared.Money;
import org.impactledger.core.taxonomy.NrrpMeasure;
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
 * Records the facts behind the NRRP reconciliation ({@value #PROCESSING_GROUP}): what each project
 * was allocated, committed and reported; the ledger payments of NRRP-tagged money; the bank
 * statement entries and the officers' manual match decisions; targets and verified outcomes.
 *
 * <h2>Facts, not totals</h2>
 * As with the other reports, one row per event with its business date and recording time, so the
 * report can answer as of any date and as known at any instant, and matching (a deterministic
 * function, {@code BankMatcher}) is evaluated at question time over the facts then known.
 *
 * <h2>Idempotent</h2>
 * Every row is keyed by its event id and inserted only if absent. The outcome facts of a processor's
 * batch are written at its end ({@link NrrpOutcomeWrites}), the rest as they come. Payments find their budget's
 * NRRP tag, written earlier by the budget's own event in the fund's stream (one processor, in order).
 *
 * <h2>Every programme's payments</h2>
 * A payment enters the reconciliation as a {@code PAID} fact (and a reversal as {@code REFUNDED})
 * carrying its CUP, measure, amount, value date and bank reference, with {@code source} naming the
 * programme ({@code OUTCOME_FUND}: outcome payments from an NRRP-tagged budget; {@code HOMES4ALL}:
 * NRRP-funded property acquisitions) and {@code reference} its payment key; the report, the
 * matching and the discrepancies treat them alike.
 */
@Component
@ProcessingGroup(NrrpProjection.PROCESSING_GROUP)
public class NrrpProjection {

    public static final String PROCESSING_GROUP = "nrrp";
    static final String OUTCOME_FUND = "OUTCOME_FUND";
    static final String HOMES4ALL = "HOMES4ALL";
    static final String NRRP_PROJECT = "NRRP_PROJECT";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final BatchWrites<NrrpOutcomeWrites> outcomeFacts;
    /** Planner statistics of nrrp_outcome_fact while it fills: the batch's redelivery check looks it up by key. */
    private final TableStatistics outcomeFactStatistics;

    public NrrpProjection(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.template = jdbcTemplate;
        this.outcomeFactStatistics = new TableStatistics(jdbcTemplate, "nrrp_outcome_fact");
        this.outcomeFacts = new BatchWrites<>(transaction,
                batch -> new NrrpOutcomeWrites(jdbcTemplate, outcomeFactStatistics, batch::eventIds));
    }

    /** The level the report groups at: the unique code (M5C2I1.03), whichever form was written. */
    static String measureKey(String measure) {
        return NrrpMeasure.parse(measure, "measure").uniqueCode();
    }

    // ---------------------------------------------------------------- Outcome Fund payments

    @EventHandler
    public void on(OutcomeBudgetCommitted event, EventMessage<?> message) {
        if (event.nrrp() == null) {
            return;
        }
        FactStamp stamp = FactStamp.of(message, event.valueDate());
        jdbc.sql("""
                        INSERT INTO nrrp_budget_tag (budget_id, fund_id, cup, measure, event_id, recorded_at)
                        SELECT :budgetId, :fundId, :cup, :measure, :eventId, :recordedAt
                        WHERE NOT EXISTS (SELECT 1 FROM nrrp_budget_tag WHERE budget_id = :budgetId)""")
                .param("budgetId", event.budgetId().value())
                .param("fundId", event.fundId().value())
                .param("cup", event.nrrp().cup())
                .param("measure", measureKey(event.nrrp().measure()))
                .param("eventId", stamp.eventId())
                .param("recordedAt", utc(stamp.recordedAt()))
                .update();
    }

    @EventHandler
    public void on(OutcomePaymentReceived event, EventMessage<?> message) {
        insertTaggedFact(FactStamp.of(message, event.valueDate()), "PAID", event.budgetId().value(), event.amount(),
                event.contractId() + "/" + event.outcomeId(), "payer " + event.payerId() + ", contract " + event.contractId()
                        + ", outcome " + event.outcomeId(), event.bankReference());
    }

    @EventHandler
    public void on(OutcomePaymentRefunded event, EventMessage<?> message) {
        insertTaggedFact(FactStamp.of(message, event.valueDate()), "REFUNDED", event.budgetId().value(), event.amount(),
                event.contractId() + "/" + event.outcomeId(), event.reason(), null);
    }

    // ---------------------------------------------------------------- Homes4All payments

    /** A property bought with NRRP money: the price paid is spending under the acquisition's CUP and measure. */
    @EventHandler
    public void on(PropertyAcquisitionPaid event, EventMessage<?> message) {
        if (event.nrrp() == null) {
            return;
        }
        insertFact(FactStamp.of(message, event.valueDate()), "PAID", HOMES4ALL, null, event.nrrp().cup(), measureKey(event.nrrp().measure()),
                event.amount(), event.fundId() + "/" + event.propertyId(), "fund " + event.fundId() + ", acquisition of property "
                        + event.propertyId(), event.bankReference());
    }

    // ---------------------------------------------------------------- NRRP projects

    @EventHandler
    public void on(NrrpProjectRegistered event, EventMessage<?> message) {
        insertFact(FactStamp.of(message, null), "PROJECT", NRRP_PROJECT, event.projectId().value(), event.cup(), measureKey(event.measure()),
                Money.zero(event.currency()), event.projectId().value(), event.title(), null);
    }

    @EventHandler
    public void on(NrrpFundsAllocated event, EventMessage<?> message) {
        insertFact(FactStamp.of(message, event.grantedOn()), "ALLOCATED", NRRP_PROJECT, event.projectId().value(), event.cup(),
                measureKey(event.measure()), event.amount(), event.allocationId(), event.grantingAct(), null);
    }

    @EventHandler
    public void on(NrrpCommitmentEntered event, EventMessage<?> message) {
        insertFact(FactStamp.of(message, event.signedOn()), "COMMITTED", NRRP_PROJECT, event.projectId().value(), event.cup(),
                measureKey(event.measure()), event.amount(), event.commitmentId(), "CIG " + event.cig() + ", " + event.counterparty(), null);
    }

    @EventHandler
    public void on(NrrpExpenditureReported event, EventMessage<?> message) {
        insertFact(FactStamp.of(message, event.reportedOn()), "REPORTED", NRRP_PROJECT, event.projectId().value(), event.cup(),
                measureKey(event.measure()), event.amount(), event.reportId(), "period " + event.period(), null);
    }

    @EventHandler
    public void on(NrrpTargetSet event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        jdbc.sql("""
                        INSERT INTO nrrp_target (event_id, project_id, target_id, cup, measure, description, quantity, due_date, contract_id,
                            metric_codes, business_date, recorded_at)
                        SELECT :eventId, :projectId, :targetId, :cup, :measure, :description, :quantity, :dueDate, :contractId,
                            :metricCodes, :businessDate, :recordedAt
                        WHERE NOT EXISTS (SELECT 1 FROM nrrp_target WHERE event_id = :eventId)""")
                .param("eventId", stamp.eventId())
                .param("projectId", event.projectId().value())
                .param("targetId", event.targetId())
                .param("cup", event.cup())
                .param("measure", measureKey(event.measure()))
                .param("description", event.description())
                .param("quantity", event.quantity())
                .param("dueDate", event.dueDate())
                .param("contractId", event.contractId().value())
                .param("metricCodes", String.join(",", event.metricCodes()))
                .param("businessDate", stamp.businessDate())
                .param("recordedAt", utc(stamp.recordedAt()))
                .update();
    }

    // ---------------------------------------------------------------- outcomes (target progress)

    @EventHandler
    public void on(OutcomeReported event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        outcomeFacts.apply(writes -> {
            if (writes.fresh(stamp.eventId())) {
                writes.insert(stamp.eventId(), "REPORTED", new NrrpOutcomeWrites.Outcome(event.contractId().value(), event.outcomeId().value(),
                        event.metricCode(), event.outcomeDate()), BigDecimal.ZERO, stamp.businessDate(), utc(stamp.recordedAt()));
            }
        });
    }

    @EventHandler
    public void on(OutcomeVerified event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        outcomeFacts.apply(writes -> {
            if (writes.fresh(stamp.eventId())) {
                writes.reported(event.contractId().value(), event.outcomeId().value()).ifPresent(o ->
                        writes.insert(stamp.eventId(), "VERIFIED", o, event.verifiedQuantity(), stamp.businessDate(), utc(stamp.recordedAt())));
            }
        });
    }

    /** Takes back what the outcome had verified. */
    @EventHandler
    public void on(OutcomeWithdrawn event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        outcomeFacts.apply(writes -> {
            if (writes.fresh(stamp.eventId())) {
                writes.reported(event.contractId().value(), event.outcomeId().value()).ifPresent(o ->
                        writes.insert(stamp.eventId(), "WITHDRAWN", o, writes.quantity(o.contractId(), o.outcomeId()).negate(),
                                stamp.businessDate(), utc(stamp.recordedAt())));
            }
        });
    }

    // ---------------------------------------------------------------- bank statements

    @EventHandler
    public void on(BankEntryRecorded event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, event.bookingDate());
        jdbc.sql("""
                        INSERT INTO nrrp_bank_entry (event_id, statement_id, entry_reference, booking_date, value_date, amount, currency, direction,
                            bank_reference, remittance, cup, cig, recorded_at)
                        SELECT :eventId, :statementId, :entryReference, :bookingDate, :valueDate, :amount, :currency, :direction,
                            :bankReference, :remittance, :cup, :cig, :recordedAt
                        WHERE NOT EXISTS (SELECT 1 FROM nrrp_bank_entry WHERE event_id = :eventId)""")
                .param("eventId", stamp.eventId())
                .param("statementId", event.statementId().value())
                .param("entryReference", event.entryReference())
                .param("bookingDate", event.bookingDate())
                .param("valueDate", event.valueDate())
                .param("amount", event.amount().amount())
                .param("currency", event.amount().currency())
                .param("direction", event.direction())
                .param("bankReference", event.bankReference())
                .param("remittance", event.remittance())
                .param("cup", event.cup())
                .param("cig", event.cig())
                .param("recordedAt", utc(stamp.recordedAt()))
                .update();
    }

    @EventHandler
    public void on(BankEntryMatched event, @SequenceNumber long seq, EventMessage<?> message) {
        insertDecision(FactStamp.of(message, null), event.statementId().value(), seq, event.entryReference(), event.paymentEventId(), "MATCH",
                event.reason(), event.matchedBy());
    }

    @EventHandler
    public void on(BankEntryUnmatched event, @SequenceNumber long seq, EventMessage<?> message) {
        insertDecision(FactStamp.of(message, null), event.statementId().value(), seq, event.entryReference(), event.paymentEventId(), "UNMATCH",
                event.reason(), event.unmatchedBy());
    }

    // ---------------------------------------------------------------- the plan's reference list

    @EventHandler
    public void on(NrrpMeasureListed event, EventMessage<?> message) {
        FactStamp stamp = FactStamp.of(message, null);
        jdbc.sql("""
                        INSERT INTO nrrp_plan_measure (event_id, plan_id, measure, unique_code, mission, component, amount, currency, recorded_at)
                        SELECT :eventId, :planId, :measure, :uniqueCode, :mission, :component, :amount, :currency, :recordedAt
                        WHERE NOT EXISTS (SELECT 1 FROM nrrp_plan_measure WHERE event_id = :eventId)""")
                .param("eventId", stamp.eventId())
                .param("planId", event.planId().value())
                .param("measure", event.measure())
                .param("uniqueCode", event.uniqueCode())
                .param("mission", event.mission())
                .param("component", event.component())
                .param("amount", event.amount() == null ? null : event.amount().amount(), java.sql.Types.NUMERIC)
                .param("currency", event.amount() == null ? null : event.amount().currency(), java.sql.Types.VARCHAR)
                .param("recordedAt", utc(stamp.recordedAt()))
                .update();
    }

    /**
     * Before a replay from the start: empty the tables so the replay rebuilds them from zero, and
     * clear the materialised reconciliation's current generation, so that questions compute on
     * demand until the refresher has recomputed it from the rebuilt facts (it waits for a refresh
     * running meanwhile, which holds that row).
     */
    @ResetHandler
    public void reset() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE nrrp_recon_state SET current_generation = NULL WHERE id = 1").update();
            ReadModelTables.empty(template, "nrrp_plan_measure", "nrrp_bank_decision", "nrrp_bank_entry", "nrrp_outcome_fact", "nrrp_target",
                    "nrrp_fact", "nrrp_budget_tag");
        });
        outcomeFactStatistics.emptied();
    }

    // ---------------------------------------------------------------- writes

    /**
     * An Outcome Fund payment's fact, under the CUP and measure its budget was tagged with; nothing when
     * the budget carries no NRRP tag. One statement: the tag is read by the insert itself, so an
     * outcome payment costs one round trip to the database instead of two.
     */
    private void insertTaggedFact(FactStamp stamp, String type, String budgetId, Money amount, String reference, String detail,
                                  String bankReference) {
        fact("""
                        SELECT :eventId, :type, :source, NULL, t.cup, t.measure, :amount, :currency, :reference, :detail,
                            :bankReference, :businessDate, :recordedAt
                        FROM nrrp_budget_tag t
                        WHERE t.budget_id = :budgetId AND NOT EXISTS (SELECT 1 FROM nrrp_fact WHERE event_id = :eventId)""",
                stamp, type, OUTCOME_FUND, amount, reference, detail, bankReference)
                .param("budgetId", budgetId)
                .update();
    }

    private void insertFact(FactStamp stamp, String type, String source, String projectId, String cup, String measure, Money amount,
                            String reference, String detail, String bankReference) {
        fact("""
                        SELECT :eventId, :type, :source, :projectId, :cup, :measure, :amount, :currency, :reference, :detail,
                            :bankReference, :businessDate, :recordedAt
                        WHERE NOT EXISTS (SELECT 1 FROM nrrp_fact WHERE event_id = :eventId)""",
                stamp, type, source, amount, reference, detail, bankReference)
                .param("projectId", projectId)
                .param("cup", cup)
                .param("measure", measure)
                .update();
    }

    /** An insert of one fact from {@code select}, with the parameters every fact has. */
    private JdbcClient.StatementSpec fact(String select, FactStamp stamp, String type, String source, Money amount, String reference,
                                          String detail, String bankReference) {
        return jdbc.sql("""
                        INSERT INTO nrrp_fact (event_id, fact_type, source, project_id, cup, measure, amount, currency, reference, detail,
                            bank_reference, business_date, recorded_at)
                        """ + select)
                .param("eventId", stamp.eventId())
                .param("type", type)
                .param("source", source)
                .param("amount", amount.amount())
                .param("currency", amount.currency())
                .param("reference", reference)
                .param("detail", detail)
                .param("bankReference", bankReference)
                .param("businessDate", stamp.businessDate())
                .param("recordedAt", utc(stamp.recordedAt()));
    }

    private void insertDecision(FactStamp stamp, String statementId, long seq, String entryReference, String paymentEventId, String decision,
                                String reason, String decidedBy) {
        jdbc.sql("""
                        INSERT INTO nrrp_bank_decision (event_id, statement_id, seq, entry_reference, payment_event_id, decision, reason, decided_by,
                            business_date, recorded_at)
                        SELECT :eventId, :statementId, :seq, :entryReference, :paymentEventId, :decision, :reason, :decidedBy,
                            :businessDate, :recordedAt
                        WHERE NOT EXISTS (SELECT 1 FROM nrrp_bank_decision WHERE event_id = :eventId)""")
                .param("eventId", stamp.eventId())
                .param("statementId", statementId)
                .param("seq", seq)
                .param("entryReference", entryReference)
                .param("paymentEventId", paymentEventId)
                .param("decision", decision)
                .param("reason", reason)
                .param("decidedBy", decidedBy)
                .param("businessDate", stamp.businessDate())
                .param("recordedAt", utc(stamp.recordedAt()))
                .update();
    }
}
