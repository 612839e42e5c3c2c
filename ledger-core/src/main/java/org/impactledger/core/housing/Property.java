package org.impactledger.core.housing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.impactledger.core.housing.command.AcquireProperty;
import org.impactledger.core.housing.command.CancelRentCharge;
import org.impactledger.core.housing.command.ChargeRent;
import org.impactledger.core.housing.command.CollectRent;
import org.impactledger.core.housing.command.EndLease;
import org.impactledger.core.housing.command.RecordPropertyValuation;
import org.impactledger.core.housing.command.ReverseRentCollection;
import org.impactledger.core.housing.command.SignLease;
import org.impactledger.core.housing.event.LeaseEnded;
import org.impactledger.core.housing.event.LeaseSigned;
import org.impactledger.core.housing.event.PropertyAcquired;
import org.impactledger.core.housing.event.RentChargeCancelled;
import org.impactledger.core.housing.event.RentCharged;
import org.impactledger.core.housing.event.RentCollected;
import org.impactledger.core.housing.event.RentCollectionReversed;
import org.impactledger.core.housing.event.PropertyValuationRecorded;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.HouseholdId;
import org.impactledger.core.shared.Identifier;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.shared.UnitId;

/**
 * A property of the Homes4All housing fund, together with its units and the tenancies on them.
 *
 * <p>Tenancies live inside the property, not in an aggregate of their own, for the same reason the
 * outcomes live inside a contract: the rule that matters most, one lease per unit at a time (and a
 * new lease starting only after the previous one's last day), spans every lease of a unit, and the
 * lease's dates are bounded by the acquisition. One aggregate keeps these checks consistent without a
 * lookup table or a saga. The price is a longer event stream (about two dozen rent events per
 * occupied unit a year), which snapshots absorb; a property holds a handful to a few dozen units.
 *
 * <p>The property is self-contained: it records the price and date of the acquisition but does not
 * move the fund's cash. All its amounts are in the currency of the acquisition price. The commands
 * that do move the fund's cash (the acquisition, a rent collection and its reversal) reach the
 * property through {@link HousingFundHandler}, which calls the constructor and the public
 * {@link #collectRent} and {@link #reverseRentCollection} here and then records the money in the
 * fund, in one unit of work; every other command is handled by the property itself.
 *
 * <p>Rent is charged month by month at the lease's monthly rent and collected against a charged
 * month, never beyond what is outstanding; arrears are what is charged and not collected. Mistakes
 * are corrected by new events: a collection is reversed (the amount is due again), a month charged
 * in error is cancelled while nothing is collected against it.
 *
 * <p>State is held in plain fields (typed ids, {@link Money}, records, String-keyed maps) so that the
 * aggregate can be snapshotted by field; it changes only in the {@code @EventSourcingHandler}s.
 */
public class Property {

    static final int MAX_TEXT = 200;
    static final int MAX_ROOMS = 20;
    static final int MAX_HOUSEHOLD_SIZE = 20;
    static final int AREA_DECIMALS = 2;
    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

    /** A unit as the rules see it: the lease it is let under (null when vacant) and the last day of its previous lease. */
    record Unit(UnitId unitId, BigDecimal areaSqm, int rooms, Money marketRent, LeaseId activeLease, LocalDate lastLeaseEnd) {
        boolean vacant() {
            return activeLease == null;
        }
    }

    /** A tenancy; {@code endDate} and {@code endReason} are null while it runs. */
    record Lease(LeaseId leaseId, UnitId unitId, HouseholdId householdId, int householdSize, Money monthlyRent, Money marketRent,
                 LocalDate startDate, LocalDate endDate, LeaseEndReason endReason) {
        boolean active() {
            return endDate == null;
        }
    }

    /** One charged month of a lease: what fell due and what has been collected (net of reversals). */
    record RentMonth(Money due, Money collected) {
        Money outstanding() {
            return due.minus(collected);
        }
    }

    /** One rent payment, kept so that it can be reversed exactly once. */
    record RentCollection(LeaseId leaseId, String period, Money amount, LocalDate paymentDate, boolean reversed) {
    }

    @AggregateIdentifier
    private PropertyId propertyId;
    private FundId fundId;
    private String addressLabel;
    private String district;
    private String currency;
    private Money acquisitionPrice;
    private LocalDate acquiredOn;
    /** By unit id, in the order of acquisition. */
    private Map<String, Unit> units = new LinkedHashMap<>();
    /** By lease id, in the order of signing. */
    private Map<String, Lease> leases = new LinkedHashMap<>();
    /** Lease id → period (yyyy-MM) → what is due and collected; a cancelled month is removed. */
    private Map<String, Map<String, RentMonth>> rent = new HashMap<>();
    /** By collection id. */
    private Map<String, RentCollection> collections = new HashMap<>();

    /** For the framework (event sourcing and snapshots). */
    protected Property() {
    }

    // ---------------------------------------------------------------- property

    /** Acquires the property; called by {@link HousingFundHandler}, which pays for it from the fund in the same unit of work. */
    public Property(AcquireProperty command) {
        required(command.propertyId(), "propertyId");
        required(command.fundId(), "fundId");
        requireText(command.addressLabel(), "addressLabel");
        TurinDistrict district = TurinDistrict.of(command.district(), "district");
        Money price = required(command.acquisitionPrice(), "acquisitionPrice").requirePositive("acquisitionPrice");
        required(command.acquiredOn(), "acquiredOn");
        List<PropertyUnit> units = validUnits(command.units(), price.currency());

        apply(new PropertyAcquired(command.propertyId(), command.fundId(), command.addressLabel(), district.code(), price,
                command.acquiredOn(), units));
    }

    @CommandHandler
    public void handle(RecordPropertyValuation command) {
        Money value = requireAmount(command.value(), "value");
        required(command.asOf(), "asOf");
        requireText(command.method(), "method");
        requireNotBeforeAcquisition(command.asOf(), "asOf");

        apply(new PropertyValuationRecorded(propertyId, fundId, value, command.asOf(), command.method()));
    }

    // ---------------------------------------------------------------- tenancies

    @CommandHandler
    public void handle(SignLease command) {
        LeaseId leaseId = required(command.leaseId(), "leaseId");
        required(command.unitId(), "unitId");
        HouseholdId householdId = required(command.householdId(), "householdId");
        if (command.householdSize() < 1 || command.householdSize() > MAX_HOUSEHOLD_SIZE) {
            throw DomainException.invalid("householdSize",
                    "householdSize must be from 1 to " + MAX_HOUSEHOLD_SIZE + ", was " + command.householdSize());
        }
        Money monthlyRent = requireAmount(command.monthlyRent(), "monthlyRent");
        Money marketRent = requireAmount(command.marketRent(), "marketRent");
        if (monthlyRent.greaterThan(marketRent)) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "monthlyRent", "monthlyRent " + monthlyRent
                    + " exceeds the market rent of " + marketRent + ": Homes4All lets at or below market rent");
        }
        LocalDate startDate = required(command.startDate(), "startDate");
        requireNotBeforeAcquisition(startDate, "startDate");
        if (leases.containsKey(leaseId.value())) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "leaseId", "lease " + leaseId + " already exists in property " + propertyId);
        }
        Unit unit = unit(command.unitId());
        if (!unit.vacant()) {
            Lease current = leases.get(unit.activeLease().value());
            throw new DomainException(ErrorCode.INVALID_STATE, "unitId", "unit " + unit.unitId() + " is let under lease " + current.leaseId()
                    + " since " + current.startDate() + "; a unit holds one lease at a time, so end that lease first");
        }
        if (unit.lastLeaseEnd() != null && !startDate.isAfter(unit.lastLeaseEnd())) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "startDate", "startDate " + startDate + " must be after "
                    + unit.lastLeaseEnd() + ", the last day of the previous lease on unit " + unit.unitId());
        }
        Optional<Lease> housed = leases.values().stream()
                .filter(l -> l.active() && l.householdId().equals(householdId))
                .findFirst();
        if (housed.isPresent()) {
            throw new DomainException(ErrorCode.INVALID_STATE, "householdId", "household " + householdId + " already holds lease "
                    + housed.get().leaseId() + " on unit " + housed.get().unitId() + " in property " + propertyId + "; end it first");
        }

        apply(new LeaseSigned(propertyId, fundId, leaseId, unit.unitId(), householdId, command.householdSize(), monthlyRent, marketRent,
                startDate));
    }

    @CommandHandler
    public void handle(ChargeRent command) {
        Lease lease = lease(command.leaseId());
        YearMonth period = period(command.period());
        YearMonth first = YearMonth.from(lease.startDate());
        if (period.isBefore(first)) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "period",
                    "period " + period + " is before lease " + lease.leaseId() + " started on " + lease.startDate());
        }
        if (!lease.active() && period.isAfter(YearMonth.from(lease.endDate()))) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "period",
                    "period " + period + " is after lease " + lease.leaseId() + " ended on " + lease.endDate());
        }
        RentMonth charged = rentMonth(lease.leaseId(), period);
        if (charged != null) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "period",
                    "rent for " + period + " is already charged on lease " + lease.leaseId() + " (" + charged.due() + ")");
        }

        apply(new RentCharged(propertyId, lease.leaseId(), period.toString(), lease.monthlyRent()));
    }

    /**
     * Records rent paid for a charged month; called by {@link HousingFundHandler}, which adds the
     * amount to the fund's cash in the same unit of work.
     *
     * @return the event applied
     */
    public RentCollected collectRent(CollectRent command) {
        Lease lease = lease(command.leaseId());
        String collectionId = Identifier.requireValid(command.collectionId(), "collectionId");
        YearMonth period = period(command.period());
        Money amount = requireAmount(command.amount(), "amount");
        LocalDate paymentDate = required(command.paymentDate(), "paymentDate");
        requireText(command.bankReference(), "bankReference");
        requireNotBeforeAcquisition(paymentDate, "paymentDate");
        if (collections.containsKey(collectionId)) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "collectionId",
                    "rent collection " + collectionId + " is already recorded in property " + propertyId);
        }
        RentMonth month = chargedMonth(lease, period, "charge it before collecting");
        if (amount.greaterThan(month.outstanding())) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "amount", "collection of " + amount + " exceeds the " + month.outstanding()
                    + " outstanding for " + period + " on lease " + lease.leaseId() + " (due " + month.due() + ", collected " + month.collected() + ")");
        }

        RentCollected collected = new RentCollected(propertyId, lease.leaseId(), collectionId, period.toString(), amount, paymentDate,
                command.bankReference(), month.outstanding().minus(amount));
        apply(collected);
        return collected;
    }

    /**
     * Reverses a rent collection; called by {@link HousingFundHandler}, which takes the amount back
     * out of the fund's cash in the same unit of work.
     *
     * @return the event applied
     */
    public RentCollectionReversed reverseRentCollection(ReverseRentCollection command) {
        String collectionId = Identifier.requireValid(command.collectionId(), "collectionId");
        requireText(command.reason(), "reason");
        LocalDate reversedOn = required(command.reversedOn(), "reversedOn");
        RentCollection collection = collections.get(collectionId);
        if (collection == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "collectionId", "property " + propertyId + " has no rent collection " + collectionId);
        }
        if (collection.reversed()) {
            throw new DomainException(ErrorCode.INVALID_STATE, "collectionId", "rent collection " + collectionId + " was already reversed");
        }
        if (reversedOn.isBefore(collection.paymentDate())) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "reversedOn", "reversedOn " + reversedOn
                    + " is before the payment date " + collection.paymentDate() + " of rent collection " + collectionId);
        }
        RentMonth month = rent.get(collection.leaseId().value()).get(collection.period());

        RentCollectionReversed reversed = new RentCollectionReversed(propertyId, collection.leaseId(), collectionId, collection.period(),
                collection.amount(), command.reason(), reversedOn, month.outstanding().plus(collection.amount()));
        apply(reversed);
        return reversed;
    }

    @CommandHandler
    public void handle(CancelRentCharge command) {
        Lease lease = lease(command.leaseId());
        YearMonth period = period(command.period());
        requireText(command.reason(), "reason");
        RentMonth month = chargedMonth(lease, period, "there is nothing to cancel");
        if (!month.collected().isZero()) {
            throw new DomainException(ErrorCode.INVALID_STATE, "period", "rent for " + period + " on lease " + lease.leaseId() + " has "
                    + month.collected() + " collected; reverse its collections before cancelling the charge");
        }

        apply(new RentChargeCancelled(propertyId, lease.leaseId(), period.toString(), month.due(), command.reason()));
    }

    @CommandHandler
    public void handle(EndLease command) {
        Lease lease = lease(command.leaseId());
        LocalDate endDate = required(command.endDate(), "endDate");
        LeaseEndReason reason = required(command.reason(), "reason");
        String note = command.note() == null || command.note().isBlank() ? null : command.note();
        if (reason == LeaseEndReason.OTHER && note == null) {
            throw DomainException.invalid("note", "note is required when the reason is OTHER");
        }
        if (note != null) {
            requireText(note, "note");
        }
        if (!lease.active()) {
            throw new DomainException(ErrorCode.INVALID_STATE, "leaseId", "lease " + lease.leaseId() + " already ended on " + lease.endDate()
                    + " (" + lease.endReason() + ")");
        }
        if (endDate.isBefore(lease.startDate())) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "endDate",
                    "endDate " + endDate + " is before lease " + lease.leaseId() + " started on " + lease.startDate());
        }
        YearMonth lastMonth = YearMonth.from(endDate);
        Optional<YearMonth> chargedAfter = chargedMonths(lease.leaseId()).stream().filter(p -> p.isAfter(lastMonth)).max(YearMonth::compareTo);
        if (chargedAfter.isPresent()) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "endDate", "rent for " + chargedAfter.get() + " is charged on lease "
                    + lease.leaseId() + ", after the endDate " + endDate + "; cancel that charge first");
        }

        apply(new LeaseEnded(propertyId, lease.leaseId(), lease.unitId(), lease.householdId(), endDate, reason, note));
    }

    // ---------------------------------------------------------------- read-only views

    public PropertyId propertyId() {
        return propertyId;
    }

    public FundId fundId() {
        return fundId;
    }

    /** The district's number, "1" to "8" (see {@link TurinDistrict}). */
    public String district() {
        return district;
    }

    /** The currency of the acquisition price, in which every amount of the property is kept. */
    public String currency() {
        return currency;
    }

    /** The lease the unit is let under, or empty when it is vacant. */
    public Optional<LeaseId> activeLease(UnitId unitId) {
        Unit unit = units.get(unitId.value());
        return unit == null ? Optional.empty() : Optional.ofNullable(unit.activeLease());
    }

    /** What is charged and not collected for one month of a lease (zero if the month is not charged). */
    public Money outstanding(LeaseId leaseId, String period) {
        RentMonth month = rent.getOrDefault(leaseId.value(), Map.of()).get(period);
        return month == null ? Money.zero(currency) : month.outstanding();
    }

    /** The lease's arrears: everything charged and not collected, over all its months. */
    public Money arrears(LeaseId leaseId) {
        return rent.getOrDefault(leaseId.value(), Map.of()).values().stream()
                .map(RentMonth::outstanding)
                .reduce(Money.zero(currency), Money::plus);
    }

    // ---------------------------------------------------------------- event sourcing

    @EventSourcingHandler
    void on(PropertyAcquired event) {
        propertyId = event.propertyId();
        fundId = event.fundId();
        addressLabel = event.addressLabel();
        district = event.district();
        currency = event.acquisitionPrice().currency();
        acquisitionPrice = event.acquisitionPrice();
        acquiredOn = event.acquiredOn();
        units = new LinkedHashMap<>();
        for (PropertyUnit unit : event.units()) {
            units.put(unit.unitId().value(), new Unit(unit.unitId(), unit.areaSqm(), unit.rooms(), unit.marketRent(), null, null));
        }
        leases = new LinkedHashMap<>();
        rent = new HashMap<>();
        collections = new HashMap<>();
    }

    // PropertyValuationRecorded changes no state the property's rules depend on: it is a fact for the fund's NAV and the report.

    @EventSourcingHandler
    void on(LeaseSigned event) {
        leases.put(event.leaseId().value(), new Lease(event.leaseId(), event.unitId(), event.householdId(), event.householdSize(),
                event.monthlyRent(), event.marketRent(), event.startDate(), null, null));
        Unit unit = units.get(event.unitId().value());
        units.put(unit.unitId().value(), new Unit(unit.unitId(), unit.areaSqm(), unit.rooms(), unit.marketRent(), event.leaseId(),
                unit.lastLeaseEnd()));
    }

    @EventSourcingHandler
    void on(RentCharged event) {
        rent.computeIfAbsent(event.leaseId().value(), id -> new HashMap<>())
                .put(event.period(), new RentMonth(event.amountDue(), Money.zero(currency)));
    }

    @EventSourcingHandler
    void on(RentCollected event) {
        Map<String, RentMonth> months = rent.get(event.leaseId().value());
        RentMonth month = months.get(event.period());
        months.put(event.period(), new RentMonth(month.due(), month.collected().plus(event.amount())));
        collections.put(event.collectionId(), new RentCollection(event.leaseId(), event.period(), event.amount(), event.paymentDate(), false));
    }

    @EventSourcingHandler
    void on(RentCollectionReversed event) {
        Map<String, RentMonth> months = rent.get(event.leaseId().value());
        RentMonth month = months.get(event.period());
        months.put(event.period(), new RentMonth(month.due(), month.collected().minus(event.amount())));
        RentCollection collection = collections.get(event.collectionId());
        collections.put(event.collectionId(), new RentCollection(collection.leaseId(), collection.period(), collection.amount(),
                collection.paymentDate(), true));
    }

    @EventSourcingHandler
    void on(RentChargeCancelled event) {
        rent.get(event.leaseId().value()).remove(event.period());
    }

    @EventSourcingHandler
    void on(LeaseEnded event) {
        Lease lease = leases.get(event.leaseId().value());
        leases.put(lease.leaseId().value(), new Lease(lease.leaseId(), lease.unitId(), lease.householdId(), lease.householdSize(),
                lease.monthlyRent(), lease.marketRent(), lease.startDate(), event.endDate(), event.reason()));
        Unit unit = units.get(event.unitId().value());
        units.put(unit.unitId().value(), new Unit(unit.unitId(), unit.areaSqm(), unit.rooms(), unit.marketRent(), null, event.endDate()));
    }

    // ---------------------------------------------------------------- guards

    private Unit unit(UnitId unitId) {
        Unit unit = units.get(unitId.value());
        if (unit == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "unitId", "property " + propertyId + " has no unit " + unitId);
        }
        return unit;
    }

    private Lease lease(LeaseId leaseId) {
        required(leaseId, "leaseId");
        Lease lease = leases.get(leaseId.value());
        if (lease == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "leaseId", "property " + propertyId + " has no lease " + leaseId);
        }
        return lease;
    }

    private RentMonth rentMonth(LeaseId leaseId, YearMonth period) {
        return rent.getOrDefault(leaseId.value(), Map.of()).get(period.toString());
    }

    private RentMonth chargedMonth(Lease lease, YearMonth period, String hint) {
        RentMonth month = rentMonth(lease.leaseId(), period);
        if (month == null) {
            throw new DomainException(ErrorCode.INVALID_STATE, "period",
                    "rent for " + period + " is not charged on lease " + lease.leaseId() + "; " + hint);
        }
        return month;
    }

    private List<YearMonth> chargedMonths(LeaseId leaseId) {
        return rent.getOrDefault(leaseId.value(), Map.of()).keySet().stream().map(YearMonth::parse).toList();
    }

    private static YearMonth period(String period) {
        if (period == null || period.isBlank()) {
            throw DomainException.invalid("period", "period is required");
        }
        if (!PERIOD.matcher(period).matches()) {
            throw DomainException.invalid("period", "period '" + period + "' must be a month written yyyy-MM, e.g. 2025-03");
        }
        return YearMonth.parse(period);
    }

    private void requireNotBeforeAcquisition(LocalDate date, String field) {
        if (date.isBefore(acquiredOn)) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, field,
                    field + " " + date + " is before property " + propertyId + " was acquired on " + acquiredOn);
        }
    }

    /** Required, in the property's currency, and positive. */
    private Money requireAmount(Money amount, String field) {
        required(amount, field);
        if (!amount.currency().equals(currency)) {
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH, field,
                    field + " is in " + amount.currency() + " but property " + propertyId + " is accounted in " + currency);
        }
        return amount.requirePositive(field);
    }

    private static List<PropertyUnit> validUnits(List<PropertyUnit> units, String currency) {
        if (units == null || units.isEmpty()) {
            throw DomainException.invalid("units", "units must list at least one unit");
        }
        Set<String> unitIds = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            String prefix = "units[" + i + "]";
            PropertyUnit unit = required(units.get(i), prefix);
            required(unit.unitId(), prefix + ".unitId");
            if (!unitIds.add(unit.unitId().value())) {
                throw DomainException.invalid(prefix + ".unitId", "unit " + unit.unitId() + " appears more than once in units");
            }
            BigDecimal area = required(unit.areaSqm(), prefix + ".areaSqm");
            if (area.signum() <= 0) {
                throw DomainException.invalid(prefix + ".areaSqm", prefix + ".areaSqm must be positive, was " + area.toPlainString());
            }
            if (area.stripTrailingZeros().scale() > AREA_DECIMALS) {
                throw DomainException.invalid(prefix + ".areaSqm",
                        prefix + ".areaSqm " + area.toPlainString() + " has more than " + AREA_DECIMALS + " decimals");
            }
            if (unit.rooms() < 1 || unit.rooms() > MAX_ROOMS) {
                throw DomainException.invalid(prefix + ".rooms", prefix + ".rooms must be from 1 to " + MAX_ROOMS + ", was " + unit.rooms());
            }
            Money marketRent = required(unit.marketRent(), prefix + ".marketRent");
            if (!marketRent.currency().equals(currency)) {
                throw new DomainException(ErrorCode.CURRENCY_MISMATCH, prefix + ".marketRent", prefix + ".marketRent is in "
                        + marketRent.currency() + " but the acquisition price is in " + currency);
            }
            marketRent.requirePositive(prefix + ".marketRent");
        }
        return List.copyOf(units);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        return value;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        if (value.length() > MAX_TEXT) {
            throw DomainException.invalid(field, field + " may have at most " + MAX_TEXT + " characters, had " + value.length());
        }
    }
}
