package org.impactledger.core.contract.command;

import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.contract.RateCardEntry;
import org.impactledger.core.shared.ContractId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Amends the rate card from a date: the entries replace those of the same metric (new metrics are added); outcomes are priced by their outcome date. */
public record AmendRateCard(@TargetAggregateIdentifier ContractId contractId, String amendmentId, LocalDate effectiveFrom, List<RateCardEntry> entries) {
}
