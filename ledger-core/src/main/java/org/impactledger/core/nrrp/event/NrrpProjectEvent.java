package org.impactledger.core.nrrp.event;

import org.impactledger.core.shared.NrrpProjectId;

/** Every event of an NRRP project; each carries the CUP and measure so read models need no lookup. */
public sealed interface NrrpProjectEvent permits NrrpProjectRegistered, NrrpFundsAllocated, NrrpCommitmentEntered, NrrpExpenditureReported,
        NrrpTargetSet {
    NrrpProjectId projectId();
}
