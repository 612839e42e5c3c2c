package org.impactledger.projections.audit;

import static org.impactledger.projections.state.JdbcValues.date;
import static org.impactledger.projections.state.JdbcValues.instant;
import static org.impactledger.projections.state.JdbcValues.utc;

import java.util.List;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.state.Page;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the audit trail and its checkpoints for the API.
 *
 * <p>The trail is answered from the chain's own rows (one per event, with the event's business date
 * and recording time), so {@code asOf}/{@code knownAt} select exactly the events that had happened
 * by, or had been recorded by, the given time; metadata and payload are those stored now, which is
 * what verification checks.
 */
public class AuditQueries {

    private final JdbcClient jdbc;

    public AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CheckpointPage checkpoints(int page, int requestedSize) {
        int size = Page.cappedSize(requestedSize);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_checkpoint").query(Long.class).single();
        List<CheckpointView> items = jdbc.sql("""
                        SELECT global_index, chain_hash, event_count, signed_at, algorithm, key_id, signature
                        FROM audit_checkpoint ORDER BY global_index LIMIT :limit OFFSET :offset""")
                .param("limit", size)
                .param("offset", Page.offset(page, size))
                .query((rs, row) -> new CheckpointView(rs.getLong("global_index"), rs.getString("chain_hash"), rs.getLong("event_count"),
                        rs.getString("signed_at"), rs.getString("algorithm"), rs.getString("key_id"), rs.getString("signature"),
                        AuditSigner.checkpointMessage(rs.getLong("global_index"), rs.getString("chain_hash"), rs.getString("signed_at"))))
                .list();
        return new CheckpointPage(items, Math.max(0, page), size, total);
    }

    /** Chained events in global order from {@code fromIndex}, limited by business date and recording time. */
    public AuditEventPage events(long fromIndex, TimeTravel timeTravel, int page, int requestedSize) {
        int size = Page.cappedSize(requestedSize);
        String where = " WHERE c.global_index >= :from AND c.business_date <= :asOf AND c.recorded_at <= :knownAt";
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_chain c" + where)
                .param("from", fromIndex)
                .param("asOf", timeTravel.asOfOrEndOfTime())
                .param("knownAt", utc(timeTravel.knownAt()))
                .query(Long.class).single();
        List<AuditEventView> items = jdbc.sql("""
                        SELECT c.global_index, c.event_identifier, c.aggregate_identifier, c.sequence_number, c.payload_type,
                            c.recorded_at, c.business_date, c.principal, c.event_hash, c.chain_hash, e.payload, e.meta_data
                        FROM audit_chain c LEFT JOIN domain_event_entry e ON e.global_index = c.global_index""" + where
                        + " ORDER BY c.global_index LIMIT :limit OFFSET :offset")
                .param("from", fromIndex)
                .param("asOf", timeTravel.asOfOrEndOfTime())
                .param("knownAt", utc(timeTravel.knownAt()))
                .param("limit", size)
                .param("offset", Page.offset(page, size))
                .query((rs, row) -> new AuditEventView(rs.getLong("global_index"), rs.getString("event_identifier"),
                        rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("payload_type"),
                        instant(rs, "recorded_at"), date(rs, "business_date"), rs.getString("principal"),
                        AuditChainBuilder.parseJson(rs.getBytes("meta_data")), AuditChainBuilder.parseJson(rs.getBytes("payload")),
                        rs.getString("event_hash"), rs.getString("chain_hash")))
                .list();
        return new AuditEventPage(items, Math.max(0, page), size, total);
    }
}
