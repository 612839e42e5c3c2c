package org.impactledger.core.nrrp.event;

import java.time.LocalDate;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpProjectId;
import org.axonframework.serialization.Revision;

/** NRRP money was granted to the project by an act (decree, determination ...). */
@Revision("1")
public record NrrpFundsAllocated(NrrpProjectId projectId, String cup, String measure, String allocationId, Money amount, String grantingAct, LocalDate grantedOn) implements NrrpProjectEvent {
}
