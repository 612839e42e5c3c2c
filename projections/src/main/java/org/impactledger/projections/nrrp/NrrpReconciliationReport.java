package org.impactledger.projections.nrrp;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The NRRP reconciliation: figures per CUP and measure, every discrepancy with the events behind
 * it, the bank matches made, and target progress. See README, "NRRP reconciliation".
 */
public record NrrpReconciliationReport(LocalDate asOf, Instant knownAt, List<Line> lines, List<Discrepancy> discrepancies,
                                       List<MatchLine> matches, List<TargetLine> targets,
                                       List<PlanMeasure> planMeasures) {

    /**
     * Figures of one CUP and measure (unique code). {@code paid}: ledger payments of NRRP-tagged money
     * net of refunds; {@code confirmedByBank}: the bank amounts of the entries matched to those
     * payments; {@code projects}: the registered local projects under them (empty: unknown CUP/measure).
     */
    public record Line(String cup, String measure, String currency, List<String> projects, BigDecimal allocated, BigDecimal committed,
                       BigDecimal paid, BigDecimal reported, BigDecimal confirmedByBank) {
    }

    /** One discrepancy: its kind, where (cup and measure, when known), the amount at stake, what it is, and the events behind it. */
    public record Discrepancy(Kind kind, String cup, String measure, BigDecimal amount, String detail, List<String> eventIds) {
    }

    public enum Kind {
        PAID_NOT_REPORTED, REPORTED_NOT_PAID, AMOUNT_MISMATCH, BANK_ENTRY_WITHOUT_PAYMENT, PAYMENT_WITHOUT_BANK_ENTRY, UNKNOWN_CUP,
        BEYOND_ALLOCATION
    }

    /** A measure or sub-measure of the plan's reference list (amount null: N/D), as known at {@code knownAt}. */
    public record PlanMeasure(String planId, String measure, String uniqueCode, String mission, String component, BigDecimal amount,
                              String currency) {
    }

    /** A bank entry (statement/entry reference and its event) paired with a ledger payment event, and the rule that paired them. */
    public record MatchLine(String statementId, String entryReference, String bankEntryEventId, String paymentEventId, String rule,
                            BigDecimal bankAmount, BigDecimal paymentAmount) {
    }

    /**
     * A measure target and its progress: {@code achieved} sums the verified quantities of the
     * contract's outcomes of the linked metrics dated up to the due date; {@code progressPercent}
     * is achieved / quantity × 100, two decimals, half-even.
     */
    public record TargetLine(String projectId, String targetId, String cup, String measure, String description, BigDecimal quantity,
                             LocalDate dueDate, String contractId, List<String> metricCodes, BigDecimal achieved, BigDecimal progressPercent,
                             String eventId) {
    }
}
