package org.impactledger.api.exchange;

import org.impactledger.api.security.LedgerPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.impactledger.api.exchange.ExchangeRequests.CancelOfferingRequest;
import org.impactledger.api.exchange.ExchangeRequests.CancelOrderRequest;
import org.impactledger.api.exchange.ExchangeRequests.CloseOfferingRequest;
import org.impactledger.api.exchange.ExchangeRequests.DelistInstrumentRequest;
import org.impactledger.api.exchange.ExchangeRequests.ListInstrumentRequest;
import org.impactledger.api.exchange.ExchangeRequests.OpenOfferingRequest;
import org.impactledger.api.exchange.ExchangeRequests.PayCouponRequest;
import org.impactledger.api.exchange.ExchangeRequests.PayDividendRequest;
import org.impactledger.api.exchange.ExchangeRequests.PlaceOrderRequest;
import org.impactledger.api.exchange.ExchangeRequests.SubscribeRequest;
import org.impactledger.api.web.CommandDispatcher;
import org.impactledger.api.web.CommandDispatcher.Dispatched;
import org.impactledger.api.web.CommandResponse;
import org.impactledger.api.web.Ids;
import org.impactledger.api.web.MoneyBody;
import org.impactledger.api.web.RequestContext;
import org.impactledger.api.web.RequestContextResolver;
import org.impactledger.core.exchange.OrderOutcome;
import org.impactledger.core.exchange.command.CancelOffering;
import org.impactledger.core.exchange.command.CancelOrder;
import org.impactledger.core.exchange.command.CloseOffering;
import org.impactledger.core.exchange.command.DelistInstrument;
import org.impactledger.core.exchange.command.ListInstrument;
import org.impactledger.core.exchange.command.OpenOffering;
import org.impactledger.core.exchange.command.PayCoupon;
import org.impactledger.core.exchange.command.PayDividend;
import org.impactledger.core.exchange.command.PlaceOrder;
import org.impactledger.core.exchange.command.SubscribeToOffering;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.OfferingId;
import org.impactledger.core.shared.OrderId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands of the exchange's instruments: listing and delisting; primary offerings (open,
 * subscribe, close with pro-rata allocation, cancel); limit orders (place, answered with the fills
 * it made at once; cancel); income (dividends on shares, coupons on social bonds). Every command
 * that moves cash settles the instrument, the investors' accounts and the issuer in one unit of
 * work, or refuses and changes nothing. An issuer acts only on its own instruments (the acting
 * issuer comes from the authenticated principal and the instrument checks it); an investor only for
 * its own account.
 */
@RestController
@RequestMapping("/api/exchange/instruments")
@Tag(name = "Exchange: instruments, offerings, orders and income (commands)")
public class InstrumentCommandController {

    private final CommandDispatcher dispatcher;
    private final RequestContextResolver contexts;

    public InstrumentCommandController(CommandDispatcher dispatcher, RequestContextResolver contexts) {
        this.dispatcher = dispatcher;
        this.contexts = contexts;
    }

    // ---------------------------------------------------------------- listing

    @PostMapping
    @Operation(summary = "List an instrument of an admitted issuer: SHARE, SOCIAL_BOND (with bondTerms) or ZERO_COUPON_ZERO_PRINCIPAL")
    public ResponseEntity<Map<String, Object>> list(@Valid @RequestBody ListInstrumentRequest body, HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        InstrumentId instrumentId = InstrumentId.of(Ids.orNew(body.instrumentId(), "instrument"));
        LocalDate on = ActionDate.of(body.listedOn(), context);
        Dispatched d = dispatcher.send(new ListInstrument(instrumentId, IssuerId.of(body.issuerId()), body.name().trim(), body.type(),
                body.bondTerms() == null ? null : body.bondTerms().toTerms(), on, LedgerPrincipal.current().actingIssuer()),
                ActionDate.on(context, on));
        return CommandResponse.created(d, path(instrumentId), Map.of("instrumentId", instrumentId.value()));
    }

    @PostMapping("/{instrumentId}/delisting")
    @Operation(summary = "Delist the instrument; its resting orders are cancelled (no offering may be open)")
    public ResponseEntity<Map<String, Object>> delist(@PathVariable String instrumentId, @Valid @RequestBody DelistInstrumentRequest body,
                                                      HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        InstrumentId id = InstrumentId.of(instrumentId);
        LocalDate on = ActionDate.of(body.delistedOn(), context);
        Dispatched d = dispatcher.send(new DelistInstrument(id, body.reason().trim(), on, LedgerPrincipal.current().actingIssuer()), ActionDate.on(context, on));
        return CommandResponse.ok(d, Map.of("instrumentId", id.value(), "status", "DELISTED"));
    }

    // ---------------------------------------------------------------- primary offerings

    @PostMapping("/{instrumentId}/offerings")
    @Operation(summary = "Open a primary offering: size in units, price per unit, subscription window")
    public ResponseEntity<Map<String, Object>> openOffering(@PathVariable String instrumentId, @Valid @RequestBody OpenOfferingRequest body,
                                                            HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        InstrumentId id = InstrumentId.of(instrumentId);
        OfferingId offeringId = OfferingId.of(Ids.orNew(body.offeringId(), "offering"));
        Dispatched d = dispatcher.send(new OpenOffering(id, offeringId, body.size(), body.price().toMoney(), body.opensOn(), body.closesOn(),
                LedgerPrincipal.current().actingIssuer()),
                ActionDate.on(context, body.opensOn()));
        return CommandResponse.created(d, path(id), offering(id, offeringId.value(), "OPEN"));
    }

    @PostMapping("/{instrumentId}/offerings/{offeringId}/subscriptions")
    @Operation(summary = "Subscribe for units; quantity × price is reserved on the investor's account until the offering closes")
    public ResponseEntity<Map<String, Object>> subscribe(@PathVariable String instrumentId, @PathVariable String offeringId,
                                                         @Valid @RequestBody SubscribeRequest body, HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        InstrumentId id = InstrumentId.of(instrumentId);
        OfferingId offering = OfferingId.of(offeringId);
        LocalDate on = ActionDate.of(body.subscribedOn(), context);
        LedgerPrincipal.current().requireInvestor(body.investorId(), "investorId");
        Dispatched d = dispatcher.send(new SubscribeToOffering(id, offering, InvestorId.of(body.investorId()), body.quantity(), on),
                ActionDate.on(context, on));
        Map<String, Object> answer = offering(id, offering.value(), "OPEN");
        answer.put("investorId", body.investorId());
        answer.put("quantity", body.quantity());
        return CommandResponse.created(d, path(id), answer);
    }

    @PostMapping("/{instrumentId}/offerings/{offeringId}/close")
    @Operation(summary = "Close the offering: allocate (pro rata by largest remainder when oversubscribed) and settle cash and units")
    public ResponseEntity<Map<String, Object>> closeOffering(@PathVariable String instrumentId, @PathVariable String offeringId,
                                                             @Valid @RequestBody(required = false) CloseOfferingRequest body,
                                                             HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        InstrumentId id = InstrumentId.of(instrumentId);
        OfferingId offering = OfferingId.of(offeringId);
        LocalDate on = ActionDate.of(body == null ? null : body.closedOn(), context);
        Dispatched d = dispatcher.send(new CloseOffering(id, offering, on, LedgerPrincipal.current().actingIssuer()), ActionDate.on(context, on));
        return CommandResponse.ok(d, offering(id, offering.value(), "CLOSED"));
    }

    @PostMapping("/{instrumentId}/offerings/{offeringId}/cancellation")
    @Operation(summary = "Cancel an open offering: no units are issued and every subscription's cash is released")
    public ResponseEntity<Map<String, Object>> cancelOffering(@PathVariable String instrumentId, @PathVariable String offeringId,
                                                              @Valid @RequestBody CancelOfferingRequest body, HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        InstrumentId id = InstrumentId.of(instrumentId);
        OfferingId offering = OfferingId.of(offeringId);
        LocalDate on = ActionDate.of(body.cancelledOn(), context);
        Dispatched d = dispatcher.send(new CancelOffering(id, offering, body.reason().trim(), on, LedgerPrincipal.current().actingIssuer()), ActionDate.on(context, on));
        return CommandResponse.ok(d, offering(id, offering.value(), "CANCELLED"));
    }

    // ---------------------------------------------------------------- orders

    @PostMapping("/{instrumentId}/orders")
    @Operation(summary = "Place a limit order; it trades at once by price-time priority as far as prices cross and the rest rests in the book."
            + " Answers with the fills")
    public ResponseEntity<Map<String, Object>> placeOrder(@PathVariable String instrumentId, @Valid @RequestBody PlaceOrderRequest body,
                                                          HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        InstrumentId id = InstrumentId.of(instrumentId);
        OrderId orderId = OrderId.of(Ids.orNew(body.orderId(), "order"));
        LocalDate on = ActionDate.of(body.placedOn(), context);
        LedgerPrincipal.current().requireInvestor(body.investorId(), "investorId");
        Dispatched d = dispatcher.send(new PlaceOrder(id, orderId, InvestorId.of(body.investorId()), body.side(), body.quantity(),
                body.limitPrice().toMoney(), on), ActionDate.on(context, on));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("instrumentId", id.value());
        answer.put("orderId", orderId.value());
        if (d.result() instanceof OrderOutcome outcome) {
            answer.put("status", outcome.status().name());
            answer.put("filled", outcome.filled());
            answer.put("remaining", outcome.remaining());
            answer.put("fills", outcome.fills().stream().map(f -> new FillBody(f.tradeNumber(), f.quantity(), MoneyBody.of(f.price()),
                    MoneyBody.of(f.amount()))).toList());
        } else {
            answer.put("fills", List.of());
        }
        return CommandResponse.created(d, path(id) + "/order-book", answer);
    }

    @PostMapping("/{instrumentId}/orders/{orderId}/cancellation")
    @Operation(summary = "The investor who placed an order cancels what is left of it; a buy order's cash reservation is released")
    public ResponseEntity<Map<String, Object>> cancelOrder(@PathVariable String instrumentId, @PathVariable String orderId,
                                                           @Valid @RequestBody CancelOrderRequest body, HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        InstrumentId id = InstrumentId.of(instrumentId);
        OrderId order = OrderId.of(orderId);
        LocalDate on = ActionDate.of(body.cancelledOn(), context);
        LedgerPrincipal.current().requireInvestor(body.investorId(), "investorId");
        Dispatched d = dispatcher.send(new CancelOrder(id, order, InvestorId.of(body.investorId()), on), ActionDate.on(context, on));
        return CommandResponse.ok(d, Map.of("instrumentId", id.value(), "orderId", order.value(), "status", "CANCELLED"));
    }

    // ---------------------------------------------------------------- income

    @PostMapping("/{instrumentId}/dividends")
    @Operation(summary = "Pay a dividend on a share from the issuer's cash to the holders at the record date, pro rata to units")
    public ResponseEntity<Map<String, Object>> payDividend(@PathVariable String instrumentId, @Valid @RequestBody PayDividendRequest body,
                                                           HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        InstrumentId id = InstrumentId.of(instrumentId);
        String paymentId = Ids.orNew(body.paymentId(), "dividend");
        Dispatched d = dispatcher.send(new PayDividend(id, paymentId, body.amount().toMoney(), body.recordDate(), body.paymentDate(),
                LedgerPrincipal.current().actingIssuer()),
                ActionDate.on(context, body.paymentDate()));
        return CommandResponse.created(d, path(id), Map.of("instrumentId", id.value(), "paymentId", paymentId));
    }

    @PostMapping("/{instrumentId}/coupons")
    @Operation(summary = "Pay one coupon on a social bond (face value × rate ÷ coupons a year per unit) to the holders at the record date")
    public ResponseEntity<Map<String, Object>> payCoupon(@PathVariable String instrumentId, @Valid @RequestBody PayCouponRequest body,
                                                         HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        InstrumentId id = InstrumentId.of(instrumentId);
        String paymentId = Ids.orNew(body.paymentId(), "coupon");
        Dispatched d = dispatcher.send(new PayCoupon(id, paymentId, body.recordDate(), body.paymentDate(), LedgerPrincipal.current().actingIssuer()),
                ActionDate.on(context, body.paymentDate()));
        return CommandResponse.created(d, path(id), Map.of("instrumentId", id.value(), "paymentId", paymentId));
    }

    /** One trade the order made at once: the instrument's trade number, units, price (the resting order's) and amount. */
    public record FillBody(long tradeNumber, long quantity, MoneyBody price, MoneyBody amount) {
    }

    private static String path(InstrumentId instrumentId) {
        return "/api/exchange/instruments/" + instrumentId;
    }

    private static Map<String, Object> offering(InstrumentId instrumentId, String offeringId, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instrumentId", instrumentId.value());
        body.put("offeringId", offeringId);
        body.put("status", status);
        return body;
    }
}
