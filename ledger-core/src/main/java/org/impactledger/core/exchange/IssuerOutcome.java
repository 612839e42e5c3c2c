package org.impactledger.core.exchange;

import java.math.BigDecimal;
import org.impactledger.core.shared.OutcomeId;

/**
 * One outcome as the issuer remembers it, replaced as a whole on every change. Fields that do not
 * apply yet are {@code null}: a reported outcome has no verified quantity nor verifier.
 */
public record IssuerOutcome(OutcomeId outcomeId, String metricCode, String sdgTarget, BigDecimal quantity, String period, String reportedBy,
                            IssuerOutcomeStatus status, BigDecimal verifiedQuantity, String verifiedBy, String rejectedBy) {

    IssuerOutcome verified(BigDecimal verifiedQuantity, String verifiedBy) {
        return new IssuerOutcome(outcomeId, metricCode, sdgTarget, quantity, period, reportedBy, IssuerOutcomeStatus.VERIFIED,
                verifiedQuantity, verifiedBy, null);
    }

    IssuerOutcome rejected(String rejectedBy) {
        return new IssuerOutcome(outcomeId, metricCode, sdgTarget, quantity, period, reportedBy, IssuerOutcomeStatus.REJECTED,
                null, null, rejectedBy);
    }
}
