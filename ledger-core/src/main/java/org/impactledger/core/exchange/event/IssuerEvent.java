package org.impactledger.core.exchange.event;

import org.impactledger.core.shared.IssuerId;

/** Every event of the issuer aggregate (admission, suspension, reported outcomes, the issuer's cash); sealed so that a switch over them is exhaustive. */
public sealed interface IssuerEvent permits IssuerAdmitted, IssuerSuspended, IssuerReinstated, IssuerOutcomeReported, IssuerOutcomeVerified,
        IssuerOutcomeRejected, IssuerCashDeposited, IssuerCashWithdrawn, OfferingProceedsReceived, IncomeFunded {
    IssuerId issuerId();
}
