package org.impactledger.projections.audit;

import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;

/**
 * One event of the audit trail: where it sits in the chain, who recorded it and when, its metadata
 * and payload as stored now, and its hashes.
 *
 * @param recordedAt   the event's recording time (its stored time stamp)
 * @param businessDate the business date from its metadata, else its recording day (UTC)
 * @param metaData     the stored metadata JSON (principal, role, commandId, correlationId, causationId,
 *                     businessDate), or {@code null} if it is not JSON
 * @param payload      the stored payload JSON, or {@code null} if it is not JSON
 */
public record AuditEventView(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                             String payloadType, Instant recordedAt, LocalDate businessDate, String principal, JsonNode metaData,
                             JsonNode payload, String eventHash, String chainHash) {
}
