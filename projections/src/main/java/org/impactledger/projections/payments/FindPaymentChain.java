package org.impactledger.projections.payments;

import java.util.Objects;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.projections.report.TimeTravel;

/** Asks for one outcome payment's chain; answered with {@link PaymentChain}, or {@code null} if the outcome was not approved within the bounds. */
public record FindPaymentChain(ContractId contractId, OutcomeId outcomeId, TimeTravel timeTravel) {
    public FindPaymentChain {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(outcomeId, "outcomeId");
        Objects.requireNonNull(timeTravel, "timeTravel");
    }
}
