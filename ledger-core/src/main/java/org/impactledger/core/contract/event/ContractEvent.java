package org.impactledger.core.contract.event;

import org.impactledger.core.shared.ContractId;

/** Every event of the contract aggregate (the contract and the outcomes reported under it). */
public sealed interface ContractEvent permits ContractSigned, RateCardAmended, ContractClosed, OutcomeReported, OutcomeVerified,
        OutcomeRejected, OutcomePaymentApproved, OutcomePaymentExecuted, OutcomePaymentReversed, OutcomeWithdrawn {
    ContractId contractId();
}
