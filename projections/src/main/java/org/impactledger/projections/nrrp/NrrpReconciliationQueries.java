package org.impactledger.projections.nrrp;

import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.impactledger.projections.nrrp.NrrpReconciliation.Filter;
import org.impactledger.projections.report.TimeTravel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the NRRP reconciliation queries.
 *
 * <ul>
 *   <li>{@link NrrpReconciliationPageQuery} (the JSON API): without time bounds, from the
 *       materialised reconciliation as known at its last refresh ({@link NrrpReconciliationStore});
 *       with bounds (time travel), or while there is none, computed by {@link NrrpReconciler} and
 *       paged in memory. A cursor's page is cut from the reconciliation the cursor came from.</li>
 *   <li>{@link NrrpReconciliationQuery} (the CSV export): every list whole, from the same sources.</li>
 * </ul>
 */
@Component
public class NrrpReconciliationQueries {

    private final JdbcClient jdbc;
    private final NrrpReconciler reconciler;
    private final NrrpReconciliationStore store;
    private final boolean materialised;

    @Autowired
    public NrrpReconciliationQueries(JdbcClient jdbc, NrrpReconciler reconciler, NrrpReconciliationStore store,
                                     NrrpReconciliationProperties properties) {
        this(jdbc, reconciler, store, properties.materialised());
    }

    /**
     * @param materialised whether to answer from the materialised reconciliation (false: always compute,
     *                     e.g. when the refresher is switched off and whatever is stored may be stale)
     */
    public NrrpReconciliationQueries(JdbcClient jdbc, NrrpReconciler reconciler, NrrpReconciliationStore store, boolean materialised) {
        this.jdbc = jdbc;
        this.reconciler = reconciler;
        this.store = store;
        this.materialised = materialised;
    }

    @QueryHandler
    public NrrpReconciliationPage handle(NrrpReconciliationPageQuery query) {
        NrrpCursor cursor = query.cursor();
        long discrepanciesAfter = query.after() == null ? 0 : query.after().seq();
        long matchesAfter = query.matchesAfter() == null ? 0 : query.matchesAfter().seq();
        if (cursor != null) {
            if (cursor.generation() > 0) {
                Optional<NrrpReconciliationPage> kept = store.page(cursor.generation(), cursor.knownAt(), query.filter(), query.limit(),
                        discrepanciesAfter, matchesAfter, query.after() != null ? "after" : "matchesAfter");
                if (kept.isPresent()) {
                    return kept.get();
                }
            }
            // computed on demand, or a generation no longer kept: the same bounds give the same reconciliation
            return reconciler.reconcile(new TimeTravel(cursor.asOf(), cursor.knownAt()))
                    .page(query.filter(), query.limit(), discrepanciesAfter, matchesAfter, 0, null);
        }
        if (query.latest() && materialised) {
            Optional<NrrpReconciliationPage> current = store.currentPage(query.filter(), query.limit());
            if (current.isPresent()) {
                return current.get();
            }
        }
        return reconciler.reconcile(query.timeTravel()).page(query.filter(), query.limit(), 0, 0, 0, null);
    }

    @QueryHandler
    public NrrpReconciliationReport handle(NrrpReconciliationQuery query) {
        Filter filter = new Filter(query.cup(), query.measure());
        if (query.latest() && materialised) {
            Optional<NrrpReconciliation> current = store.current();
            if (current.isPresent()) {
                return current.get().report(filter);
            }
        }
        return reconciler.reconcile(query.timeTravel()).report(filter);
    }

    /**
     * The current matches of this bank entry and of this payment (see {@link FindNrrpBankMatches}),
     * from {@link NrrpReconciler#currentMatches()}: the matcher the report runs, over everything the
     * read model holds.
     */
    @QueryHandler
    public FindNrrpBankMatches.Answer handle(FindNrrpBankMatches query) {
        String[] entry = jdbc.sql("SELECT direction, currency FROM nrrp_bank_entry WHERE statement_id = :statementId AND entry_reference = :entry")
                .param("statementId", query.statementId())
                .param("entry", query.entryReference())
                .query((rs, row) -> new String[] {rs.getString("direction"), rs.getString("currency")})
                .optional()
                .orElse(new String[2]);
        List<FindNrrpBankMatches.Match> matches = reconciler.currentMatches().stream()
                .filter(m -> m.paymentEventId().equals(query.paymentEventId())
                        || (m.statementId().equals(query.statementId()) && m.entryReference().equals(query.entryReference())))
                .toList();
        return new FindNrrpBankMatches.Answer(entry[0], entry[1], matches);
    }

    /** The NRRP-funded payment with this event id, as known now; none if no such payment was recorded. */
    @QueryHandler
    public List<FindNrrpPayment.Payment> handle(FindNrrpPayment query) {
        return jdbc.sql("""
                        SELECT p.event_id, p.source, p.cup, p.measure, p.amount, p.currency, p.reference,
                            EXISTS (SELECT 1 FROM nrrp_fact r WHERE r.fact_type = 'REFUNDED' AND r.reference = p.reference) AS refunded
                        FROM nrrp_fact p WHERE p.event_id = :eventId AND p.fact_type = 'PAID'""")
                .param("eventId", query.paymentEventId())
                .query((rs, row) -> new FindNrrpPayment.Payment(rs.getString("event_id"), rs.getString("source"), rs.getString("cup"),
                        rs.getString("measure"), rs.getBigDecimal("amount").setScale(2), rs.getString("currency"), rs.getString("reference"),
                        rs.getBoolean("refunded")))
                .list();
    }
}
