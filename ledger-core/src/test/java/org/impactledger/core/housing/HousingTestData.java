package org.impactledger.core.housing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.impactledger.core.housing.command.AcquireProperty;
import org.impactledger.core.housing.command.CancelRentCharge;
import org.impactledger.core.housing.command.ChargeRent;
import org.impactledger.core.housing.command.CollectRent;
import org.impactledger.core.housing.command.EndLease;
import org.impactledger.core.housing.command.ReverseRentCollection;
import org.impactledger.core.housing.command.SignLease;
import org.impactledger.core.housing.event.LeaseEnded;
import org.impactledger.core.housing.event.LeaseSigned;
import org.impactledger.core.housing.event.PropertyAcquired;
import org.impactledger.core.housing.event.RentChargeCancelled;
import org.impactledger.core.housing.event.RentCharged;
import org.impactledger.core.housing.event.RentCollected;
import org.impactledger.core.housing.event.RentCollectionReversed;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.HouseholdId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.shared.UnitId;

/**
 * One Homes4All property in Barriera di Milano with three flats, and the tenancies on them.
 * Commands and the events they should produce come from the same values, so a test changes only
 * what it is about.
 */
final class HousingTestData {

    static final PropertyId PROPERTY = PropertyId.of("P-VIA-CIGNA-14");
    static final FundId FUND = FundId.of("F-HOMES4ALL");
    static final String EUR = "EUR";
    static final String ADDRESS = "Via Cigna 14, Torino";
    static final String DISTRICT = "6";
    static final Money PRICE = eur("420000.00");
    static final LocalDate ACQUIRED = date("2025-01-15");

    static final UnitId U1 = UnitId.of("U-1");
    static final UnitId U2 = UnitId.of("U-2");
    static final UnitId U3 = UnitId.of("U-3");

    private HousingTestData() {
    }

    static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    // ---------------------------------------------------------------- the property

    static PropertyUnit unit(UnitId unitId, String areaSqm, int rooms, Money marketRent) {
        return new PropertyUnit(unitId, areaSqm == null ? null : new BigDecimal(areaSqm), rooms, marketRent);
    }

    /** Two rooms, let at 400.00 against a market rent of 620.00 by default. */
    static PropertyUnit flat1() {
        return unit(U1, "48.50", 2, eur("620.00"));
    }

    static PropertyUnit flat2() {
        return unit(U2, "65.00", 3, eur("780.00"));
    }

    static PropertyUnit flat3() {
        return unit(U3, "32", 1, eur("450.00"));
    }

    static List<PropertyUnit> units() {
        return List.of(flat1(), flat2(), flat3());
    }

    static AcquireProperty acquire() {
        return acquire(DISTRICT, units());
    }

    static AcquireProperty acquire(String district, List<PropertyUnit> units) {
        return new AcquireProperty(PROPERTY, FUND, ADDRESS, district, PRICE, ACQUIRED, units);
    }

    static AcquireProperty acquire(List<PropertyUnit> units) {
        return acquire(DISTRICT, units);
    }

    static PropertyAcquired acquired() {
        return acquired(units());
    }

    static PropertyAcquired acquired(List<PropertyUnit> units) {
        return new PropertyAcquired(PROPERTY, FUND, ADDRESS, DISTRICT, PRICE, ACQUIRED, units);
    }

    /** The property acquired, followed by the given events and (nested) lists of events, flattened. */
    static List<Object> propertyWith(Object... eventsOrLists) {
        List<Object> events = new ArrayList<>();
        events.add(acquired());
        flatten(List.of(eventsOrLists), events);
        return events;
    }

    private static void flatten(Collection<?> items, List<Object> into) {
        for (Object item : items) {
            if (item instanceof Collection<?> many) {
                flatten(many, into);
            } else {
                into.add(item);
            }
        }
    }

    // ---------------------------------------------------------------- tenancies

    /** A lease with sensible defaults: flat U-1 let to a household of three at 400.00 (market 620.00) from 1 February 2025. */
    static LeaseSpec lease(String leaseId) {
        return new LeaseSpec(leaseId);
    }

    /** Builds the commands and events of one tenancy's life from one set of values. */
    static final class LeaseSpec {
        private final String leaseId;
        private UnitId unitId = U1;
        private String household = "HH-0001";
        private int householdSize = 3;
        private Money monthlyRent = eur("400.00");
        private Money marketRent = eur("620.00");
        private LocalDate startDate = date("2025-02-01");

        private LeaseSpec(String leaseId) {
            this.leaseId = leaseId;
        }

        LeaseSpec unit(UnitId value) {
            unitId = value;
            return this;
        }

        LeaseSpec household(String value) {
            household = value;
            return this;
        }

        LeaseSpec size(int value) {
            householdSize = value;
            return this;
        }

        LeaseSpec rent(Money value) {
            monthlyRent = value;
            return this;
        }

        LeaseSpec rent(String amount) {
            return rent(eur(amount));
        }

        LeaseSpec market(Money value) {
            marketRent = value;
            return this;
        }

        LeaseSpec market(String amount) {
            return market(eur(amount));
        }

        LeaseSpec from(String isoDate) {
            startDate = isoDate == null ? null : date(isoDate);
            return this;
        }

        LeaseId id() {
            return LeaseId.of(leaseId);
        }

        Money monthlyRent() {
            return monthlyRent;
        }

        SignLease sign() {
            return new SignLease(PROPERTY, id(), unitId, household == null ? null : HouseholdId.of(household), householdSize, monthlyRent,
                    marketRent, startDate);
        }

        LeaseSigned signed() {
            return new LeaseSigned(PROPERTY, FUND, id(), unitId, HouseholdId.of(household), householdSize, monthlyRent, marketRent, startDate);
        }

        ChargeRent charge(String period) {
            return new ChargeRent(PROPERTY, id(), period);
        }

        RentCharged charged(String period) {
            return new RentCharged(PROPERTY, id(), period, monthlyRent);
        }

        CollectRent collect(String collectionId, String period, String amount, String paymentDate) {
            return new CollectRent(PROPERTY, id(), collectionId, period, eur(amount), date(paymentDate), "SEPA-" + collectionId);
        }

        RentCollected collected(String collectionId, String period, String amount, String paymentDate, String outstanding) {
            return new RentCollected(PROPERTY, id(), collectionId, period, eur(amount), date(paymentDate), "SEPA-" + collectionId,
                    eur(outstanding));
        }

        ReverseRentCollection reverse(String collectionId, String reason, String reversedOn) {
            return new ReverseRentCollection(PROPERTY, collectionId, reason, reversedOn == null ? null : date(reversedOn));
        }

        RentCollectionReversed reversed(String collectionId, String period, String amount, String reason, String reversedOn,
                                        String outstanding) {
            return new RentCollectionReversed(PROPERTY, id(), collectionId, period, eur(amount), reason, date(reversedOn), eur(outstanding));
        }

        CancelRentCharge cancel(String period, String reason) {
            return new CancelRentCharge(PROPERTY, id(), period, reason);
        }

        RentChargeCancelled cancelled(String period, String reason) {
            return new RentChargeCancelled(PROPERTY, id(), period, monthlyRent, reason);
        }

        EndLease end(String endDate, LeaseEndReason reason, String note) {
            return new EndLease(PROPERTY, id(), endDate == null ? null : date(endDate), reason, note);
        }

        LeaseEnded ended(String endDate, LeaseEndReason reason, String note) {
            return new LeaseEnded(PROPERTY, id(), unitId, HouseholdId.of(household), date(endDate), reason, note);
        }
    }
}
