package org.impactledger.projections.audit;

/**
 * The answer of {@code GET /api/audit/verify}.
 *
 * @param valid                        every check passed
 * @param eventsChecked                chained events whose hash was recomputed from the current row
 *                                     (up to the first mismatch)
 * @param gapsChecked                  recorded gaps found still empty
 * @param checkpointsVerified          checkpoints whose chain hash matched and whose signature verified
 * @param checkpointsSignedByOtherKeys checkpoints signed by an earlier key (for example an ephemeral
 *                                     one before a restart): their chain hash is still compared, but
 *                                     their signature cannot be checked with the current key
 * @param headIndex                    the last chained event
 * @param headHash                     its chain hash
 * @param storeHeadIndex               the highest global index in the event store (events above
 *                                     {@code headIndex} are not chained yet)
 * @param firstMismatch                the first index that does not match, or {@code null}
 */
public record VerificationReport(boolean valid, long eventsChecked, long gapsChecked, long checkpointsVerified,
                                 long checkpointsSignedByOtherKeys, long headIndex, String headHash, long storeHeadIndex,
                                 Mismatch firstMismatch) {

    /**
     * @param globalIndex     where
     * @param eventIdentifier the event there (from the store, else from the chain), or {@code null}
     * @param reason          what kind of mismatch
     * @param detail          what exactly differs
     */
    public record Mismatch(long globalIndex, String eventIdentifier, MismatchReason reason, String detail) {
    }
}
