package org.impactledger.projections.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An outcome payment's chain, step by step: the report (with the SHA-256 of the evidence), the
 * verification, each approval, each transfer, and each correction (a reversal with its reason, or
 * a withdrawal after a reversal). Every step names its event ({@code eventId}, the key under which
 * the audit trail holds its proof), the event's global position and its position in the
 * contract's stream, who acted (as the event records it, and the principal and role of the
 * command's metadata), when it was recorded and its business date, and its hash-chain proof: the
 * event's SHA-256 and the chain hash after it in the audit trail ({@code null} until the chain
 * builder has reached it). With the exported audit trail and the published key, an auditor can
 * check offline that the step's event is in the signed chain unaltered.
 */
public record PaymentChain(String contractId, String outcomeId, String fundId, String beneficiaryId, String metricCode, String period,
                           LocalDate outcomeDate, PaymentStatus status, String currency, BigDecimal approvedAmount, BigDecimal paidAmount,
                           LocalDate asOf, Instant knownAt, ReportStep report, VerificationStep verification, List<ApprovalStep> approvals,
                           List<TransferStep> transfers, List<CorrectionStep> corrections) {

    /** The fields every step has. */
    public record Event(String eventId, Long globalPosition, long sequenceNumber, String principal, String role, Instant recordedAt,
                        LocalDate businessDate, String eventHash, String chainHash) {
    }

    public record ReportStep(Event event, String reportedBy, BigDecimal quantity, String evidenceReference, String evidenceSha256) {
    }

    public record VerificationStep(Event event, String verifiedBy, BigDecimal verifiedQuantity, String note) {
    }

    public record ApprovalStep(Event event, String approvedBy, BigDecimal verifiedQuantity, BigDecimal unitPrice, BigDecimal amount,
                               String currency) {
    }

    public record TransferStep(Event event, String executedBy, BigDecimal amount, String currency, String bankReference,
                               LocalDate valueDate) {
    }

    /** A reversal (of an approval, or of a transfer when {@code wasExecuted}) or a withdrawal. */
    public record CorrectionStep(Event event, String kind, String correctedBy, String reason, BigDecimal amount, String currency,
                                 Boolean wasExecuted, LocalDate valueDate) {
        public static final String REVERSAL = "REVERSAL";
        public static final String WITHDRAWAL = "WITHDRAWAL";
    }
}
