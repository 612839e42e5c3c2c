package org.impactledger.infra.idempotency;

import java.time.Instant;

/** A command that was accepted, kept so that a retry with the same command id gets the first answer. */
public record ProcessedCommand(String commandId, String requestHash, String commandType, String resultType,
                               String resultRevision, String result, Instant recordedAt) {
}
