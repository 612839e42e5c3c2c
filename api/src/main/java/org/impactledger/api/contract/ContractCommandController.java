package org.impactledger.api.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.impactledger.api.contract.ContractRequests.AmendRateCardRequest;
import org.impactledger.api.contract.ContractRequests.CloseContractRequest;
import org.impactledger.api.contract.ContractRequests.ExecutePaymentRequest;
import org.impactledger.api.contract.ContractRequests.RateCardLine;
import org.impactledger.api.contract.ContractRequests.RejectOutcomeRequest;
import org.impactledger.api.contract.ContractRequests.ReportOutcomeRequest;
import org.impactledger.api.contract.ContractRequests.ReversePaymentRequest;
import org.impactledger.api.contract.ContractRequests.SignContractRequest;
import org.impactledger.api.contract.ContractRequests.VerifyOutcomeRequest;
import org.impactledger.api.contract.ContractRequests.WithdrawOutcomeRequest;
import org.impactledger.api.web.CommandDispatcher;
import org.impactledger.api.web.CommandDispatcher.Dispatched;
import org.impactledger.api.web.CommandResponse;
import org.impactledger.api.web.Ids;
import org.impactledger.api.web.MoneyBody;
import org.impactledger.api.web.RequestContext;
import org.impactledger.api.web.RequestContextResolver;
import org.impactledger.core.contract.command.AmendRateCard;
import org.impactledger.core.contract.command.ApproveOutcomePayment;
import org.impactledger.core.contract.command.CloseContract;
import org.impactledger.core.contract.command.ExecuteOutcomePayment;
import org.impactledger.core.contract.command.RejectOutcome;
import org.impactledger.core.contract.command.ReportOutcome;
import org.impactledger.core.contract.command.ReversePayment;
import org.impactledger.core.contract.command.SignContract;
import org.impactledger.core.contract.command.VerifyOutcome;
import org.impactledger.core.contract.command.WithdrawOutcome;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Identifier;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.ProviderId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands of social outcomes contracts and the outcome lifecycle: report → verify or reject →
 * approve payment → execute payment, with reversals and withdrawals as corrections. The acting
 * principal (for the four-eyes rules) is the authenticated principal, never a body field; the
 * provider or payer it belongs to travels on the command so that the contract refuses another's.
 */
@RestController
@RequestMapping("/api/contracts")
@Tag(name = "Contracts and outcomes (commands)")
public class ContractCommandController {

    private final CommandDispatcher dispatcher;
    private final RequestContextResolver contexts;

    public ContractCommandController(CommandDispatcher dispatcher, RequestContextResolver contexts) {
        this.dispatcher = dispatcher;
        this.contexts = contexts;
    }

    @PostMapping
    @Operation(summary = "Sign a contract between a fund and a provider, with cap and rate card")
    public ResponseEntity<Map<String, Object>> sign(@Valid @RequestBody SignContractRequest body, HttpServletRequest request) {
        ContractId contractId = ContractId.of(Ids.orNew(body.contractId(), "contract"));
        Dispatched d = dispatcher.send(new SignContract(contractId, FundId.of(body.fundId()), ProviderId.of(body.providerId()),
                BudgetId.of(body.budgetId()), body.title().trim(), body.startDate(), body.endDate(), body.cap().toMoney(),
                body.rateCard().stream().map(RateCardLine::toEntry).toList()), contexts.resolve(request));
        return CommandResponse.created(d, "/api/contracts/" + contractId, Map.of("contractId", contractId.value()));
    }

    @PostMapping("/{contractId}/rate-card-amendments")
    @Operation(summary = "Amend the rate card from a date; outcomes are priced by their outcome date")
    public ResponseEntity<Map<String, Object>> amend(@PathVariable String contractId, @Valid @RequestBody AmendRateCardRequest body,
                                                     HttpServletRequest request) {
        ContractId id = ContractId.of(contractId);
        String amendmentId = Ids.orNew(body.amendmentId(), "amendment");
        Dispatched d = dispatcher.send(new AmendRateCard(id, amendmentId, body.effectiveFrom(),
                body.entries().stream().map(RateCardLine::toEntry).toList()), contexts.resolve(request));
        return CommandResponse.created(d, "/api/contracts/" + id, Map.of("contractId", id.value(), "amendmentId", amendmentId));
    }

    @PostMapping("/{contractId}/close")
    @Operation(summary = "Close the contract: it accepts no more outcomes")
    public ResponseEntity<Map<String, Object>> close(@PathVariable String contractId, @Valid @RequestBody CloseContractRequest body,
                                                     HttpServletRequest request) {
        ContractId id = ContractId.of(contractId);
        Dispatched d = dispatcher.send(new CloseContract(id, body.closedOn(), body.reason().trim()), contexts.resolve(request));
        return CommandResponse.ok(d, Map.of("contractId", id.value(), "status", "CLOSED"));
    }

    @PostMapping("/{contractId}/outcomes")
    @Operation(summary = "Report an outcome for a pseudonymous beneficiary, with the SHA-256 of the evidence")
    public ResponseEntity<Map<String, Object>> report(@PathVariable String contractId, @Valid @RequestBody ReportOutcomeRequest body,
                                                      HttpServletRequest request) {
        ContractId id = ContractId.of(contractId);
        RequestContext context = contexts.resolve(request);
        OutcomeId outcomeId = OutcomeId.of(Ids.orNew(body.outcomeId(), "outcome"));
        Dispatched d = dispatcher.send(ReportOutcome.of(id, body.toReport(outcomeId), context.principal(), context.actingProvider()), context);
        return CommandResponse.created(d, outcomePath(id, outcomeId), Map.of("contractId", id.value(), "outcomeId", outcomeId.value(),
                "status", "REPORTED"));
    }

    @PostMapping("/{contractId}/outcomes/{outcomeId}/verification")
    @Operation(summary = "Verify an outcome (a different principal than the reporter)")
    public ResponseEntity<Map<String, Object>> verify(@PathVariable String contractId, @PathVariable String outcomeId,
                                                      @Valid @RequestBody VerifyOutcomeRequest body, HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        Dispatched d = dispatcher.send(new VerifyOutcome(ContractId.of(contractId), OutcomeId.of(outcomeId), body.verifiedQuantity(),
                body.note(), context.principal()), context);
        return CommandResponse.ok(d, outcomeBody(contractId, outcomeId, "VERIFIED"));
    }

    @PostMapping("/{contractId}/outcomes/{outcomeId}/rejection")
    @Operation(summary = "Reject an outcome with a reason (kept for auditors)")
    public ResponseEntity<Map<String, Object>> reject(@PathVariable String contractId, @PathVariable String outcomeId,
                                                      @Valid @RequestBody RejectOutcomeRequest body, HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        Dispatched d = dispatcher.send(new RejectOutcome(ContractId.of(contractId), OutcomeId.of(outcomeId), body.reason().trim(),
                context.principal()), context);
        return CommandResponse.ok(d, outcomeBody(contractId, outcomeId, "REJECTED"));
    }

    @PostMapping("/{contractId}/outcomes/{outcomeId}/payment-approval")
    @Operation(summary = "Approve payment of verified quantity × price (neither reporter nor verifier)")
    public ResponseEntity<Map<String, Object>> approve(@PathVariable String contractId, @PathVariable String outcomeId,
                                                       HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        Dispatched d = dispatcher.send(new ApproveOutcomePayment(ContractId.of(contractId), OutcomeId.of(outcomeId), context.principal(),
                context.actingPayer()), context);
        Map<String, Object> body = outcomeBody(contractId, outcomeId, "APPROVED");
        if (d.result() instanceof Money amount) {
            body.put("amount", MoneyBody.of(amount));
        }
        return CommandResponse.ok(d, body);
    }

    @PostMapping("/{contractId}/outcomes/{outcomeId}/payment-execution")
    @Operation(summary = "Record the bank transfer of an approved payment")
    public ResponseEntity<Map<String, Object>> execute(@PathVariable String contractId, @PathVariable String outcomeId,
                                                       @Valid @RequestBody ExecutePaymentRequest body, HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        Dispatched d = dispatcher.send(new ExecuteOutcomePayment(ContractId.of(contractId), OutcomeId.of(outcomeId), body.bankReference().trim(),
                body.valueDate(), context.principal(), context.actingPayer()), context);
        return CommandResponse.ok(d, outcomeBody(contractId, outcomeId, "PAID"));
    }

    @PostMapping("/{contractId}/outcomes/{outcomeId}/payment-reversal")
    @Operation(summary = "Reverse an approved or executed payment (a correction that references the payment)")
    public ResponseEntity<Map<String, Object>> reverse(@PathVariable String contractId, @PathVariable String outcomeId,
                                                       @Valid @RequestBody ReversePaymentRequest body, HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        Dispatched d = dispatcher.send(new ReversePayment(ContractId.of(contractId), OutcomeId.of(outcomeId), body.reason().trim(),
                body.valueDate(), context.principal(), context.actingPayer()), context);
        return CommandResponse.ok(d, outcomeBody(contractId, outcomeId, "VERIFIED"));
    }

    @PostMapping("/{contractId}/outcomes/{outcomeId}/withdrawal")
    @Operation(summary = "Withdraw an unpaid outcome (a correction)")
    public ResponseEntity<Map<String, Object>> withdraw(@PathVariable String contractId, @PathVariable String outcomeId,
                                                        @Valid @RequestBody WithdrawOutcomeRequest body, HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        Dispatched d = dispatcher.send(new WithdrawOutcome(ContractId.of(contractId), OutcomeId.of(outcomeId), body.reason().trim(),
                context.principal(), context.actingProvider()), context);
        return CommandResponse.ok(d, outcomeBody(contractId, outcomeId, "WITHDRAWN"));
    }

    private static String outcomePath(ContractId contractId, OutcomeId outcomeId) {
        return "/api/contracts/" + contractId + "/outcomes/" + outcomeId;
    }

    private static Map<String, Object> outcomeBody(String contractId, String outcomeId, String status) {
        Identifier.requireValid(contractId, "contractId");
        Identifier.requireValid(outcomeId, "outcomeId");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contractId", contractId);
        body.put("outcomeId", outcomeId);
        body.put("status", status);
        return body;
    }
}
