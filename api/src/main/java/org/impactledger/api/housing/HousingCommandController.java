package org.impactledger.api.housing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.impactledger.api.housing.HousingRequests.AcquirePropertyRequest;
import org.impactledger.api.housing.HousingRequests.CancelChargeRequest;
import org.impactledger.api.housing.HousingRequests.ChargeRentRequest;
import org.impactledger.api.housing.HousingRequests.CollectRentRequest;
import org.impactledger.api.housing.HousingRequests.EndLeaseRequest;
import org.impactledger.api.housing.HousingRequests.PropertyValuationRequest;
import org.impactledger.api.housing.HousingRequests.ReverseCollectionRequest;
import org.impactledger.api.housing.HousingRequests.SignLeaseRequest;
import org.impactledger.api.web.CommandDispatcher;
import org.impactledger.api.web.CommandDispatcher.Dispatched;
import org.impactledger.api.web.CommandResponse;
import org.impactledger.api.web.DateWindows;
import org.impactledger.api.web.Ids;
import org.impactledger.api.web.MoneyBody;
import org.impactledger.api.web.NrrpBody;
import org.impactledger.api.web.RequestContextResolver;
import org.impactledger.core.housing.PropertyUnit;
import org.impactledger.core.housing.command.AcquireProperty;
import org.impactledger.core.housing.command.CancelRentCharge;
import org.impactledger.core.housing.command.ChargeRent;
import org.impactledger.core.housing.command.CollectRent;
import org.impactledger.core.housing.command.EndLease;
import org.impactledger.core.housing.command.RecordPropertyValuation;
import org.impactledger.core.housing.command.ReverseRentCollection;
import org.impactledger.core.housing.command.SignLease;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.HouseholdId;
import org.impactledger.core.shared.Identifier;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.shared.UnitId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands of Homes4All: properties bought by a housing fund (paid from its cash), valued, let to
 * households at below-market rent, rent charged and collected (into the fund's cash), corrections,
 * and the end of tenancies with their outcome.
 */
@RestController
@RequestMapping("/api/housing/properties")
@Tag(name = "Homes4All (commands)")
public class HousingCommandController {

    private static final String BASE = "/api/housing/properties/";

    private final CommandDispatcher dispatcher;
    private final RequestContextResolver contexts;
    private final DateWindows dates;

    public HousingCommandController(CommandDispatcher dispatcher, RequestContextResolver contexts, DateWindows dates) {
        this.dispatcher = dispatcher;
        this.contexts = contexts;
        this.dates = dates;
    }

    @PostMapping
    @Operation(summary = "Acquire a property for a housing fund, paid from the fund's cash (district 1-8, units with market rents)")
    public ResponseEntity<Map<String, Object>> acquire(@Valid @RequestBody AcquirePropertyRequest body, HttpServletRequest request) {
        PropertyId id = PropertyId.of(Ids.orNew(body.propertyId(), "property"));
        Dispatched d = dispatcher.send(new AcquireProperty(id, FundId.of(body.fundId()), body.addressLabel().trim(), body.district(),
                body.acquisitionPrice().toMoney(), body.acquiredOn(), body.units().stream()
                .map(u -> new PropertyUnit(UnitId.of(u.unitId()), u.areaSqm(), u.rooms(), u.marketRent().toMoney())).toList(),
                NrrpBody.toTag(body.nrrp()), body.bankReference()),
                contexts.resolve(request));
        return CommandResponse.created(d, BASE + id, Map.of("propertyId", id.value(), "fundId", body.fundId()));
    }

    @PostMapping("/{propertyId}/valuations")
    @Operation(summary = "Record the property's value at a date (a later one for the same date supersedes)")
    public ResponseEntity<Map<String, Object>> valuation(@PathVariable String propertyId, @Valid @RequestBody PropertyValuationRequest body,
                                                         HttpServletRequest request) {
        PropertyId id = PropertyId.of(propertyId);
        Dispatched d = dispatcher.send(new RecordPropertyValuation(id, body.value().toMoney(), body.asOf(), body.method().trim()),
                contexts.resolve(request));
        return CommandResponse.created(d, BASE + id, Map.of("propertyId", id.value(), "asOf", body.asOf().toString()));
    }

    @PostMapping("/{propertyId}/leases")
    @Operation(summary = "Let a vacant unit to a household (pseudonymous id) at or below market rent; one lease per unit at a time")
    public ResponseEntity<Map<String, Object>> lease(@PathVariable String propertyId, @Valid @RequestBody SignLeaseRequest body,
                                                     HttpServletRequest request) {
        PropertyId id = PropertyId.of(propertyId);
        LeaseId leaseId = LeaseId.of(Ids.orNew(body.leaseId(), "lease"));
        Dispatched d = dispatcher.send(new SignLease(id, leaseId, UnitId.of(body.unitId()), HouseholdId.of(body.householdId()),
                body.householdSize(), body.monthlyRent().toMoney(), body.marketRent().toMoney(), body.startDate()), contexts.resolve(request));
        return CommandResponse.created(d, BASE + id + "/leases/" + leaseId, Map.of("propertyId", id.value(), "leaseId", leaseId.value()));
    }

    @PostMapping("/{propertyId}/leases/{leaseId}/rent-charges")
    @Operation(summary = "Charge a month's rent (yyyy-MM) on a lease, once per month, within the tenancy")
    public ResponseEntity<Map<String, Object>> charge(@PathVariable String propertyId, @PathVariable String leaseId,
                                                      @Valid @RequestBody ChargeRentRequest body, HttpServletRequest request) {
        PropertyId id = PropertyId.of(propertyId);
        LeaseId lease = LeaseId.of(leaseId);
        dates.requirePeriod(body.period(), "period");
        Dispatched d = dispatcher.send(new ChargeRent(id, lease, body.period()), contexts.resolve(request));
        return CommandResponse.created(d, BASE + id + "/leases/" + lease, Map.of("propertyId", id.value(), "leaseId", lease.value(),
                "period", body.period()));
    }

    @PostMapping("/{propertyId}/leases/{leaseId}/rent-collections")
    @Operation(summary = "Record rent paid for a charged month (never beyond what is outstanding); the amount reaches the fund's cash")
    public ResponseEntity<Map<String, Object>> collect(@PathVariable String propertyId, @PathVariable String leaseId,
                                                       @Valid @RequestBody CollectRentRequest body, HttpServletRequest request) {
        PropertyId id = PropertyId.of(propertyId);
        LeaseId lease = LeaseId.of(leaseId);
        String collectionId = Ids.orNew(body.collectionId(), "collection");
        Dispatched d = dispatcher.send(new CollectRent(id, lease, collectionId, body.period(), body.amount().toMoney(), body.paymentDate(),
                body.bankReference().trim()), contexts.resolve(request));
        Map<String, Object> answer = new LinkedHashMap<>(Map.of("propertyId", id.value(), "leaseId", lease.value(), "collectionId", collectionId,
                "period", body.period()));
        outstanding(d, answer);
        return CommandResponse.created(d, BASE + id + "/leases/" + lease, answer);
    }

    @PostMapping("/{propertyId}/rent-collections/{collectionId}/reversal")
    @Operation(summary = "Reverse a rent collection (recorded in error or returned by the bank): due again, and out of the fund's cash")
    public ResponseEntity<Map<String, Object>> reverse(@PathVariable String propertyId, @PathVariable String collectionId,
                                                       @Valid @RequestBody ReverseCollectionRequest body, HttpServletRequest request) {
        PropertyId id = PropertyId.of(propertyId);
        Identifier.requireValid(collectionId, "collectionId");
        Dispatched d = dispatcher.send(new ReverseRentCollection(id, collectionId, body.reason().trim(), body.reversedOn()),
                contexts.resolve(request));
        Map<String, Object> answer = new LinkedHashMap<>(Map.of("propertyId", id.value(), "collectionId", collectionId, "reversed", true));
        outstanding(d, answer);
        return CommandResponse.ok(d, answer);
    }

    @PostMapping("/{propertyId}/leases/{leaseId}/rent-charges/{period}/cancellation")
    @Operation(summary = "Cancel a month charged in error, while nothing is collected against it")
    public ResponseEntity<Map<String, Object>> cancel(@PathVariable String propertyId, @PathVariable String leaseId, @PathVariable String period,
                                                      @Valid @RequestBody CancelChargeRequest body, HttpServletRequest request) {
        PropertyId id = PropertyId.of(propertyId);
        LeaseId lease = LeaseId.of(leaseId);
        Dispatched d = dispatcher.send(new CancelRentCharge(id, lease, period, body.reason().trim()), contexts.resolve(request));
        return CommandResponse.ok(d, Map.of("propertyId", id.value(), "leaseId", lease.value(), "period", period, "cancelled", true));
    }

    @PostMapping("/{propertyId}/leases/{leaseId}/end")
    @Operation(summary = "End a tenancy on its last day, with the reason (MOVED_TO_AUTONOMOUS_HOUSING, MOVED_ELSEWHERE, EVICTION, DECEASED, OTHER with a note)")
    public ResponseEntity<Map<String, Object>> end(@PathVariable String propertyId, @PathVariable String leaseId,
                                                   @Valid @RequestBody EndLeaseRequest body, HttpServletRequest request) {
        PropertyId id = PropertyId.of(propertyId);
        LeaseId lease = LeaseId.of(leaseId);
        Dispatched d = dispatcher.send(new EndLease(id, lease, body.endDate(), body.reason(), body.note() == null ? null : body.note().trim()),
                contexts.resolve(request));
        return CommandResponse.ok(d, Map.of("propertyId", id.value(), "leaseId", lease.value(), "endDate", body.endDate().toString(),
                "reason", body.reason().name()));
    }

    /** What the month still has outstanding after the command, as the property computed it. */
    private static void outstanding(Dispatched d, Map<String, Object> answer) {
        if (d.result() instanceof Money outstanding) {
            answer.put("outstanding", MoneyBody.of(outstanding));
        }
    }
}
