package org.impactledger.core.exchange.event;

import org.impactledger.core.shared.InvestorId;

/** Every event of an investor's exchange account (cash and its reservations); sealed so that a switch over them is exhaustive. */
public sealed interface AccountEvent permits AccountOpened, CashDeposited, CashWithdrawn, CashReserved, CashReleased, PurchaseSettled,
        SaleSettled, SubscriptionSettled, IncomeReceived {
    InvestorId investorId();
}
