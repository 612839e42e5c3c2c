package org.impactledger.core.exchange.event;

import java.time.LocalDate;
import org.impactledger.core.shared.InvestorId;
import org.axonframework.serialization.Revision;

/** An investor's exchange account was opened. */
@Revision("1")
public record AccountOpened(InvestorId investorId, String currency, LocalDate openedOn) implements AccountEvent {
}
