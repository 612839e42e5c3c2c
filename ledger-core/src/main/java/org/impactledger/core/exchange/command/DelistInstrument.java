package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.InstrumentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delists an instrument: every resting order is cancelled and its reservation released. Holdings stay on the register. */
public record DelistInstrument(@TargetAggregateIdentifier InstrumentId instrumentId, String reason, LocalDate delistedOn) {
}
