package org.impactledger.projections.journal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.impactledger.core.contract.event.ContractEvent;
import org.impactledger.core.fund.event.FundEvent;
import org.impactledger.projections.state.Recorded;
import org.impactledger.projections.support.ProcessorBatches;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The journal projection and its queries wired by hand on one data source, a feed that hands each
 * recorded event to the projection as Axon would (a domain event message with a stable identifier,
 * its timestamp and metadata), and a dump of both tables for row-by-row comparisons.
 */
final class JournalTables {

    final JdbcClient jdbc;
    final DataSourceTransactionManager transactionManager;
    final JournalProjection projection;
    final JournalQueries queries;

    JournalTables(DataSource dataSource) {
        this(dataSource, new FundPostingRules());
    }

    JournalTables(DataSource dataSource, PostingRule rules) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactionManager = new DataSourceTransactionManager(dataSource);
        this.projection = new JournalProjection(jdbc, new JdbcTemplate(dataSource), transactionManager, rules);
        this.queries = new JournalQueries(jdbc);
    }

    /** The identifier the event store would have given the event: stable, so a replay finds the same entry. */
    static String eventId(Recorded r) {
        return UUID.nameUUIDFromBytes((r.aggregateId() + "#" + r.sequenceNumber()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The event as a tracking processor delivers it, with the metadata its command carried. */
    static GenericDomainEventMessage<Object> message(Recorded r, Map<String, ?> metaData) {
        String type = r.payload() instanceof ContractEvent ? "Contract" : "Fund";
        return new GenericDomainEventMessage<>(type, r.aggregateId(), r.sequenceNumber(), r.payload(), MetaData.from(metaData),
                eventId(r), r.timestamp());
    }

    void reset() {
        projection.reset();
    }

    void applyAll(List<Recorded> events) {
        events.forEach(this::apply);
    }

    /** Delivers a fund event to the projection; contract events have no handler there and are passed by, as Axon would. */
    void apply(Recorded r) {
        apply(r, Map.of());
    }

    void apply(Recorded r, Map<String, ?> metaData) {
        if (r.payload() instanceof FundEvent event) {
            projection.on(event, message(r, metaData));
        }
    }

    /** Delivers the events in batches of {@code size}, each as a tracking processor handles one (see {@link #inBatch}). */
    void inBatches(List<Recorded> events, int size) {
        for (int start = 0; start < events.size(); start += size) {
            inBatch(events.subList(start, Math.min(start + size, events.size())));
        }
    }

    /**
     * One batch as a tracking processor handles it: one {@link BatchingUnitOfWork} with one
     * transaction, the entries written when it commits. Contract events are passed by, as Axon would.
     */
    void inBatch(List<Recorded> events) {
        ProcessorBatches.inBatch(transactionManager, events.stream().<EventMessage<?>>map(r -> message(r, Map.of())).toList(), message -> {
            if (message.getPayload() instanceof FundEvent event) {
                projection.on(event, message);
            }
        });
    }

    Map<String, List<Map<String, Object>>> dump() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("journal_entry", jdbc.sql("SELECT * FROM journal_entry ORDER BY entry_id").query().listOfRows());
        tables.put("journal_line", jdbc.sql("SELECT * FROM journal_line ORDER BY entry_id, line_no").query().listOfRows());
        tables.put("journal_balance", jdbc.sql("SELECT * FROM journal_balance ORDER BY fund_id, currency, account, book").query().listOfRows());
        tables.put("journal_fund_total", jdbc.sql("SELECT * FROM journal_fund_total ORDER BY fund_id, currency").query().listOfRows());
        tables.put("journal_period_balance", jdbc.sql("SELECT * FROM journal_period_balance ORDER BY fund_id, currency, period_start, account, book")
                .query().listOfRows());
        tables.put("journal_period_total", jdbc.sql("SELECT * FROM journal_period_total ORDER BY fund_id, currency, period_start").query().listOfRows());
        return tables;
    }

    /** The lines of one entry as "account subledger debit credit" strings, in line order. */
    List<String> lines(String entryId) {
        return jdbc.sql("SELECT account, subledger, debit, credit FROM journal_line WHERE entry_id = :id ORDER BY line_no")
                .param("id", entryId)
                .query((rs, row) -> rs.getString("account") + " " + rs.getString("subledger") + " "
                        + rs.getBigDecimal("debit").toPlainString() + " " + rs.getBigDecimal("credit").toPlainString())
                .list();
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
