package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.shared.IssuerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Admits a social enterprise as an issuer, with the currency of its cash and its SDG focus (codes of the 169 SDG targets, such as {@code 11.1}). */
public record AdmitIssuer(@TargetAggregateIdentifier IssuerId issuerId, String name, String currency, List<String> sdgFocus, LocalDate admittedOn) {
}
