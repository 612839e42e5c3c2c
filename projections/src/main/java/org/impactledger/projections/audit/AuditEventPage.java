package org.impactledger.projections.audit;

import java.util.List;
import org.impactledger.projections.state.Page;

/** A page of the audit trail in global order. */
public record AuditEventPage(List<AuditEventView> items, int page, int size, long total) implements Page<AuditEventView> {
}
