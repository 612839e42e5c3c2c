package org.impactledger.core.nrrp.event;

import java.time.LocalDate;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpProjectId;
import org.axonframework.serialization.Revision;

/** The city entered a legal commitment (a contract under a CIG) within the project's allocation. */
@Revision("1")
public record NrrpCommitmentEntered(NrrpProjectId projectId, String cup, String measure, String commitmentId, String cig, String counterparty, Money amount, LocalDate signedOn) implements NrrpProjectEvent {
}
