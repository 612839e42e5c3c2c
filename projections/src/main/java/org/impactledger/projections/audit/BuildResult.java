package org.impactledger.projections.audit;

/**
 * What one run of the chain builder did.
 *
 * @param eventsChained     events added to the chain in this run
 * @param gapsPassed        missing indexes recorded as permanently empty in this run
 * @param checkpointsSigned checkpoints signed in this run
 * @param waitingForIndex   the missing global index the builder stopped at because it is younger
 *                          than the gap timeout (its transaction may still commit), or {@code null}
 * @param head              the chain head after the run
 */
public record BuildResult(long eventsChained, long gapsPassed, long checkpointsSigned, Long waitingForIndex, ChainHead head) {
}
