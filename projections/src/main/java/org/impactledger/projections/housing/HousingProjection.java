package org.impactledger.projections.housing;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.impactledger.core.housing.PropertyUnit;
import org.impactledger.core.housing.event.LeaseEnded;
import org.impactledger.core.housing.event.LeaseSigned;
import org.impactledger.core.housing.event.PropertyAcquired;
import org.impactledger.core.housing.event.PropertyEvent;
import org.impactledger.core.housing.event.PropertyValuationRecorded;
import org.impactledger.core.housing.event.RentChargeCancelled;
import org.impactledger.core.housing.event.RentCharged;
import org.impactledger.core.housing.event.RentCollected;
import org.impactledger.core.housing.event.RentCollectionReversed;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.projections.report.FactStamp;
import org.impactledger.projections.state.ReadModelTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Homes4All read model, in its own tracking processor ({@value #PROCESSING_GROUP}): where each
 * property, unit, lease and month of rent stands now ({@code housing_property}, {@code housing_unit},
 * {@code housing_lease}, {@code housing_rent_month}, {@code housing_rent_collection}) and one fact per
 * property event ({@code housing_fact}) for the housing report, which must answer "as of" a business
 * date and "as known at" a recording time from what was recorded, not from the current rows.
 *
 * <h2>Idempotent</h2>
 * Every property event carries its number in the property's own stream ({@code @SequenceNumber});
 * {@code housing_property.last_event_index} keeps the number of the last event applied. Each event
 * first moves that index forward with a conditional update ({@code ... WHERE last_event_index < :seq})
 * and changes the other rows and writes its fact only if that update hit the row, all in one
 * transaction (which joins the processor's when there is one). A redelivered event changes nothing.
 * The acquisition creates the row and is inserted only if absent. A token reset empties every table
 * ({@link #reset()}); the replay writes the same rows again, because every value comes from the stored
 * events (identifiers, dates, timestamps), never from the clock.
 *
 * <p>Assumes what the property aggregate guarantees: {@code PropertyAcquired} comes first in the
 * property's stream and every later event refers to units, leases, months and collections it created.
 * An event for a property that has no row is logged and skipped.
 */
@Component
@ProcessingGroup(HousingProjection.PROCESSING_GROUP)
public class HousingProjection {

    public static final String PROCESSING_GROUP = "housing";

    private static final Logger log = LoggerFactory.getLogger(HousingProjection.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;

    public HousingProjection(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @EventHandler
    public void on(PropertyEvent event, EventMessage<?> message, @SequenceNumber long sequenceNumber) {
        transaction.executeWithoutResult(status -> apply(event, message, sequenceNumber));
    }

    /** Before a replay from the start: empty the tables so the replay rebuilds them from zero. */
    @ResetHandler
    public void reset() {
        transaction.executeWithoutResult(status -> ReadModelTables.empty(template, "housing_fact", "housing_rent_collection",
                "housing_rent_month", "housing_lease", "housing_unit", "housing_property"));
    }

    private void apply(PropertyEvent event, EventMessage<?> message, long seq) {
        if (event instanceof PropertyAcquired e) {
            acquired(e, message, seq);
            return;
        }
        if (!advance(event.propertyId(), seq)) {
            return;
        }
        Owner owner = owner(event.propertyId());
        if (event instanceof PropertyValuationRecorded e) {
            valued(e);
            fact(owner, seq, FactStamp.of(message, e.asOf()), event, new Fact().amount(e.value().amount()));
        } else if (event instanceof LeaseSigned e) {
            signed(e);
            fact(owner, seq, FactStamp.of(message, e.startDate()), event, new Fact().lease(e.leaseId().value()).unit(e.unitId().value())
                    .household(e.householdId().value(), e.householdSize()).amount(e.monthlyRent().amount()).marketRent(e.marketRent().amount()));
        } else if (event instanceof LeaseEnded e) {
            ended(e);
            fact(owner, seq, FactStamp.of(message, e.endDate()), event, new Fact().lease(e.leaseId().value()).unit(e.unitId().value())
                    .household(e.householdId().value(), null).endReason(e.reason().name()));
        } else if (event instanceof RentCharged e) {
            charged(e);
            fact(owner, seq, FactStamp.of(message, YearMonth.parse(e.period()).atDay(1)), event, new Fact().lease(e.leaseId().value())
                    .period(e.period()).amount(e.amountDue().amount()));
        } else if (event instanceof RentChargeCancelled e) {
            cancelled(e);
            // a correction: its own date is the business date its command carried (the report applies it to every as-of date)
            fact(owner, seq, FactStamp.of(message, null), event, new Fact().lease(e.leaseId().value()).period(e.period())
                    .amount(e.amountDue().amount()));
        } else if (event instanceof RentCollected e) {
            collected(e);
            fact(owner, seq, FactStamp.of(message, e.paymentDate()), event, new Fact().lease(e.leaseId().value()).period(e.period())
                    .collection(e.collectionId()).amount(e.amount().amount()));
        } else if (event instanceof RentCollectionReversed e) {
            reversed(e);
            fact(owner, seq, FactStamp.of(message, e.reversedOn()), event, new Fact().lease(e.leaseId().value()).period(e.period())
                    .collection(e.collectionId()).amount(e.amount().amount()));
        } else {
            throw new IllegalStateException("no housing projection for property event " + event.getClass().getName());
        }
    }

    // ---------------------------------------------------------------- current state

    private void acquired(PropertyAcquired e, EventMessage<?> message, long seq) {
        if (exists(e.propertyId())) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO housing_property (property_id, fund_id, address_label, district, currency, acquisition_price, acquired_on,
                            unit_count, occupied_units, last_event_index)
                        VALUES (:propertyId, :fundId, :addressLabel, :district, :currency, :price, :acquiredOn, :units, 0, :seq)""")
                .param("propertyId", e.propertyId().value())
                .param("fundId", e.fundId().value())
                .param("addressLabel", e.addressLabel())
                .param("district", e.district())
                .param("currency", e.acquisitionPrice().currency())
                .param("price", e.acquisitionPrice().amount())
                .param("acquiredOn", e.acquiredOn())
                .param("units", e.units().size())
                .param("seq", seq)
                .update();
        List<PropertyUnit> units = e.units();
        for (int i = 0; i < units.size(); i++) {
            PropertyUnit unit = units.get(i);
            jdbc.sql("""
                            INSERT INTO housing_unit (property_id, unit_id, position, area_sqm, rooms, market_rent)
                            VALUES (:propertyId, :unitId, :position, :area, :rooms, :marketRent)""")
                    .param("propertyId", e.propertyId().value())
                    .param("unitId", unit.unitId().value())
                    .param("position", i)
                    .param("area", unit.areaSqm())
                    .param("rooms", unit.rooms())
                    .param("marketRent", unit.marketRent().amount())
                    .update();
        }
        Owner owner = new Owner(e.fundId().value(), e.district(), e.acquisitionPrice().currency());
        fact(owner, seq, FactStamp.of(message, e.acquiredOn()), e, new Fact().amount(e.acquisitionPrice().amount()).units(units.size()));
    }

    /** The latest valuation by date wins; a later one for the same date supersedes; a back-dated one does not replace a newer date. */
    private void valued(PropertyValuationRecorded e) {
        jdbc.sql("""
                        UPDATE housing_property SET latest_valuation = :value, latest_valuation_date = :asOf, latest_valuation_method = :method
                        WHERE property_id = :propertyId AND (latest_valuation_date IS NULL OR latest_valuation_date <= :asOf)""")
                .param("value", e.value().amount())
                .param("asOf", e.asOf())
                .param("method", truncate(e.method(), 200))
                .param("propertyId", e.propertyId().value())
                .update();
    }

    private void signed(LeaseSigned e) {
        jdbc.sql("""
                        INSERT INTO housing_lease (property_id, lease_id, fund_id, unit_id, household_id, household_size, monthly_rent, market_rent,
                            start_date, rent_due, rent_collected)
                        VALUES (:propertyId, :leaseId, :fundId, :unitId, :householdId, :size, :rent, :marketRent, :startDate, 0, 0)""")
                .param("propertyId", e.propertyId().value())
                .param("leaseId", e.leaseId().value())
                .param("fundId", e.fundId().value())
                .param("unitId", e.unitId().value())
                .param("householdId", e.householdId().value())
                .param("size", e.householdSize())
                .param("rent", e.monthlyRent().amount())
                .param("marketRent", e.marketRent().amount())
                .param("startDate", e.startDate())
                .update();
        setCurrentLease(e.propertyId(), e.unitId().value(), e.leaseId().value());
        jdbc.sql("UPDATE housing_property SET occupied_units = occupied_units + 1 WHERE property_id = :propertyId")
                .param("propertyId", e.propertyId().value())
                .update();
    }

    private void ended(LeaseEnded e) {
        jdbc.sql("""
                        UPDATE housing_lease SET end_date = :endDate, end_reason = :reason, end_note = :note
                        WHERE property_id = :propertyId AND lease_id = :leaseId""")
                .param("endDate", e.endDate())
                .param("reason", e.reason().name())
                .param("note", truncate(e.note(), 200))
                .param("propertyId", e.propertyId().value())
                .param("leaseId", e.leaseId().value())
                .update();
        setCurrentLease(e.propertyId(), e.unitId().value(), null);
        jdbc.sql("UPDATE housing_property SET occupied_units = occupied_units - 1 WHERE property_id = :propertyId")
                .param("propertyId", e.propertyId().value())
                .update();
    }

    private void charged(RentCharged e) {
        jdbc.sql("INSERT INTO housing_rent_month (property_id, lease_id, period, due, collected) VALUES (:propertyId, :leaseId, :period, :due, 0)")
                .param("propertyId", e.propertyId().value())
                .param("leaseId", e.leaseId().value())
                .param("period", e.period())
                .param("due", e.amountDue().amount())
                .update();
        changeLease(e.propertyId(), e.leaseId().value(), "rent_due = rent_due + :amount", e.amountDue().amount());
    }

    private void cancelled(RentChargeCancelled e) {
        jdbc.sql("DELETE FROM housing_rent_month WHERE property_id = :propertyId AND lease_id = :leaseId AND period = :period")
                .param("propertyId", e.propertyId().value())
                .param("leaseId", e.leaseId().value())
                .param("period", e.period())
                .update();
        changeLease(e.propertyId(), e.leaseId().value(), "rent_due = rent_due - :amount", e.amountDue().amount());
    }

    private void collected(RentCollected e) {
        changeMonth(e.propertyId(), e.leaseId().value(), e.period(), "collected = collected + :amount", e.amount().amount());
        changeLease(e.propertyId(), e.leaseId().value(), "rent_collected = rent_collected + :amount", e.amount().amount());
        jdbc.sql("""
                        INSERT INTO housing_rent_collection (property_id, collection_id, lease_id, period, amount, payment_date, bank_reference)
                        VALUES (:propertyId, :collectionId, :leaseId, :period, :amount, :paymentDate, :bankReference)""")
                .param("propertyId", e.propertyId().value())
                .param("collectionId", e.collectionId())
                .param("leaseId", e.leaseId().value())
                .param("period", e.period())
                .param("amount", e.amount().amount())
                .param("paymentDate", e.paymentDate())
                .param("bankReference", truncate(e.bankReference(), 200))
                .update();
    }

    private void reversed(RentCollectionReversed e) {
        changeMonth(e.propertyId(), e.leaseId().value(), e.period(), "collected = collected - :amount", e.amount().amount());
        changeLease(e.propertyId(), e.leaseId().value(), "rent_collected = rent_collected - :amount", e.amount().amount());
        jdbc.sql("""
                        UPDATE housing_rent_collection SET reversed_on = :reversedOn, reversal_reason = :reason
                        WHERE property_id = :propertyId AND collection_id = :collectionId""")
                .param("reversedOn", e.reversedOn())
                .param("reason", truncate(e.reason(), 200))
                .param("propertyId", e.propertyId().value())
                .param("collectionId", e.collectionId())
                .update();
    }

    private void setCurrentLease(PropertyId propertyId, String unitId, String leaseId) {
        jdbc.sql("UPDATE housing_unit SET current_lease_id = :leaseId WHERE property_id = :propertyId AND unit_id = :unitId")
                .param("leaseId", leaseId)
                .param("propertyId", propertyId.value())
                .param("unitId", unitId)
                .update();
    }

    /** {@code assignment} is one of this class's constants, never input. */
    private void changeLease(PropertyId propertyId, String leaseId, String assignment, BigDecimal amount) {
        jdbc.sql("UPDATE housing_lease SET " + assignment + " WHERE property_id = :propertyId AND lease_id = :leaseId")
                .param("amount", amount)
                .param("propertyId", propertyId.value())
                .param("leaseId", leaseId)
                .update();
    }

    /** {@code assignment} is one of this class's constants, never input. */
    private void changeMonth(PropertyId propertyId, String leaseId, String period, String assignment, BigDecimal amount) {
        jdbc.sql("UPDATE housing_rent_month SET " + assignment + " WHERE property_id = :propertyId AND lease_id = :leaseId AND period = :period")
                .param("amount", amount)
                .param("propertyId", propertyId.value())
                .param("leaseId", leaseId)
                .param("period", period)
                .update();
    }

    /**
     * Moves the property's {@code last_event_index} to {@code seq} if this event is newer than the last one applied.
     *
     * @return whether the event is new, so that its changes are to be made
     */
    private boolean advance(PropertyId propertyId, long seq) {
        int updated = jdbc.sql("UPDATE housing_property SET last_event_index = :seq WHERE property_id = :propertyId AND last_event_index < :seq")
                .param("seq", seq)
                .param("propertyId", propertyId.value())
                .update();
        if (updated == 1) {
            return true;
        }
        if (!exists(propertyId)) {
            log.warn("Skipped property event #{} for property {}, which has no row in housing_property", seq, propertyId);
        }
        return false;
    }

    private boolean exists(PropertyId propertyId) {
        return jdbc.sql("SELECT COUNT(*) FROM housing_property WHERE property_id = :propertyId")
                .param("propertyId", propertyId.value())
                .query(Long.class)
                .single() > 0;
    }

    // ---------------------------------------------------------------- facts

    /** What every fact of a property repeats: its fund, district and currency. */
    private record Owner(String fundId, String district, String currency) {
    }

    private Owner owner(PropertyId propertyId) {
        return jdbc.sql("SELECT fund_id, district, currency FROM housing_property WHERE property_id = :propertyId")
                .param("propertyId", propertyId.value())
                .query((rs, row) -> new Owner(rs.getString("fund_id"), rs.getString("district"), rs.getString("currency")))
                .single();
    }

    /** The optional columns of a fact. */
    private static final class Fact {
        private final Map<String, Object> columns = new HashMap<>();

        Fact lease(String leaseId) {
            columns.put("leaseId", leaseId);
            return this;
        }

        Fact unit(String unitId) {
            columns.put("unitId", unitId);
            return this;
        }

        Fact household(String householdId, Integer size) {
            columns.put("householdId", householdId);
            columns.put("householdSize", size);
            return this;
        }

        Fact period(String period) {
            columns.put("period", period);
            return this;
        }

        Fact collection(String collectionId) {
            columns.put("collectionId", collectionId);
            return this;
        }

        Fact amount(BigDecimal amount) {
            columns.put("amount", amount);
            return this;
        }

        Fact marketRent(BigDecimal marketRent) {
            columns.put("marketRent", marketRent);
            return this;
        }

        Fact endReason(String reason) {
            columns.put("endReason", reason);
            return this;
        }

        Fact units(int units) {
            columns.put("units", units);
            return this;
        }
    }

    private void fact(Owner owner, long seq, FactStamp stamp, PropertyEvent event, Fact fact) {
        LocalDate businessDate = stamp.businessDate();
        jdbc.sql("""
                        INSERT INTO housing_fact (event_id, property_id, seq, fund_id, district, currency, event_type, business_date, recorded_at,
                            principal, lease_id, unit_id, household_id, household_size, period, collection_id, amount, market_rent, end_reason, units)
                        VALUES (:eventId, :propertyId, :seq, :fundId, :district, :currency, :eventType, :businessDate, :recordedAt,
                            :principal, :leaseId, :unitId, :householdId, :householdSize, :period, :collectionId, :amount, :marketRent, :endReason, :units)""")
                .param("eventId", stamp.eventId())
                .param("propertyId", event.propertyId().value())
                .param("seq", seq)
                .param("fundId", owner.fundId())
                .param("district", owner.district())
                .param("currency", owner.currency())
                .param("eventType", event.getClass().getSimpleName())
                .param("businessDate", businessDate)
                .param("recordedAt", utc(stamp.recordedAt().truncatedTo(ChronoUnit.MICROS)))
                .param("principal", truncate(stamp.principal(), 255))
                .param("leaseId", fact.columns.get("leaseId"), java.sql.Types.VARCHAR)
                .param("unitId", fact.columns.get("unitId"), java.sql.Types.VARCHAR)
                .param("householdId", fact.columns.get("householdId"), java.sql.Types.VARCHAR)
                .param("householdSize", fact.columns.get("householdSize"), java.sql.Types.INTEGER)
                .param("period", fact.columns.get("period"), java.sql.Types.VARCHAR)
                .param("collectionId", fact.columns.get("collectionId"), java.sql.Types.VARCHAR)
                .param("amount", fact.columns.get("amount"), java.sql.Types.NUMERIC)
                .param("marketRent", fact.columns.get("marketRent"), java.sql.Types.NUMERIC)
                .param("endReason", fact.columns.get("endReason"), java.sql.Types.VARCHAR)
                .param("units", fact.columns.get("units"), java.sql.Types.INTEGER)
                .update();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
