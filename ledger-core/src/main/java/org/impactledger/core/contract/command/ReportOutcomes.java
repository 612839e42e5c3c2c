package org.impactledger.core.contract.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.ProviderId;

/**
 * A batch of a bulk outcome import: many outcome reports for one contract, handled in one unit of
 * work. Each report passes the same rules as a single {@link ReportOutcome}; a report that breaks one
 * is refused on its own (and listed in the result), the others are recorded. Whether the contract is
 * open and whether the acting provider owns it are checked once, for the whole batch.
 *
 * @param reportedBy     the acting principal
 * @param actingProvider the provider the acting principal belongs to, or {@code null} for a role that acts as none (an administrator)
 */
public record ReportOutcomes(@TargetAggregateIdentifier ContractId contractId, List<OutcomeReport> reports, String reportedBy,
                             ProviderId actingProvider) {

    public ReportOutcomes {
        reports = List.copyOf(reports);
    }
}
