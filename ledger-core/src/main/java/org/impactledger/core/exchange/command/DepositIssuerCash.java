package org.impactledger.core.exchange.command;

import java.time.LocalDate;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The issuer pays cash into its exchange cash account (for example to fund a coupon), by bank transfer. */
public record DepositIssuerCash(@TargetAggregateIdentifier IssuerId issuerId, Money amount, String bankReference, LocalDate valueDate) {
}
