package org.impactledger.core.contract;

import java.util.List;
import org.impactledger.core.shared.ErrorCode;

/**
 * What a batch of reports ({@link org.impactledger.core.contract.command.ReportOutcomes}) did: how
 * many were recorded, how many were already recorded before with the same values (an import sent
 * again: nothing new), and every refused report with the rule it broke.
 */
public record ReportOutcomesResult(int accepted, int alreadyReported, List<Refused> refused) {

    public ReportOutcomesResult {
        refused = List.copyOf(refused);
    }

    /** One refused report: its position in the batch (0-based), and the refusal as the single command would have had it. */
    public record Refused(int index, ErrorCode code, String field, String message) {
    }
}
