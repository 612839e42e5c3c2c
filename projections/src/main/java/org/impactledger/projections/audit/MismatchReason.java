package org.impactledger.projections.audit;

/** Why verification stopped at an index. The offline {@link AuditVerifier} uses the same names. */
public enum MismatchReason {
    /** The row's recomputed event hash differs from the chained one: payload, metadata or another column changed. */
    EVENT_CHANGED,
    /** A chained event's row is no longer in the event store. */
    EVENT_DELETED,
    /** A row sits inside the chained range but is not in the chain (for example at an index recorded as a permanent gap). */
    EVENT_INSERTED,
    /** The chain's own hashes were edited: a stored chain hash does not follow from the events before it. */
    CHAIN_ALTERED,
    /** An index inside the chained range is neither a chained event nor a recorded gap. */
    CHAIN_INCOMPLETE,
    /** A signed checkpoint's chain hash differs from the chain recomputed up to its index. */
    CHECKPOINT_MISMATCH,
    /** A checkpoint's signature does not verify with the ledger's key. */
    CHECKPOINT_SIGNATURE_INVALID
}
