package org.impactledger.core.contract.event;

import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.contract.RateCardEntry;
import org.impactledger.core.shared.ContractId;
import org.axonframework.serialization.Revision;

/** Rate card entries in force from a date (replacing entries of the same metric). */
@Revision("1")
public record RateCardAmended(ContractId contractId, String amendmentId, LocalDate effectiveFrom, List<RateCardEntry> entries) implements ContractEvent {
}
