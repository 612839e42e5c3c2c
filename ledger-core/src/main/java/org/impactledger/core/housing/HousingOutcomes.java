package org.impactledger.core.housing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.impactledger.core.housing.event.LeaseEnded;
import org.impactledger.core.housing.event.LeaseSigned;
import org.impactledger.core.housing.event.PropertyAcquired;
import org.impactledger.core.housing.event.PropertyEvent;
import org.impactledger.core.housing.event.PropertyValuationRecorded;
import org.impactledger.core.housing.event.RentChargeCancelled;
import org.impactledger.core.housing.event.RentCharged;
import org.impactledger.core.housing.event.RentCollected;
import org.impactledger.core.housing.event.RentCollectionReversed;
import org.impactledger.core.shared.HouseholdId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.taxonomy.SdgTarget;

/**
 * The social outcomes of Homes4All, derived from the property events alone, as pure functions: the
 * same events and date always give the same figures, so a projection can call them event by event
 * or over a whole history, and a rebuild gives the same rows.
 *
 * <p>Dates are business dates and inclusive: "as of" a date means at the end of that day. A lease's
 * end date is its last day, so a lease ending on the as-of date has ended by then, and one starting on
 * it is active.
 *
 * <p>Rounding: percentages are rounded half-up to two decimals (a hundredth of a percent); money is
 * never divided, so it is never rounded.
 */
public final class HousingOutcomes {

    /** Percentages are given to a hundredth of a percent, rounded half-up. */
    public static final int PERCENT_SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The housing outcomes the SDG impact report shows, each with the SDG targets it serves: 11.1
     * (access for all to adequate, safe and affordable housing), 1.2 (halve poverty in all its
     * dimensions: a lower rent burden and a way out of assisted housing) and 1.4 (equal access to
     * basic services and property).
     */
    public enum Metric {
        /** Households that signed a lease: counted once per household. */
        HOUSEHOLDS_HOUSED("HOUSING.HOUSEHOLDS_HOUSED", "Households housed under a lease", "11.1", "1.4"),
        /** Complete months households have held a lease (see {@link #completeMonths}). */
        MONTHS_OF_STABLE_HOUSING("HOUSING.STABLE_HOUSING_MONTHS", "Complete months of stable housing", "11.1"),
        /** Market rent minus rent of the running leases, per month, and as a percentage of market rent. */
        RENT_DISCOUNT("HOUSING.RENT_DISCOUNT", "Rent discount against market rent", "11.1", "1.2"),
        /** Tenancies that ended because the household moved on to autonomous housing. */
        EXITS_TO_AUTONOMY("HOUSING.EXITS_TO_AUTONOMY", "Exits to autonomous housing", "1.2", "11.1");

        private final String code;
        private final String description;
        private final List<SdgTarget> sdgTargets;

        Metric(String code, String description, String... sdgTargets) {
            this.code = code;
            this.description = description;
            this.sdgTargets = Arrays.stream(sdgTargets).map(t -> SdgTarget.parse(t, "sdgTargets")).toList();
        }

        /** The metric code under which the SDG impact report lists the outcome. */
        public String code() {
            return code;
        }

        public String description() {
            return description;
        }

        /** The SDG targets the outcome serves, checked against the 169 targets when the class loads. */
        public List<SdgTarget> sdgTargets() {
            return sdgTargets;
        }
    }

    /** A lease's rent against the market rent of its unit at signing. */
    public record RentDiscount(Money monthlyRent, Money marketRent) {

        public RentDiscount {
            Objects.requireNonNull(monthlyRent, "monthlyRent");
            Objects.requireNonNull(marketRent, "marketRent");
            marketRent.requirePositive("marketRent");
            marketRent.minus(monthlyRent); // refuses two currencies
        }

        /** Market rent minus rent, per month (exact). */
        public Money perMonth() {
            return marketRent.minus(monthlyRent);
        }

        /** The discount as a percentage of market rent, rounded half-up to two decimals. */
        public BigDecimal percent() {
            return percentOf(perMonth().amount(), marketRent.amount());
        }
    }

    /** The housing figures of a set of properties as of a date (see {@link #summarise}). */
    public record Summary(int properties, int units, int occupiedUnits, int householdsHoused, int activeLeases,
                          long monthsOfStableHousing, Money monthlyRentOfActiveLeases, Money marketRentOfActiveLeases,
                          Map<LeaseEndReason, Integer> tenanciesEnded, Money rentDue, Money rentCollected) {

        public Summary {
            tenanciesEnded = Map.copyOf(tenanciesEnded);
        }

        /** Occupied units as a percentage of all units; empty when there are no units. */
        public Optional<BigDecimal> occupancyPercent() {
            return units == 0 ? Optional.empty() : Optional.of(percentOf(BigDecimal.valueOf(occupiedUnits), BigDecimal.valueOf(units)));
        }

        /** Market rent minus rent over the running leases, per month. */
        public Money monthlyDiscount() {
            return marketRentOfActiveLeases.minus(monthlyRentOfActiveLeases);
        }

        /**
         * The average discount to market of the running leases, weighted by market rent (total discount
         * over total market rent), so that a large flat counts for what it is worth; empty without leases.
         */
        public Optional<BigDecimal> averageDiscountPercent() {
            return marketRentOfActiveLeases.isZero() ? Optional.empty()
                    : Optional.of(percentOf(monthlyDiscount().amount(), marketRentOfActiveLeases.amount()));
        }

        /** Tenancies ended by a move to autonomous housing. */
        public int exitsToAutonomy() {
            return tenanciesEnded.getOrDefault(LeaseEndReason.MOVED_TO_AUTONOMOUS_HOUSING, 0);
        }

        /** Rent charged and not collected. */
        public Money arrears() {
            return rentDue.minus(rentCollected);
        }

        /** Rent collected as a percentage of rent due; empty when nothing is due. */
        public Optional<BigDecimal> collectionPercent() {
            return rentDue.isZero() ? Optional.empty() : Optional.of(percentOf(rentCollected.amount(), rentDue.amount()));
        }

        /**
         * The quantity reported for a metric: households, months and exits are counts; the rent discount
         * is the monthly discount of the running leases, in money.
         */
        public BigDecimal quantity(Metric metric) {
            return switch (metric) {
                case HOUSEHOLDS_HOUSED -> BigDecimal.valueOf(householdsHoused);
                case MONTHS_OF_STABLE_HOUSING -> BigDecimal.valueOf(monthsOfStableHousing);
                case RENT_DISCOUNT -> monthlyDiscount().amount();
                case EXITS_TO_AUTONOMY -> BigDecimal.valueOf(exitsToAutonomy());
            };
        }
    }

    private HousingOutcomes() {
    }

    // ---------------------------------------------------------------- one lease

    /**
     * Complete months of stable housing of one lease as of a date: whole months from the start date
     * to the end of the earlier of the as-of date and the lease's last day (both inclusive), counted as
     * {@link ChronoUnit#MONTHS} does (15 January to 14 February is one month; 31 January to 28 February
     * is one month). Zero before the start.
     *
     * @param endDate the lease's last day, or {@code null} while it runs
     */
    public static long completeMonths(LocalDate startDate, LocalDate endDate, LocalDate asOf) {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(asOf, "asOf");
        LocalDate lastDay = endDate == null || asOf.isBefore(endDate) ? asOf : endDate;
        LocalDate until = lastDay.plusDays(1);
        return until.isAfter(startDate) ? ChronoUnit.MONTHS.between(startDate, until) : 0;
    }

    /** The discount a signed lease gives against the market rent of its unit. */
    public static RentDiscount discount(LeaseSigned lease) {
        return new RentDiscount(lease.monthlyRent(), lease.marketRent());
    }

    /** Total discount over total market rent, as a percentage (weighted by market rent); empty when there is nothing to average. */
    public static Optional<BigDecimal> averageDiscountPercent(Collection<RentDiscount> discounts) {
        if (discounts.isEmpty()) {
            return Optional.empty();
        }
        String currency = discounts.iterator().next().marketRent().currency();
        Money discount = discounts.stream().map(RentDiscount::perMonth).reduce(Money.zero(currency), Money::plus);
        Money market = discounts.stream().map(RentDiscount::marketRent).reduce(Money.zero(currency), Money::plus);
        return Optional.of(percentOf(discount.amount(), market.amount()));
    }

    /** Whether a tenancy that ended for this reason counts as an exit to autonomy. */
    public static boolean isExitToAutonomy(LeaseEndReason reason) {
        return reason == LeaseEndReason.MOVED_TO_AUTONOMOUS_HOUSING;
    }

    // ---------------------------------------------------------------- a history

    /**
     * The housing figures of every property in {@code events} as of a date (the end of that day):
     *
     * <ul>
     *   <li>properties and units acquired by then; units occupied by a running lease;</li>
     *   <li>households housed: distinct households with a lease started by then;</li>
     *   <li>months of stable housing: {@link #completeMonths} summed over those leases;</li>
     *   <li>rent and market rent of the leases running at the end of the day (for the discount);</li>
     *   <li>tenancies ended by then, by reason;</li>
     *   <li>rent due: months up to the as-of month charged and not cancelled; rent collected: their
     *       collections paid by then and not reversed by then. A charge cancelled later is treated
     *       as never due, because the cancellation corrects a mistake.</li>
     * </ul>
     *
     * @param events   property events in the order they were recorded (other properties' events may be interleaved)
     * @param currency the fund's currency, in which every amount must be
     */
    public static Summary summarise(List<? extends PropertyEvent> events, LocalDate asOf, String currency) {
        return History.of(events).summary(asOf, currency, district -> true);
    }

    /** {@link #summarise} for each district that has a property in {@code events}, by district number ("1" to "8"). */
    public static Map<String, Summary> byDistrict(List<? extends PropertyEvent> events, LocalDate asOf, String currency) {
        History history = History.of(events);
        Map<String, Summary> summaries = new TreeMap<>();
        history.properties.values().stream().map(PropertyFacts::district).distinct()
                .forEach(district -> summaries.put(district, history.summary(asOf, currency, district::equals)));
        return summaries;
    }

    static BigDecimal percentOf(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, PERCENT_SCALE, RoundingMode.HALF_UP);
    }

    // ---------------------------------------------------------------- folding the events

    private record LeaseKey(PropertyId propertyId, LeaseId leaseId) {
    }

    private record MonthKey(LeaseKey lease, String period) {
    }

    private record PropertyFacts(String district, LocalDate acquiredOn, int units) {
    }

    private record LeaseFacts(String district, HouseholdId householdId, LocalDate startDate, Money monthlyRent, Money marketRent,
                              LocalDate endDate, LeaseEndReason endReason) {
        LeaseFacts ended(LocalDate date, LeaseEndReason reason) {
            return new LeaseFacts(district, householdId, startDate, monthlyRent, marketRent, date, reason);
        }

        boolean startedBy(LocalDate asOf) {
            return !startDate.isAfter(asOf);
        }

        boolean endedBy(LocalDate asOf) {
            return endDate != null && !endDate.isAfter(asOf);
        }
    }

    private record CollectionFacts(MonthKey month, Money amount, LocalDate paymentDate, LocalDate reversedOn) {
        boolean countsBy(LocalDate asOf) {
            return !paymentDate.isAfter(asOf) && (reversedOn == null || reversedOn.isAfter(asOf));
        }
    }

    /** The facts of a history of property events, independent of the as-of date. */
    private static final class History {
        private final Map<PropertyId, PropertyFacts> properties = new LinkedHashMap<>();
        private final Map<LeaseKey, LeaseFacts> leases = new LinkedHashMap<>();
        private final Map<MonthKey, Money> charges = new LinkedHashMap<>();
        private final Map<String, CollectionFacts> collections = new LinkedHashMap<>();

        static History of(List<? extends PropertyEvent> events) {
            History history = new History();
            events.forEach(history::apply);
            return history;
        }

        private void apply(PropertyEvent event) {
            if (event instanceof PropertyAcquired e) {
                properties.put(e.propertyId(), new PropertyFacts(e.district(), e.acquiredOn(), e.units().size()));
            } else if (event instanceof LeaseSigned e) {
                leases.put(new LeaseKey(e.propertyId(), e.leaseId()), new LeaseFacts(property(e).district(), e.householdId(),
                        e.startDate(), e.monthlyRent(), e.marketRent(), null, null));
            } else if (event instanceof LeaseEnded e) {
                LeaseKey key = new LeaseKey(e.propertyId(), e.leaseId());
                leases.put(key, lease(key).ended(e.endDate(), e.reason()));
            } else if (event instanceof RentCharged e) {
                charges.put(new MonthKey(new LeaseKey(e.propertyId(), e.leaseId()), e.period()), e.amountDue());
            } else if (event instanceof RentChargeCancelled e) {
                charges.remove(new MonthKey(new LeaseKey(e.propertyId(), e.leaseId()), e.period()));
            } else if (event instanceof RentCollected e) {
                collections.put(e.propertyId().value() + "/" + e.collectionId(), new CollectionFacts(
                        new MonthKey(new LeaseKey(e.propertyId(), e.leaseId()), e.period()), e.amount(), e.paymentDate(), null));
            } else if (event instanceof RentCollectionReversed e) {
                String key = e.propertyId().value() + "/" + e.collectionId();
                CollectionFacts collection = collections.get(key);
                if (collection == null) {
                    throw new IllegalArgumentException("collection " + e.collectionId() + " of property " + e.propertyId()
                            + " is reversed but was never collected");
                }
                collections.put(key, new CollectionFacts(collection.month(), collection.amount(), collection.paymentDate(), e.reversedOn()));
            } else if (!(event instanceof PropertyValuationRecorded)) {
                throw new IllegalArgumentException("unexpected property event " + event);
            }
        }

        private PropertyFacts property(PropertyEvent event) {
            PropertyFacts property = properties.get(event.propertyId());
            if (property == null) {
                throw new IllegalArgumentException("property " + event.propertyId() + " has events but was never acquired");
            }
            return property;
        }

        private LeaseFacts lease(LeaseKey key) {
            LeaseFacts lease = leases.get(key);
            if (lease == null) {
                throw new IllegalArgumentException("lease " + key.leaseId() + " of property " + key.propertyId() + " ends but was never signed");
            }
            return lease;
        }

        Summary summary(LocalDate asOf, String currency, Predicate<String> inDistrict) {
            Objects.requireNonNull(asOf, "asOf");
            Money zero = Money.zero(currency);
            int propertyCount = 0;
            int unitCount = 0;
            for (PropertyFacts property : properties.values()) {
                if (inDistrict.test(property.district()) && !property.acquiredOn().isAfter(asOf)) {
                    propertyCount++;
                    unitCount += property.units();
                }
            }
            Set<HouseholdId> households = new HashSet<>();
            int active = 0;
            long months = 0;
            Money rent = zero;
            Money market = zero;
            Map<LeaseEndReason, Integer> ended = new EnumMap<>(LeaseEndReason.class);
            for (LeaseFacts lease : leases.values()) {
                if (!inDistrict.test(lease.district()) || !lease.startedBy(asOf)) {
                    continue;
                }
                households.add(lease.householdId());
                months += completeMonths(lease.startDate(), lease.endDate(), asOf);
                if (lease.endedBy(asOf)) {
                    ended.merge(lease.endReason(), 1, Integer::sum);
                } else {
                    active++;
                    rent = rent.plus(lease.monthlyRent());
                    market = market.plus(lease.marketRent());
                }
            }
            YearMonth lastPeriod = YearMonth.from(asOf);
            Money due = zero;
            for (Map.Entry<MonthKey, Money> charge : charges.entrySet()) {
                if (counts(charge.getKey(), lastPeriod, inDistrict)) {
                    due = due.plus(charge.getValue());
                }
            }
            Money collected = zero;
            for (CollectionFacts collection : collections.values()) {
                if (charges.containsKey(collection.month()) && counts(collection.month(), lastPeriod, inDistrict) && collection.countsBy(asOf)) {
                    collected = collected.plus(collection.amount());
                }
            }
            // a unit holds one lease at a time, so running leases and occupied units are the same count
            return new Summary(propertyCount, unitCount, active, households.size(), active, months, rent, market, ended, due, collected);
        }

        private boolean counts(MonthKey month, YearMonth lastPeriod, Predicate<String> inDistrict) {
            return !YearMonth.parse(month.period()).isAfter(lastPeriod) && inDistrict.test(lease(month.lease()).district());
        }
    }
}
