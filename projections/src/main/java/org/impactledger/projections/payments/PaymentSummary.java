package org.impactledger.projections.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One outcome payment in a list: the outcome, where its payment stands, and its net amounts
 * (approved = approvals − reversals, paid = transfers − reversals of transfers). The full chain is
 * at {@code /api/reports/outcome-payments/{contractId}/{outcomeId}}.
 */
public record PaymentSummary(String contractId, String outcomeId, String fundId, String beneficiaryId, String metricCode, String period,
                             LocalDate outcomeDate, PaymentStatus status, String currency, BigDecimal approvedAmount, BigDecimal paidAmount,
                             String evidenceSha256, String lastApprovedBy, Instant lastApprovedAt, String lastBankReference,
                             LocalDate lastValueDate) {
}
