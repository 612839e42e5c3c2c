package org.impactledger.core.housing;

/**
 * Why a tenancy ended. The reasons are closed because they are outcomes: a move to autonomous
 * housing is the exit the programme exists for, an eviction is a failure the report must show.
 */
public enum LeaseEndReason {
    /** The household moved on to housing it holds without support: the programme's intended exit. */
    MOVED_TO_AUTONOMOUS_HOUSING,
    /** The household left for other housing (another supported scheme, family, another city ...). */
    MOVED_ELSEWHERE,
    /** The tenancy was ended by eviction. */
    EVICTION,
    /** The tenancy ended on the death of the tenant. */
    DECEASED,
    /** Any other reason, which the command must explain in a note. */
    OTHER
}
