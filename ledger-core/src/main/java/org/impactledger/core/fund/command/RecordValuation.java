package org.impactledger.core.fund.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;

/** Records the fund's net asset value at a date (residual value for the performance report). */
public record RecordValuation(@TargetAggregateIdentifier FundId fundId, Money netAssetValue, LocalDate asOf, String method) {
}
