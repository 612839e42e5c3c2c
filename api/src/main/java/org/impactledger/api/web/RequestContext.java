package org.impactledger.api.web;

import java.time.LocalDate;

/**
 * Who is acting and why, read from the request: the acting principal and role, the idempotency key,
 * the correlation id and the business date. Until authentication lands, the principal is taken from
 * the {@code X-Actor} header; everything else in the ledger reads it from here only.
 */
public record RequestContext(String principal, String role, String idempotencyKey, String correlationId, LocalDate businessDate) {
}
