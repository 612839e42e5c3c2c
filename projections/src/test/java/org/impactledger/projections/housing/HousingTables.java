package org.impactledger.projections.housing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.impactledger.core.housing.event.PropertyEvent;
import org.impactledger.core.housing.query.FindHousingReport;
import org.impactledger.core.shared.FundId;
import org.impactledger.infra.messaging.LedgerMetaData;
import org.impactledger.projections.state.Recorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The housing projection and its queries wired by hand on one data source, a feed that hands each
 * recorded property event to the projection as a tracking processor would (a domain event message
 * with a stable identifier, its sequence number, timestamp and metadata), and a dump of every table
 * for row-by-row comparisons.
 */
final class HousingTables {

    static final List<String> TABLES = List.of("housing_property", "housing_unit", "housing_lease", "housing_rent_month",
            "housing_rent_collection", "housing_fact");

    /** The business date the commands of the history carried (used where an event has no date of its own). */
    static final String COMMAND_DATE = "2026-07-01";

    final JdbcClient jdbc;
    final HousingProjection projection;
    final HousingQueries queries;

    HousingTables(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.projection = new HousingProjection(jdbc, new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource));
        this.queries = new HousingQueries(jdbc);
    }

    /** The identifier the event store would have given the event: stable, so a replay finds the same fact. */
    static String eventId(Recorded r) {
        return UUID.nameUUIDFromBytes((r.aggregateId() + "#" + r.sequenceNumber()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    void reset() {
        projection.reset();
    }

    void applyAll(List<Recorded> events) {
        events.forEach(this::apply);
    }

    /** Delivers a property event to the projection; other events have no handler there and are passed by, as Axon would. */
    void apply(Recorded r) {
        if (r.payload() instanceof PropertyEvent event) {
            GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Property", r.aggregateId(), r.sequenceNumber(),
                    r.payload(), MetaData.from(Map.of(LedgerMetaData.BUSINESS_DATE, COMMAND_DATE, LedgerMetaData.PRINCIPAL, "manager-anna")),
                    eventId(r), r.timestamp());
            projection.on(event, message, r.sequenceNumber());
        }
    }

    HousingReport report(String asOf, Instant knownAt) {
        return queries.handle(new FindHousingReport(null, null, LocalDate.parse(asOf), knownAt));
    }

    HousingReport report(FundId fundId, String district, String asOf, Instant knownAt) {
        return queries.handle(new FindHousingReport(fundId, district, LocalDate.parse(asOf), knownAt));
    }

    Map<String, List<Map<String, Object>>> dump() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, jdbc.sql("SELECT * FROM " + table).query().listOfRows().stream()
                    .sorted(java.util.Comparator.comparing(Object::toString)).toList());
        }
        return tables;
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
