package org.impactledger.projections.housing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.impactledger.core.housing.HousingOutcomes;
import org.impactledger.core.housing.LeaseEndReason;
import org.impactledger.core.housing.TurinDistrict;
import org.impactledger.core.shared.Money;

/**
 * Folds the facts of the housing report ({@code housing_fact} rows) into its figures.
 *
 * <p>The caller selects the facts: recorded by {@code knownAt}, and with a business date on or
 * before {@code asOf} (cancelled charges: whatever their date), in the order of each property's
 * stream. With that selection every fact present counts, and the fold gives what
 * {@link HousingOutcomes#summarise} gives for the events known at {@code knownAt} as of
 * {@code asOf}: a property counts from its acquisition date, a lease from its start to its last
 * day, a month's rent from its first day, a collection from its payment date until its reversal
 * date. Facts that refer to something not selected (the payment of a month charged after the
 * as-of month, the reversal of a collection paid after it) are passed by. The per-lease and
 * percentage rules are {@link HousingOutcomes}' own ({@link HousingOutcomes#completeMonths},
 * {@link HousingOutcomes.Summary}); the rates of the report are ratios with four decimals, rounded
 * half-even.
 */
final class HousingFacts {

    /** Rates are ratios from 0 to 1 with this many decimals, rounded half-even. */
    static final int RATE_SCALE = 4;

    /** One {@code housing_fact} row, as the report needs it. */
    record Row(String propertyId, String district, String currency, String eventType, LocalDate businessDate, String leaseId,
               String householdId, String period, String collectionId, BigDecimal amount, BigDecimal marketRent, String endReason,
               Integer units) {
    }

    private record PropertyFacts(String district, String currency, int units, BigDecimal price) {
    }

    private record Valuation(LocalDate date, BigDecimal value) {
    }

    private record LeaseFacts(String district, String currency, String householdId, LocalDate startDate, BigDecimal monthlyRent,
                              BigDecimal marketRent, LocalDate endDate, LeaseEndReason endReason) {
        LeaseFacts ended(LocalDate date, LeaseEndReason reason) {
            return new LeaseFacts(district, currency, householdId, startDate, monthlyRent, marketRent, date, reason);
        }
    }

    private record Charge(String district, String currency, BigDecimal due) {
    }

    private record Collection(String monthKey, BigDecimal amount) {
    }

    private final Map<String, PropertyFacts> properties = new LinkedHashMap<>();
    private final Map<String, Valuation> valuations = new HashMap<>();
    private final Map<String, LeaseFacts> leases = new LinkedHashMap<>();
    private final Map<String, Charge> charges = new LinkedHashMap<>();
    private final Map<String, Collection> collections = new LinkedHashMap<>();

    /** Takes the next fact, in the order of each property's stream. */
    void apply(Row f) {
        String lease = f.propertyId() + "/" + f.leaseId();
        String month = lease + "/" + f.period();
        String collection = f.propertyId() + "/" + f.collectionId();
        switch (f.eventType()) {
            case "PropertyAcquired" -> properties.put(f.propertyId(), new PropertyFacts(f.district(), f.currency(), f.units(), f.amount()));
            case "PropertyValuationRecorded" -> {
                Valuation latest = valuations.get(f.propertyId());
                if (latest == null || !f.businessDate().isBefore(latest.date())) {
                    valuations.put(f.propertyId(), new Valuation(f.businessDate(), f.amount()));
                }
            }
            case "LeaseSigned" -> leases.put(lease, new LeaseFacts(f.district(), f.currency(), f.householdId(), f.businessDate(), f.amount(),
                    f.marketRent(), null, null));
            case "LeaseEnded" -> {
                LeaseFacts signed = leases.get(lease);
                if (signed != null) {
                    leases.put(lease, signed.ended(f.businessDate(), LeaseEndReason.valueOf(f.endReason())));
                }
            }
            case "RentCharged" -> charges.put(month, new Charge(f.district(), f.currency(), f.amount()));
            case "RentChargeCancelled" -> charges.remove(month);
            case "RentCollected" -> collections.put(collection, new Collection(month, f.amount()));
            case "RentCollectionReversed" -> collections.remove(collection);
            default -> throw new IllegalStateException("no housing report rule for fact " + f.eventType());
        }
    }

    /** The report's sections: one per currency, each with its districts (in district order) and its total. */
    List<HousingReportCurrency> sections(LocalDate asOf) {
        Set<String> currencies = new TreeSet<>();
        properties.values().forEach(p -> currencies.add(p.currency()));
        List<HousingReportCurrency> sections = new ArrayList<>();
        for (String currency : currencies) {
            Set<String> districts = new TreeSet<>();
            properties.values().stream().filter(p -> p.currency().equals(currency)).forEach(p -> districts.add(p.district()));
            List<HousingFigures> byDistrict = new ArrayList<>();
            for (String district : districts) {
                byDistrict.add(figures(district, currency, district::equals, asOf));
            }
            sections.add(new HousingReportCurrency(currency, byDistrict, figures(null, currency, d -> true, asOf)));
        }
        return sections;
    }

    /** The summary in {@link HousingOutcomes}' terms of the properties in one currency and the districts {@code inDistrict} accepts. */
    HousingOutcomes.Summary summary(String currency, Predicate<String> inDistrict, LocalDate asOf) {
        Money zero = Money.zero(currency);
        int propertyCount = 0;
        int unitCount = 0;
        for (PropertyFacts property : properties.values()) {
            if (property.currency().equals(currency) && inDistrict.test(property.district())) {
                propertyCount++;
                unitCount += property.units();
            }
        }
        Set<String> households = new HashSet<>();
        int active = 0;
        long months = 0;
        Money rent = zero;
        Money market = zero;
        Map<LeaseEndReason, Integer> ended = new EnumMap<>(LeaseEndReason.class);
        for (LeaseFacts lease : leases.values()) {
            if (!lease.currency().equals(currency) || !inDistrict.test(lease.district())) {
                continue;
            }
            households.add(lease.householdId());
            months += HousingOutcomes.completeMonths(lease.startDate(), lease.endDate(), asOf);
            if (lease.endDate() != null) {
                ended.merge(lease.endReason(), 1, Integer::sum);
            } else {
                active++;
                rent = rent.plus(Money.of(lease.monthlyRent(), currency));
                market = market.plus(Money.of(lease.marketRent(), currency));
            }
        }
        Money due = zero;
        for (Charge charge : charges.values()) {
            if (charge.currency().equals(currency) && inDistrict.test(charge.district())) {
                due = due.plus(Money.of(charge.due(), currency));
            }
        }
        Money collected = zero;
        for (Collection collection : collections.values()) {
            Charge charge = charges.get(collection.monthKey());
            if (charge != null && charge.currency().equals(currency) && inDistrict.test(charge.district())) {
                collected = collected.plus(Money.of(collection.amount(), currency));
            }
        }
        // a unit holds one lease at a time, so running leases and occupied units are the same count
        return new HousingOutcomes.Summary(propertyCount, unitCount, active, households.size(), active, months, rent, market, ended, due,
                collected);
    }

    private HousingFigures figures(String district, String currency, Predicate<String> inDistrict, LocalDate asOf) {
        HousingOutcomes.Summary s = summary(currency, inDistrict, asOf);
        BigDecimal cost = BigDecimal.ZERO.setScale(Money.SCALE);
        BigDecimal valuation = BigDecimal.ZERO.setScale(Money.SCALE);
        int valued = 0;
        for (Map.Entry<String, PropertyFacts> property : properties.entrySet()) {
            PropertyFacts p = property.getValue();
            if (!p.currency().equals(currency) || !inDistrict.test(p.district())) {
                continue;
            }
            cost = cost.add(p.price());
            Valuation latest = valuations.get(property.getKey());
            if (latest != null) {
                valued++;
                valuation = valuation.add(latest.value());
            }
        }
        Map<String, Integer> ended = new LinkedHashMap<>();
        for (LeaseEndReason reason : LeaseEndReason.values()) {
            ended.put(reason.name(), s.tenanciesEnded().getOrDefault(reason, 0));
        }
        return new HousingFigures(district, district == null ? null : TurinDistrict.of(district, "district").label(),
                s.properties(), s.units(), cost, valued, valuation,
                s.occupiedUnits(), s.units() - s.occupiedUnits(), rate(s.occupiedUnits(), s.units()),
                s.rentDue().amount(), s.rentCollected().amount(), s.arrears().amount(), rate(s.rentCollected().amount(), s.rentDue().amount()),
                s.monthlyRentOfActiveLeases().amount(), s.marketRentOfActiveLeases().amount(), s.monthlyDiscount().amount(),
                rate(s.monthlyDiscount().amount(), s.marketRentOfActiveLeases().amount()),
                s.householdsHoused(), s.monthsOfStableHousing(), ended, s.exitsToAutonomy());
    }

    /** part / whole with {@value #RATE_SCALE} decimals, rounded half-even; {@code null} when whole is zero. */
    static BigDecimal rate(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, RATE_SCALE, RoundingMode.HALF_EVEN);
    }

    static BigDecimal rate(int part, int whole) {
        return rate(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }
}
