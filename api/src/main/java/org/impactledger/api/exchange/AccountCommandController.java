package org.impactledger.api.exchange;

import org.impactledger.api.security.LedgerPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Map;
import org.impactledger.api.exchange.ExchangeRequests.CashTransferRequest;
import org.impactledger.api.exchange.ExchangeRequests.OpenAccountRequest;
import org.impactledger.api.web.CommandDispatcher;
import org.impactledger.api.web.CommandDispatcher.Dispatched;
import org.impactledger.api.web.CommandResponse;
import org.impactledger.api.web.RequestContext;
import org.impactledger.api.web.RequestContextResolver;
import org.impactledger.core.exchange.command.DepositCash;
import org.impactledger.core.exchange.command.OpenAccount;
import org.impactledger.core.exchange.command.WithdrawCash;
import org.impactledger.core.shared.InvestorId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Investors' cash accounts on the exchange, addressed by investor id: open one (in one currency),
 * pay cash in, take available cash out. Buying and subscribing reserve cash; see the instrument
 * endpoints.
 */
@RestController
@RequestMapping("/api/exchange/accounts")
@Tag(name = "Exchange: investor accounts (commands)")
public class AccountCommandController {

    private final CommandDispatcher dispatcher;
    private final RequestContextResolver contexts;

    public AccountCommandController(CommandDispatcher dispatcher, RequestContextResolver contexts) {
        this.dispatcher = dispatcher;
        this.contexts = contexts;
    }

    @PostMapping
    @Operation(summary = "Open an investor's exchange account, kept in one currency")
    public ResponseEntity<Map<String, Object>> open(@Valid @RequestBody OpenAccountRequest body, HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        LedgerPrincipal.current().requireInvestor(body.investorId(), "investorId");
        InvestorId investorId = InvestorId.of(body.investorId());
        LocalDate on = ActionDate.of(body.openedOn(), context);
        Dispatched d = dispatcher.send(new OpenAccount(investorId, body.currency(), on), ActionDate.on(context, on));
        return CommandResponse.created(d, path(investorId), Map.of("investorId", investorId.value()));
    }

    @PostMapping("/{investorId}/deposits")
    @Operation(summary = "The investor pays cash into the account by bank transfer")
    public ResponseEntity<Map<String, Object>> deposit(@PathVariable String investorId, @Valid @RequestBody CashTransferRequest body,
                                                       HttpServletRequest request) {
        LedgerPrincipal.current().requireInvestor(investorId, "investorId");
        RequestContext context = contexts.resolve(request);
        InvestorId id = InvestorId.of(investorId);
        Dispatched d = dispatcher.send(new DepositCash(id, body.amount().toMoney(), body.bankReference().trim(), body.valueDate()),
                ActionDate.on(context, body.valueDate()));
        return CommandResponse.created(d, path(id), Map.of("investorId", id.value(), "bankReference", body.bankReference().trim()));
    }

    @PostMapping("/{investorId}/withdrawals")
    @Operation(summary = "The investor takes available cash (not reserved for orders or subscriptions) out of the account")
    public ResponseEntity<Map<String, Object>> withdraw(@PathVariable String investorId, @Valid @RequestBody CashTransferRequest body,
                                                        HttpServletRequest request) {
        LedgerPrincipal.current().requireInvestor(investorId, "investorId");
        RequestContext context = contexts.resolve(request);
        InvestorId id = InvestorId.of(investorId);
        Dispatched d = dispatcher.send(new WithdrawCash(id, body.amount().toMoney(), body.bankReference().trim(), body.valueDate()),
                ActionDate.on(context, body.valueDate()));
        return CommandResponse.created(d, path(id), Map.of("investorId", id.value(), "bankReference", body.bankReference().trim()));
    }

    private static String path(InvestorId investorId) {
        return "/api/exchange/accounts/" + investorId;
    }
}
