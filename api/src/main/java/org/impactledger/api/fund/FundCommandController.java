package org.impactledger.api.fund;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Map;
import org.impactledger.api.fund.FundRequests.AdvanceRequest;
import org.impactledger.api.fund.FundRequests.CallCapitalRequest;
import org.impactledger.api.fund.FundRequests.CommitBudgetRequest;
import org.impactledger.api.fund.FundRequests.CommitCapitalRequest;
import org.impactledger.api.fund.FundRequests.DistributeRequest;
import org.impactledger.api.fund.FundRequests.OpenFundRequest;
import org.impactledger.api.fund.FundRequests.ReceiveCapitalRequest;
import org.impactledger.api.fund.FundRequests.ValuationRequest;
import org.impactledger.api.web.CommandDispatcher;
import org.impactledger.api.web.CommandDispatcher.Dispatched;
import org.impactledger.api.web.CommandResponse;
import org.impactledger.api.web.Ids;
import org.impactledger.api.web.NrrpBody;
import org.impactledger.api.web.RequestContext;
import org.impactledger.api.web.RequestContextResolver;
import org.impactledger.core.fund.NrrpTag;
import org.impactledger.core.fund.command.AdvanceWorkingCapital;
import org.impactledger.core.fund.command.CallCapital;
import org.impactledger.core.fund.command.CommitCapital;
import org.impactledger.core.fund.command.CommitOutcomeBudget;
import org.impactledger.core.fund.command.Distribute;
import org.impactledger.core.fund.command.OpenFund;
import org.impactledger.core.fund.command.ReceiveCapital;
import org.impactledger.core.fund.command.RecordValuation;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Identifier;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.ProviderId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands of the Outcome Fund: investor flows, payer budgets, distributions and valuations. */
@RestController
@RequestMapping("/api/funds")
@Tag(name = "Funds (commands)")
public class FundCommandController {

    private final CommandDispatcher dispatcher;
    private final RequestContextResolver contexts;

    public FundCommandController(CommandDispatcher dispatcher, RequestContextResolver contexts) {
        this.dispatcher = dispatcher;
        this.contexts = contexts;
    }

    @PostMapping
    @Operation(summary = "Open a fund")
    public ResponseEntity<Map<String, Object>> open(@Valid @RequestBody OpenFundRequest body, HttpServletRequest request) {
        FundId fundId = FundId.of(Ids.orNew(body.fundId(), "fund"));
        Dispatched d = dispatcher.send(new OpenFund(fundId, body.name().trim(), body.currency(), body.manager().trim(), body.returnCapMultiple()),
                contexts.resolve(request));
        return CommandResponse.created(d, "/api/funds/" + fundId, Map.of("fundId", fundId.value()));
    }

    @PostMapping("/{fundId}/commitments")
    @Operation(summary = "Record an investor's capital commitment")
    public ResponseEntity<Map<String, Object>> commit(@PathVariable String fundId, @Valid @RequestBody CommitCapitalRequest body,
                                                      HttpServletRequest request) {
        FundId id = fund(fundId);
        Dispatched d = dispatcher.send(new CommitCapital(id, InvestorId.of(body.investorId()), body.amount().toMoney(), body.valueDate()),
                contexts.resolve(request));
        return CommandResponse.created(d, "/api/funds/" + id + "/investors", Map.of("fundId", id.value(), "investorId", body.investorId()));
    }

    @PostMapping("/{fundId}/capital-calls")
    @Operation(summary = "Call capital from an investor (never beyond the uncalled commitment)")
    public ResponseEntity<Map<String, Object>> call(@PathVariable String fundId, @Valid @RequestBody CallCapitalRequest body,
                                                    HttpServletRequest request) {
        FundId id = fund(fundId);
        String callId = Ids.orNew(body.callId(), "call");
        Dispatched d = dispatcher.send(new CallCapital(id, callId, InvestorId.of(body.investorId()), body.amount().toMoney(), body.dueDate()),
                contexts.resolve(request));
        return CommandResponse.created(d, "/api/funds/" + id + "/investors", Map.of("fundId", id.value(), "callId", callId));
    }

    @PostMapping("/{fundId}/capital-calls/{callId}/receipts")
    @Operation(summary = "Record cash received against a capital call")
    public ResponseEntity<Map<String, Object>> receive(@PathVariable String fundId, @PathVariable String callId,
                                                       @Valid @RequestBody ReceiveCapitalRequest body, HttpServletRequest request) {
        FundId id = fund(fundId);
        Identifier.requireValid(callId, "callId");
        Dispatched d = dispatcher.send(new ReceiveCapital(id, callId, body.amount().toMoney(), body.valueDate(), body.bankReference().trim()),
                contexts.resolve(request));
        return CommandResponse.created(d, "/api/funds/" + id, Map.of("fundId", id.value(), "callId", callId));
    }

    @PostMapping("/{fundId}/advances")
    @Operation(summary = "Advance working capital to a provider")
    public ResponseEntity<Map<String, Object>> advance(@PathVariable String fundId, @Valid @RequestBody AdvanceRequest body,
                                                       HttpServletRequest request) {
        FundId id = fund(fundId);
        String advanceId = Ids.orNew(body.advanceId(), "advance");
        Dispatched d = dispatcher.send(new AdvanceWorkingCapital(id, advanceId, ProviderId.of(body.providerId()), ContractId.of(body.contractId()),
                body.amount().toMoney(), body.valueDate()), contexts.resolve(request));
        return CommandResponse.created(d, "/api/funds/" + id, Map.of("fundId", id.value(), "advanceId", advanceId));
    }

    @PostMapping("/{fundId}/budgets")
    @Operation(summary = "Commit an outcome payer's budget, optionally tagged as NRRP money (CUP and measure)")
    public ResponseEntity<Map<String, Object>> budget(@PathVariable String fundId, @Valid @RequestBody CommitBudgetRequest body,
                                                      HttpServletRequest request) {
        FundId id = fund(fundId);
        BudgetId budgetId = BudgetId.of(Ids.orNew(body.budgetId(), "budget"));
        NrrpTag nrrp = NrrpBody.toTag(body.nrrp());
        RequestContext context = contexts.resolve(request);
        // an outcome payer commits only its own money; the body names the payer, so it is checked here, before any event
        context.caller().requirePayer(body.payerId(), "payerId");
        Dispatched d = dispatcher.send(new CommitOutcomeBudget(id, budgetId, PayerId.of(body.payerId()), body.amount().toMoney(), nrrp,
                body.valueDate()), context);
        return CommandResponse.created(d, "/api/funds/" + id + "/budgets", Map.of("fundId", id.value(), "budgetId", budgetId.value()));
    }

    @PostMapping("/{fundId}/distributions")
    @Operation(summary = "Distribute fund cash to investors by the waterfall")
    public ResponseEntity<Map<String, Object>> distribute(@PathVariable String fundId, @Valid @RequestBody DistributeRequest body,
                                                          HttpServletRequest request) {
        FundId id = fund(fundId);
        String distributionId = Ids.orNew(body.distributionId(), "distribution");
        Dispatched d = dispatcher.send(new Distribute(id, distributionId, body.amount().toMoney(), body.valueDate()), contexts.resolve(request));
        return CommandResponse.created(d, "/api/funds/" + id + "/investors", Map.of("fundId", id.value(), "distributionId", distributionId));
    }

    @PostMapping("/{fundId}/valuations")
    @Operation(summary = "Record the fund's net asset value at a date")
    public ResponseEntity<Map<String, Object>> valuation(@PathVariable String fundId, @Valid @RequestBody ValuationRequest body,
                                                         HttpServletRequest request) {
        FundId id = fund(fundId);
        Dispatched d = dispatcher.send(new RecordValuation(id, body.netAssetValue().toMoney(), body.asOf(), body.method().trim()),
                contexts.resolve(request));
        return CommandResponse.created(d, "/api/funds/" + id, Map.of("fundId", id.value(), "asOf", body.asOf().toString()));
    }

    private static FundId fund(String value) {
        return FundId.of(value);
    }
}
