package org.impactledger.projections.exchange.market;

import java.util.List;

/** An issuer with its instruments (by instrument id) and its reported outcomes (by outcome id). */
public record IssuerDetails(IssuerView issuer, List<InstrumentView> instruments, List<IssuerOutcomeView> outcomes) {
    public IssuerDetails {
        instruments = List.copyOf(instruments);
        outcomes = List.copyOf(outcomes);
    }
}
