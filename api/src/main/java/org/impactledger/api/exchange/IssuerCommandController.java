package org.impactledger.api.exchange;

import org.impactledger.api.security.LedgerPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.impactledger.api.exchange.ExchangeRequests.AdmitIssuerRequest;
import org.impactledger.api.exchange.ExchangeRequests.CashTransferRequest;
import org.impactledger.api.exchange.ExchangeRequests.ReinstateIssuerRequest;
import org.impactledger.api.exchange.ExchangeRequests.RejectIssuerOutcomeRequest;
import org.impactledger.api.exchange.ExchangeRequests.ReportIssuerOutcomeRequest;
import org.impactledger.api.exchange.ExchangeRequests.SuspendIssuerRequest;
import org.impactledger.api.exchange.ExchangeRequests.VerifyIssuerOutcomeRequest;
import org.impactledger.api.web.CommandDispatcher;
import org.impactledger.api.web.CommandDispatcher.Dispatched;
import org.impactledger.api.web.CommandResponse;
import org.impactledger.api.web.DateWindows;
import org.impactledger.api.web.Ids;
import org.impactledger.api.web.RequestContext;
import org.impactledger.api.web.RequestContextResolver;
import org.impactledger.core.exchange.command.AdmitIssuer;
import org.impactledger.core.exchange.command.DepositIssuerCash;
import org.impactledger.core.exchange.command.ReinstateIssuer;
import org.impactledger.core.exchange.command.RejectIssuerOutcome;
import org.impactledger.core.exchange.command.ReportIssuerOutcome;
import org.impactledger.core.exchange.command.SuspendIssuer;
import org.impactledger.core.exchange.command.VerifyIssuerOutcome;
import org.impactledger.core.exchange.command.WithdrawIssuerCash;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.OutcomeId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands of the exchange's issuers: admission, suspension and reinstatement, outcomes (report →
 * verify or reject) and the issuer's cash. Four eyes on outcomes: the reporter, verifier and
 * rejecter are the request's principal ({@code X-Actor}), never a body field, and the issuer
 * refuses a verifier or rejecter who reported the outcome.
 */
@RestController
@RequestMapping("/api/exchange/issuers")
@Tag(name = "Exchange: issuers (commands)")
public class IssuerCommandController {

    private final CommandDispatcher dispatcher;
    private final RequestContextResolver contexts;
    private final DateWindows dates;

    public IssuerCommandController(CommandDispatcher dispatcher, RequestContextResolver contexts, DateWindows dates) {
        this.dispatcher = dispatcher;
        this.contexts = contexts;
        this.dates = dates;
    }

    @PostMapping
    @Operation(summary = "Admit a social enterprise as an issuer, with the currency of its cash and its SDG focus (SDG target codes)")
    public ResponseEntity<Map<String, Object>> admit(@Valid @RequestBody AdmitIssuerRequest body, HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        IssuerId issuerId = IssuerId.of(Ids.orNew(body.issuerId(), "issuer"));
        LocalDate on = ActionDate.of(body.admittedOn(), context);
        Dispatched d = dispatcher.send(new AdmitIssuer(issuerId, body.name().trim(), body.currency(), body.sdgFocus().stream().map(String::trim).toList(),
                on), ActionDate.on(context, on));
        return CommandResponse.created(d, path(issuerId), Map.of("issuerId", issuerId.value()));
    }

    @PostMapping("/{issuerId}/suspension")
    @Operation(summary = "Suspend the issuer: its instruments take no orders, subscriptions or offerings until it is reinstated")
    public ResponseEntity<Map<String, Object>> suspend(@PathVariable String issuerId, @Valid @RequestBody SuspendIssuerRequest body,
                                                       HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        IssuerId id = IssuerId.of(issuerId);
        LocalDate on = ActionDate.of(body.suspendedOn(), context);
        Dispatched d = dispatcher.send(new SuspendIssuer(id, body.reason().trim(), on), ActionDate.on(context, on));
        return CommandResponse.ok(d, Map.of("issuerId", id.value(), "suspended", true));
    }

    @PostMapping("/{issuerId}/reinstatement")
    @Operation(summary = "Lift the issuer's suspension")
    public ResponseEntity<Map<String, Object>> reinstate(@PathVariable String issuerId, @Valid @RequestBody ReinstateIssuerRequest body,
                                                         HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        IssuerId id = IssuerId.of(issuerId);
        LocalDate on = ActionDate.of(body.reinstatedOn(), context);
        Dispatched d = dispatcher.send(new ReinstateIssuer(id, body.reason().trim(), on), ActionDate.on(context, on));
        return CommandResponse.ok(d, Map.of("issuerId", id.value(), "suspended", false));
    }

    @PostMapping("/{issuerId}/outcomes")
    @Operation(summary = "Report an outcome (metric, SDG target of the issuer's focus, quantity, period); the reporter is the request's principal")
    public ResponseEntity<Map<String, Object>> report(@PathVariable String issuerId, @Valid @RequestBody ReportIssuerOutcomeRequest body,
                                                      HttpServletRequest request) {
        LedgerPrincipal.current().requireIssuer(issuerId, "issuerId");
        RequestContext context = contexts.resolve(request);
        IssuerId id = IssuerId.of(issuerId);
        OutcomeId outcomeId = OutcomeId.of(Ids.orNew(body.outcomeId(), "outcome"));
        dates.requirePeriod(body.period(), "period");
        Dispatched d = dispatcher.send(new ReportIssuerOutcome(id, outcomeId, body.metricCode().trim(), body.sdgTarget().trim(), body.quantity(),
                body.period(), context.principal()), context);
        return CommandResponse.created(d, path(id), outcome(id, outcomeId.value(), "REPORTED"));
    }

    @PostMapping("/{issuerId}/outcomes/{outcomeId}/verification")
    @Operation(summary = "Verify all or part of a reported outcome (a different principal than the reporter)")
    public ResponseEntity<Map<String, Object>> verify(@PathVariable String issuerId, @PathVariable String outcomeId,
                                                      @Valid @RequestBody VerifyIssuerOutcomeRequest body, HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        IssuerId id = IssuerId.of(issuerId);
        OutcomeId outcome = OutcomeId.of(outcomeId);
        Dispatched d = dispatcher.send(new VerifyIssuerOutcome(id, outcome, body.verifiedQuantity(), body.note(), context.principal()), context);
        return CommandResponse.ok(d, outcome(id, outcome.value(), "VERIFIED"));
    }

    @PostMapping("/{issuerId}/outcomes/{outcomeId}/rejection")
    @Operation(summary = "Reject a reported outcome with a reason (a different principal than the reporter)")
    public ResponseEntity<Map<String, Object>> reject(@PathVariable String issuerId, @PathVariable String outcomeId,
                                                      @Valid @RequestBody RejectIssuerOutcomeRequest body, HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        IssuerId id = IssuerId.of(issuerId);
        OutcomeId outcome = OutcomeId.of(outcomeId);
        Dispatched d = dispatcher.send(new RejectIssuerOutcome(id, outcome, body.reason().trim(), context.principal()), context);
        return CommandResponse.ok(d, outcome(id, outcome.value(), "REJECTED"));
    }

    @PostMapping("/{issuerId}/cash-deposits")
    @Operation(summary = "The issuer pays cash into its exchange cash account (to fund coupons and dividends)")
    public ResponseEntity<Map<String, Object>> deposit(@PathVariable String issuerId, @Valid @RequestBody CashTransferRequest body,
                                                       HttpServletRequest request) {
        LedgerPrincipal.current().requireIssuer(issuerId, "issuerId");
        RequestContext context = contexts.resolve(request);
        IssuerId id = IssuerId.of(issuerId);
        Dispatched d = dispatcher.send(new DepositIssuerCash(id, body.amount().toMoney(), body.bankReference().trim(), body.valueDate()),
                ActionDate.on(context, body.valueDate()));
        return CommandResponse.created(d, path(id), Map.of("issuerId", id.value(), "bankReference", body.bankReference().trim()));
    }

    @PostMapping("/{issuerId}/cash-withdrawals")
    @Operation(summary = "The issuer takes cash out of its exchange cash account (never below zero)")
    public ResponseEntity<Map<String, Object>> withdraw(@PathVariable String issuerId, @Valid @RequestBody CashTransferRequest body,
                                                        HttpServletRequest request) {
        LedgerPrincipal.current().requireIssuer(issuerId, "issuerId");
        RequestContext context = contexts.resolve(request);
        IssuerId id = IssuerId.of(issuerId);
        Dispatched d = dispatcher.send(new WithdrawIssuerCash(id, body.amount().toMoney(), body.bankReference().trim(), body.valueDate()),
                ActionDate.on(context, body.valueDate()));
        return CommandResponse.created(d, path(id), Map.of("issuerId", id.value(), "bankReference", body.bankReference().trim()));
    }

    private static String path(IssuerId issuerId) {
        return "/api/exchange/issuers/" + issuerId;
    }

    private static Map<String, Object> outcome(IssuerId issuerId, String outcomeId, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuerId", issuerId.value());
        body.put("outcomeId", outcomeId);
        body.put("status", status);
        return body;
    }
}
