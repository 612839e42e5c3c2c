package org.impactledger.core.nrrp.event;

import org.impactledger.core.shared.NrrpProjectId;
import org.axonframework.serialization.Revision;

/** The city registered an NRRP project: its CUP, local project code and measure (sub-measure code, e.g. M5C2I1.03.00), title and currency. */
@Revision("1")
public record NrrpProjectRegistered(NrrpProjectId projectId, String cup, String localProjectCode, String measure, String title, String currency) implements NrrpProjectEvent {
}
