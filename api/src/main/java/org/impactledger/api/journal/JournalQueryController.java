package org.impactledger.api.journal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.impactledger.api.web.QueryRunner;
import org.impactledger.core.fund.query.FindFund;
import org.impactledger.core.fund.query.FindJournal;
import org.impactledger.core.fund.query.FindTrialBalance;
import org.impactledger.core.fund.query.FindUnbalancedJournalEntries;
import org.impactledger.core.shared.FundId;
import org.impactledger.projections.journal.JournalCheck;
import org.impactledger.projections.journal.JournalPage;
import org.impactledger.projections.journal.TrialBalance;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.state.fund.FundView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The double-entry journal, the trial balance and the journal's invariant check. Journal and trial
 * balance take the shared time-travel parameters: {@code asOf} (business date, yyyy-MM-dd: what had
 * happened by the end of that day) and {@code knownAt} (ISO-8601 instant: what the ledger had
 * recorded by then; default now). A fund unknown to the fund read model is a 404.
 */
@RestController
@Tag(name = "Journal (double entry)")
public class JournalQueryController {

    private static final String AS_OF = "business date (yyyy-MM-dd): only entries whose business date is on or before it";
    private static final String KNOWN_AT = "recording time (ISO-8601 instant, e.g. 2026-10-05T12:00:00Z): only entries recorded by then; default now";

    private final QueryRunner queries;
    private final Clock clock;

    public JournalQueryController(QueryRunner queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/funds/{fundId}/journal")
    @Operation(summary = "The fund's journal entries with their lines, ordered by recording time then entry id (page from 0, size up to 200)")
    public JournalPage journal(@PathVariable String fundId,
                               @Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
                               @Parameter(description = KNOWN_AT) @RequestParam(required = false) String knownAt,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        TimeTravel when = TimeTravel.parse(asOf, knownAt, clock);
        // every parameter is checked before the fund is looked up: a bad page is 400 whether or not the fund exists yet
        FindJournal query = new FindJournal(FundId.of(fundId), when.asOf(), when.knownAt(), page, size);
        existingFund(fundId);
        return queries.one(query, JournalPage.class, "journal page", Integer.toString(page));
    }

    @GetMapping("/api/funds/{fundId}/trial-balance")
    @Operation(summary = "Per currency: each account's debit and credit totals and balance, totals per book, grand totals (difference zero)")
    public TrialBalance trialBalance(@PathVariable String fundId,
                                     @Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
                                     @Parameter(description = KNOWN_AT) @RequestParam(required = false) String knownAt) {
        TimeTravel when = TimeTravel.parse(asOf, knownAt, clock);
        FundId id = existingFund(fundId);
        return queries.one(new FindTrialBalance(id, when.asOf(), when.knownAt()), TrialBalance.class, "trial balance", fundId);
    }

    @GetMapping("/api/journal/check")
    @Operation(summary = "The invariant check over every fund: entries whose stored lines do not balance (per entry and book)")
    public JournalCheck check() {
        return queries.one(new FindUnbalancedJournalEntries(), JournalCheck.class, "journal check", "all");
    }

    private FundId existingFund(String fundId) {
        FundId id = FundId.of(fundId);
        queries.one(new FindFund(id), FundView.class, "fund", fundId);
        return id;
    }
}
