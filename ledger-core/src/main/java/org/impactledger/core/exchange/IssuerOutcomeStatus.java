package org.impactledger.core.exchange;

/** Where an issuer's reported outcome stands: reported, then verified or rejected by an independent verifier. */
public enum IssuerOutcomeStatus {
    REPORTED,
    VERIFIED,
    REJECTED
}
