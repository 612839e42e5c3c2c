package org.impactledger.core.exchange.command;

import java.math.BigDecimal;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An issuer reports an outcome: a metric, the SDG target it serves (one of the issuer's focus), a quantity and a period. {@code reportedBy} is the acting principal. */
public record ReportIssuerOutcome(@TargetAggregateIdentifier IssuerId issuerId, OutcomeId outcomeId, String metricCode, String sdgTarget, BigDecimal quantity, String period, String reportedBy) {
}
