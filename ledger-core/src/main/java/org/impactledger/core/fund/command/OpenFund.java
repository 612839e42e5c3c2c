package org.impactledger.core.fund.command;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.FundId;

/** Opens a fund. {@code returnCapMultiple}: total distributions may reach this multiple of paid-in capital (e.g. 1.30). */
public record OpenFund(@TargetAggregateIdentifier FundId fundId, String name, String currency, String manager, BigDecimal returnCapMultiple) {
}
