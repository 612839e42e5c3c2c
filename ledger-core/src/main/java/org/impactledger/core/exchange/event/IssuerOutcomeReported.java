package org.impactledger.core.exchange.event;

import java.math.BigDecimal;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.serialization.Revision;

/** The issuer reported an outcome; {@code sdgTarget} is a canonical SDG target code from the issuer's focus. */
@Revision("1")
public record IssuerOutcomeReported(IssuerId issuerId, OutcomeId outcomeId, String metricCode, String sdgTarget, BigDecimal quantity, String period, String reportedBy) implements IssuerEvent {
}
