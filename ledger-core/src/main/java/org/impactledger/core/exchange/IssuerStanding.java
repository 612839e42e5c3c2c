package org.impactledger.core.exchange;

import java.time.LocalDate;
import org.impactledger.core.shared.IssuerId;

/** What an instrument needs to know about its issuer: the cash currency, the admission date, and whether it is suspended. */
public record IssuerStanding(IssuerId issuerId, String name, String currency, LocalDate admittedOn, boolean suspended) {
}
