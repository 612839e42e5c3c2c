package org.impactledger.core.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;

/**
 * One outcome as the contract remembers it, replaced as a whole on every change (so that the
 * snapshot holds only immutable values). Fields that do not apply yet are {@code null}: a reported
 * outcome has no verified quantity, an unapproved one no approved amount.
 */
public record OutcomeState(OutcomeId outcomeId, BeneficiaryId beneficiaryId, String metricCode, String period, LocalDate outcomeDate,
                           BigDecimal quantity, String reportedBy, OutcomeStatus status,
                           BigDecimal verifiedQuantity, String verifiedBy, String rejectedBy,
                           String approvedBy, Money approvedAmount, LocalDate paidOn) {

    OutcomeState verified(BigDecimal verifiedQuantity, String verifiedBy) {
        return new OutcomeState(outcomeId, beneficiaryId, metricCode, period, outcomeDate, quantity, reportedBy, OutcomeStatus.VERIFIED,
                verifiedQuantity, verifiedBy, null, null, null, null);
    }

    OutcomeState rejected(String rejectedBy) {
        return new OutcomeState(outcomeId, beneficiaryId, metricCode, period, outcomeDate, quantity, reportedBy, OutcomeStatus.REJECTED,
                null, null, rejectedBy, null, null, null);
    }

    OutcomeState approved(String approvedBy, Money amount) {
        return new OutcomeState(outcomeId, beneficiaryId, metricCode, period, outcomeDate, quantity, reportedBy, OutcomeStatus.APPROVED,
                verifiedQuantity, verifiedBy, null, approvedBy, amount, null);
    }

    OutcomeState paid(LocalDate valueDate) {
        return new OutcomeState(outcomeId, beneficiaryId, metricCode, period, outcomeDate, quantity, reportedBy, OutcomeStatus.PAID,
                verifiedQuantity, verifiedBy, null, approvedBy, approvedAmount, valueDate);
    }

    /** After a reversal the outcome is verified again: a new approval (by anyone but reporter and verifier) may follow. */
    OutcomeState reversed() {
        return new OutcomeState(outcomeId, beneficiaryId, metricCode, period, outcomeDate, quantity, reportedBy, OutcomeStatus.VERIFIED,
                verifiedQuantity, verifiedBy, null, null, null, null);
    }

    OutcomeState withdrawn() {
        return new OutcomeState(outcomeId, beneficiaryId, metricCode, period, outcomeDate, quantity, reportedBy, OutcomeStatus.WITHDRAWN,
                verifiedQuantity, verifiedBy, rejectedBy, null, null, null);
    }
}
