package org.impactledger.core.fund.event;

import org.impactledger.core.shared.FundId;

/** Every event of the fund aggregate; sealed so that a switch over them is exhaustive. */
public sealed interface FundEvent permits FundOpened, CapitalCommitted, CapitalCalled, CapitalReceived, WorkingCapitalAdvanced,
        OutcomeBudgetCommitted, OutcomeBudgetReserved, OutcomeBudgetReleased, OutcomePaymentReceived, OutcomePaymentRefunded,
        DistributionMade, ValuationRecorded, PropertyAcquisitionPaid, RentIncomeReceived, RentIncomeReversed {
    FundId fundId();
}
