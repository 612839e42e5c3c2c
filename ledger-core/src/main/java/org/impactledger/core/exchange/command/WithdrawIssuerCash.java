package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The issuer takes cash (for example offering proceeds) out of its exchange cash account, by bank transfer. */
public record WithdrawIssuerCash(@TargetAggregateIdentifier IssuerId issuerId, Money amount, String bankReference, LocalDate valueDate) {
}
