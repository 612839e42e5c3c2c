package org.impactledger.api.exchange;

import org.impactledger.api.security.LedgerPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.impactledger.api.web.QueryRunner;
import org.impactledger.core.exchange.query.FindHoldings;
import org.impactledger.core.exchange.query.FindInstrument;
import org.impactledger.core.exchange.query.FindIssuer;
import org.impactledger.core.exchange.query.FindOrderBook;
import org.impactledger.core.exchange.query.FindPortfolioImpact;
import org.impactledger.core.exchange.query.ListInstruments;
import org.impactledger.core.exchange.query.ListIssuers;
import org.impactledger.core.exchange.query.ListTrades;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.projections.exchange.holdings.Holdings;
import org.impactledger.projections.exchange.holdings.PortfolioImpactReport;
import org.impactledger.projections.exchange.market.InstrumentDetails;
import org.impactledger.projections.exchange.market.InstrumentPage;
import org.impactledger.projections.exchange.market.IssuerDetails;
import org.impactledger.projections.exchange.market.IssuerPage;
import org.impactledger.projections.exchange.market.OrderBook;
import org.impactledger.projections.exchange.market.TradePage;
import org.impactledger.projections.report.TimeTravel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange's reports: issuers (with their outcomes), instruments (with their offerings), order
 * book depth, the trade tape, an investor's holdings and portfolio impact. Holdings and portfolio
 * impact take the shared time-travel parameters {@code asOf} (business date) and {@code knownAt}
 * (recording time, default now). An unknown id is a 404.
 */
@RestController
@RequestMapping("/api/exchange")
@Tag(name = "Exchange (reports)")
public class ExchangeQueryController {

    private static final String AS_OF = "business date (yyyy-MM-dd): only what had happened by the end of that day";
    private static final String KNOWN_AT = "recording time (ISO-8601 instant, e.g. 2026-10-05T12:00:00Z): only what the ledger had recorded by then; default now";

    private final QueryRunner queries;
    private final Clock clock;

    public ExchangeQueryController(QueryRunner queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/issuers")
    @Operation(summary = "Issuers by id: SDG focus, standing, cash, outcomes reported, verified and rejected")
    public IssuerPage issuers(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queries.one(new ListIssuers(page, size), IssuerPage.class, "page", Integer.toString(page));
    }

    @GetMapping("/issuers/{issuerId}")
    @Operation(summary = "An issuer with its instruments and its outcomes (reported, verified or rejected, by whom)")
    public IssuerDetails issuer(@PathVariable String issuerId) {
        return queries.one(new FindIssuer(IssuerId.of(issuerId)), IssuerDetails.class, "issuer", issuerId);
    }

    @GetMapping("/instruments")
    @Operation(summary = "Instruments by id, optionally of one issuer: terms, units outstanding, capital raised, last price, income paid")
    public InstrumentPage instruments(@RequestParam(required = false) String issuerId, @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        return queries.one(new ListInstruments(issuerId == null ? null : IssuerId.of(issuerId), page, size), InstrumentPage.class, "page",
                Integer.toString(page));
    }

    @GetMapping("/instruments/{instrumentId}")
    @Operation(summary = "An instrument with its primary offerings (subscribed, allocated, proceeds)")
    public InstrumentDetails instrument(@PathVariable String instrumentId) {
        return queries.one(new FindInstrument(InstrumentId.of(instrumentId)), InstrumentDetails.class, "instrument", instrumentId);
    }

    @GetMapping("/instruments/{instrumentId}/order-book")
    @Operation(summary = "Order book depth: per price level the units resting and the number of orders; bids high to low, asks low to high")
    public OrderBook orderBook(@PathVariable String instrumentId) {
        return queries.one(new FindOrderBook(InstrumentId.of(instrumentId)), OrderBook.class, "instrument", instrumentId);
    }

    @GetMapping("/instruments/{instrumentId}/trades")
    @Operation(summary = "The trade tape, newest first (page from 0, size up to 200)")
    public TradePage trades(@PathVariable String instrumentId, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        return queries.one(new ListTrades(InstrumentId.of(instrumentId), page, size), TradePage.class, "instrument", instrumentId);
    }

    @GetMapping("/accounts/{investorId}")
    @Operation(summary = "An investor's holdings: units per instrument (with the share of units outstanding), cash, reserved and available")
    public Holdings holdings(@PathVariable String investorId,
                             @Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
                             @Parameter(description = KNOWN_AT) @RequestParam(required = false) String knownAt) {
        LedgerPrincipal.current().requireInvestor(investorId, "investorId");
        TimeTravel when = TimeTravel.parse(asOf, knownAt, clock);
        return queries.one(new FindHoldings(InvestorId.of(investorId), when.asOf(), when.knownAt()), Holdings.class, "exchange account", investorId);
    }

    @GetMapping("/accounts/{investorId}/portfolio-impact")
    @Operation(summary = "Per issuer held: the investor's share of the issuer's verified outcomes and the quantities attributed")
    public PortfolioImpactReport portfolioImpact(@PathVariable String investorId,
                                                 @Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
                                                 @Parameter(description = KNOWN_AT) @RequestParam(required = false) String knownAt) {
        LedgerPrincipal.current().requireInvestor(investorId, "investorId");
        TimeTravel when = TimeTravel.parse(asOf, knownAt, clock);
        return queries.one(new FindPortfolioImpact(InvestorId.of(investorId), when.asOf(), when.knownAt()), PortfolioImpactReport.class,
                "exchange account", investorId);
    }
}
