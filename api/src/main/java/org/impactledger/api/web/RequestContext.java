package org.impactledger.api.web;

import java.time.LocalDate;
import org.impactledger.api.security.LedgerPrincipal;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.ProviderId;

/**
 * Who is acting and why: the authenticated principal and its roles, the idempotency key, the
 * correlation id and the business date. The principal comes from the authentication only (never a
 * header or a body field); everything else in the ledger reads it from here.
 *
 * @param caller the authenticated caller with the parties it belongs to; {@code null} for the
 *               ledger's own start-up seeding (the demo), which acts as no party
 */
public record RequestContext(String principal, String role, String idempotencyKey, String correlationId, LocalDate businessDate,
                             LedgerPrincipal caller) {

    /** A context for the ledger's own commands (demo seeding), which act for no provider or payer. */
    public RequestContext(String principal, String role, String idempotencyKey, String correlationId, LocalDate businessDate) {
        this(principal, role, idempotencyKey, correlationId, businessDate, null);
    }

    /** The provider the caller acts as, for the contract to check; {@code null} when it acts as none. */
    public ProviderId actingProvider() {
        return caller == null ? null : caller.actingProvider();
    }

    /** The outcome payer the caller acts as, for the contract to check; {@code null} when it acts as none. */
    public PayerId actingPayer() {
        return caller == null ? null : caller.actingPayer();
    }
}
