package org.impactledger.projections.state.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One reported outcome and what happened to it: verification (or rejection), approval of the
 * payment ({@code unitPrice} × {@code verifiedQuantity} = {@code amount}), execution (bank
 * reference, value date) and withdrawal. An outcome with an {@code amount} is a payment; a reversal
 * clears the payment fields and takes the outcome back to VERIFIED, keeping the reversal's reason.
 * Every {@code …At} is the timestamp of the event that recorded the step.
 */
public record OutcomeView(
        String contractId,
        String outcomeId,
        String fundId,
        String beneficiaryId,
        String metricCode,
        String period,
        LocalDate outcomeDate,
        BigDecimal quantity,
        BigDecimal verifiedQuantity,
        BigDecimal unitPrice,
        BigDecimal amount,
        String currency,
        OutcomeStatus status,
        String evidenceReference,
        String evidenceSha256,
        String reportedBy,
        Instant reportedAt,
        String verifiedBy,
        Instant verifiedAt,
        String verificationNote,
        String rejectionReason,
        String rejectedBy,
        Instant rejectedAt,
        String approvedBy,
        Instant approvedAt,
        String executedBy,
        String bankReference,
        Instant paidAt,
        LocalDate valueDate,
        String reversalReason,
        String reversedBy,
        Instant reversedAt,
        String withdrawalReason,
        String withdrawnBy,
        Instant withdrawnAt,
        List<String> sdgTargets) {

    public OutcomeView {
        sdgTargets = sdgTargets == null ? List.of() : List.copyOf(sdgTargets);
    }
}
