package org.impactledger.projections.housing;

import static org.impactledger.projections.state.JdbcValues.date;
import static org.impactledger.projections.state.JdbcValues.money;
import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.impactledger.core.housing.TurinDistrict;
import org.impactledger.core.housing.query.FindHousingReport;
import org.impactledger.core.housing.query.FindLease;
import org.impactledger.core.housing.query.FindProperty;
import org.impactledger.core.housing.query.ListProperties;
import org.impactledger.projections.state.Page;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the Homes4All queries: properties, a property with its units and current leases, and a
 * lease with its rent ledger from the current-state tables; the housing report from the facts only
 * ({@code housing_fact}), so that it can be asked as of a business date and as known at a recording
 * time (see {@link HousingFacts} for the selection and the fold).
 *
 * <p>A {@code Find…} for an unknown id answers {@code null} (the API turns it into a 404); lists are
 * ordered by id so that pages are stable.
 */
@Component
public class HousingQueries {

    private static final RowMapper<PropertyView> PROPERTY = (rs, row) -> new PropertyView(
            rs.getString("property_id"),
            rs.getString("fund_id"),
            rs.getString("address_label"),
            rs.getString("district"),
            TurinDistrict.of(rs.getString("district"), "district").label(),
            rs.getString("currency"),
            money(rs, "acquisition_price"),
            date(rs, "acquired_on"),
            rs.getInt("unit_count"),
            rs.getInt("occupied_units"),
            money(rs, "latest_valuation"),
            date(rs, "latest_valuation_date"),
            rs.getString("latest_valuation_method"),
            rs.getLong("last_event_index"));

    private final JdbcClient jdbc;

    public HousingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public PropertyPage handle(ListProperties query) {
        int size = Page.cappedSize(query.size());
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.fundId() != null) {
            where.append(" AND fund_id = :fundId");
            params.put("fundId", query.fundId().value());
        }
        if (query.district() != null) {
            where.append(" AND district = :district");
            params.put("district", query.district());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM housing_property" + where).params(params).query(Long.class).single();
        List<PropertyView> items = jdbc.sql("SELECT * FROM housing_property" + where + " ORDER BY property_id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size)
                .param("offset", Page.offset(query.page(), size))
                .query(PROPERTY)
                .list();
        return new PropertyPage(items, query.page(), size, total);
    }

    /** @return the property with its units, or {@code null} when there is no such property */
    @QueryHandler
    public PropertyDetailView handle(FindProperty query) {
        PropertyView property = jdbc.sql("SELECT * FROM housing_property WHERE property_id = :propertyId")
                .param("propertyId", query.propertyId().value())
                .query(PROPERTY)
                .optional()
                .orElse(null);
        if (property == null) {
            return null;
        }
        List<UnitView> units = jdbc.sql("""
                        SELECT u.unit_id, u.area_sqm, u.rooms, u.market_rent AS unit_market_rent, l.lease_id, l.household_id, l.household_size,
                            l.monthly_rent, l.market_rent, l.start_date, l.rent_due - l.rent_collected AS arrears
                        FROM housing_unit u
                        LEFT JOIN housing_lease l ON l.property_id = u.property_id AND l.lease_id = u.current_lease_id
                        WHERE u.property_id = :propertyId
                        ORDER BY u.position""")
                .param("propertyId", query.propertyId().value())
                .query((rs, row) -> new UnitView(rs.getString("unit_id"), area(rs.getBigDecimal("area_sqm")), rs.getInt("rooms"),
                        money(rs, "unit_market_rent"),
                        rs.getString("lease_id") == null ? null : new CurrentLeaseView(rs.getString("lease_id"), rs.getString("household_id"),
                                rs.getInt("household_size"), money(rs, "monthly_rent"), money(rs, "market_rent"), date(rs, "start_date"),
                                money(rs, "arrears"))))
                .list();
        return new PropertyDetailView(property, units);
    }

    /** @return the lease with its rent ledger, or {@code null} when the property has no such lease */
    @QueryHandler
    public LeaseView handle(FindLease query) {
        Map<String, Object> key = Map.of("propertyId", query.propertyId().value(), "leaseId", query.leaseId().value());
        Map<String, List<RentCollectionView>> collections = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT * FROM housing_rent_collection WHERE property_id = :propertyId AND lease_id = :leaseId
                        ORDER BY period, payment_date, collection_id""")
                .params(key)
                .query((rs, row) -> Map.entry(rs.getString("period"), new RentCollectionView(rs.getString("collection_id"), money(rs, "amount"),
                        date(rs, "payment_date"), rs.getString("bank_reference"), date(rs, "reversed_on"), rs.getString("reversal_reason"))))
                .list()
                .forEach(c -> collections.computeIfAbsent(c.getKey(), p -> new ArrayList<>()).add(c.getValue()));
        List<RentMonthView> months = jdbc.sql("""
                        SELECT period, due, collected FROM housing_rent_month WHERE property_id = :propertyId AND lease_id = :leaseId
                        ORDER BY period""")
                .params(key)
                .query((rs, row) -> new RentMonthView(rs.getString("period"), money(rs, "due"), money(rs, "collected"),
                        money(rs, "due").subtract(money(rs, "collected")), List.copyOf(collections.getOrDefault(rs.getString("period"), List.of()))))
                .list();
        return jdbc.sql("""
                        SELECT l.*, p.currency FROM housing_lease l JOIN housing_property p ON p.property_id = l.property_id
                        WHERE l.property_id = :propertyId AND l.lease_id = :leaseId""")
                .params(key)
                .query((rs, row) -> new LeaseView(rs.getString("property_id"), rs.getString("lease_id"), rs.getString("fund_id"),
                        rs.getString("unit_id"), rs.getString("household_id"), rs.getInt("household_size"), rs.getString("currency"),
                        money(rs, "monthly_rent"), money(rs, "market_rent"), money(rs, "market_rent").subtract(money(rs, "monthly_rent")),
                        date(rs, "start_date"), date(rs, "end_date"), rs.getString("end_reason"), rs.getString("end_note"),
                        rs.getObject("end_date") == null, money(rs, "rent_due"), money(rs, "rent_collected"),
                        money(rs, "rent_due").subtract(money(rs, "rent_collected")), months))
                .optional()
                .orElse(null);
    }

    /** Facts the driver fetches at a time for the report. */
    static final int FETCH_SIZE = 2_000;

    /**
     * The facts recorded by {@code knownAt} whose business date is on or before {@code asOf}, and
     * every cancelled charge known by then (a correction counts whatever its date), of the
     * selected fund and district, in the order of each property's stream.
     */
    @QueryHandler
    public HousingReport handle(FindHousingReport query) {
        StringBuilder sql = new StringBuilder("""
                SELECT * FROM housing_fact
                WHERE recorded_at <= :knownAt AND (business_date <= :asOf OR event_type = 'RentChargeCancelled')""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("knownAt", utc(query.knownAt().truncatedTo(ChronoUnit.MICROS)));
        params.put("asOf", query.asOf());
        if (query.fundId() != null) {
            sql.append(" AND fund_id = :fundId");
            params.put("fundId", query.fundId().value());
        }
        if (query.district() != null) {
            sql.append(" AND district = :district");
            params.put("district", query.district());
        }
        sql.append(" ORDER BY property_id, seq");
        // folded row by row as the driver fetches them (in the query's transaction), not collected first: the facts grow
        // with every rent month and collection of every unit
        HousingFacts facts = new HousingFacts();
        jdbc.sql(sql.toString())
                .params(params)
                .withFetchSize(FETCH_SIZE)
                .query((RowCallbackHandler) rs -> facts.apply(new HousingFacts.Row(rs.getString("property_id"), rs.getString("district"), rs.getString("currency"),
                        rs.getString("event_type"), date(rs, "business_date"), rs.getString("lease_id"), rs.getString("household_id"),
                        rs.getString("period"), rs.getString("collection_id"), money(rs, "amount"), money(rs, "market_rent"),
                        rs.getString("end_reason"), rs.getObject("units", Integer.class))));
        return new HousingReport(query.fundId() == null ? null : query.fundId().value(), query.district(), query.asOf(), query.knownAt(),
                facts.sections(query.asOf()));
    }

    /** A floor area in canonical form (the column keeps two decimals: 65.00 comes back as 65, 48.50 as 48.5). */
    private static BigDecimal area(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
