package org.impactledger.projections.journal;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.impactledger.core.fund.event.FundEvent;
import org.impactledger.projections.report.FactStamp;
import org.impactledger.projections.state.BatchWrites;
import org.impactledger.projections.state.ReadModelTables;
import org.impactledger.projections.state.TableStatistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the double-entry journal ({@code journal_entry}, {@code journal_line}) from the fund's
 * events, in its own tracking processor ({@value #PROCESSING_GROUP}). The postings themselves are
 * {@link FundPostingRules}; contract events are not handled here at all (why: see there).
 *
 * <h2>Balanced or nothing</h2>
 * Every entry is checked by {@link JournalBalance#requireBalanced} before a row is written. An entry
 * that does not balance throws {@link UnbalancedEntryException}; the processing group propagates it
 * ({@link org.impactledger.infra.axon.ReadModelErrorHandling}), so the processor stops at that event and retries it
 * instead of logging and moving on: a journal with a silently missing entry would still balance
 * and nobody would notice that money had gone unrecorded. The lag metric
 * ({@code ledger.processor.lag{processor=journal}}) then grows until the rule is fixed.
 *
 * <h2>Idempotent</h2>
 * An entry is keyed by the event's identifier and inserted only if absent (the batch's identifiers
 * are looked up together); its lines are written only with the entry, in the same transaction
 * (which joins the processor's transaction when there is one). A redelivered event writes nothing;
 * a token reset empties the tables ({@link #reset()}) and the replay writes the same rows again,
 * because every value comes from the stored event.
 *
 * <h2>Running totals</h2>
 * A new entry is also added to {@code journal_balance} and {@code journal_fund_total}, in the same
 * transaction, so that the trial balance "as of now" reads a few rows ({@link JournalQueries}); the
 * reset empties them with the journal.
 *
 * <h2>One write per row per batch</h2>
 * As in {@code ContractStateProjection}, within the processor's unit of work (a batch of events,
 * one transaction) the entries are held in a {@link JournalWrites} and written when the unit of
 * work prepares to commit, in JDBC batches: the entries, their lines, each touched balance and fund
 * total once (see there why the rows are the same). Event by event, an entry took about ten
 * statements. The balance check still runs in the handler, before anything is held, so an
 * unbalanced entry still fails the whole batch (nothing of it is written) and stops the processor
 * at it. Called outside a unit of work (tests call the handler directly), an entry is written at once.
 */
@Component
@ProcessingGroup(JournalProjection.PROCESSING_GROUP)
public class JournalProjection {

    public static final String PROCESSING_GROUP = "journal";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final PostingRule rules;
    private final BatchWrites<JournalWrites> batch;
    /** Planner statistics of journal_entry while it fills: the batch's redelivery check looks it up by key. */
    private final TableStatistics entryStatistics;
    /**
     * And of journal_line: never analyzed, it was planned as a tenth of its size, and a trial balance
     * as of a past date scanned all of its 1.2 million rows (bench/RESULTS.md, "fourteenth session").
     */
    private final TableStatistics lineStatistics;

    @Autowired
    public JournalProjection(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager) {
        this(jdbc, template, transactionManager, new FundPostingRules());
    }

    /** With other posting rules: for tests that must show what happens when a rule is wrong. */
    public JournalProjection(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager, PostingRule rules) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = new TransactionTemplate(transactionManager);
        this.entryStatistics = new TableStatistics(template, "journal_entry");
        this.lineStatistics = new TableStatistics(template, "journal_line");
        this.batch = new BatchWrites<>(transaction, batch -> new JournalWrites(template, entryStatistics, lineStatistics, batch::eventIds));
        this.rules = rules;
    }

    /**
     * Posts the event's entry, if it moves money.
     *
     * @throws UnbalancedEntryException if the posting does not balance; nothing is written
     */
    @EventHandler
    public void on(FundEvent event, EventMessage<?> message) {
        Optional<Posting> posting = rules.post(event);
        if (posting.isEmpty()) {
            return;
        }
        FactStamp stamp = FactStamp.of(message, posting.get().valueDate());
        JournalEntry entry = JournalBalance.requireBalanced(JournalEntry.of(stamp, event, posting.get()));
        batch.apply(writes -> writes.post(entry));
    }

    /** Before a replay from the start: empty the tables so the replay rebuilds them from zero. */
    @ResetHandler
    public void reset() {
        transaction.executeWithoutResult(status -> ReadModelTables.empty(template, "journal_line", "journal_entry", "journal_balance",
                "journal_fund_total", "journal_period_balance", "journal_period_total"));
        entryStatistics.emptied();
        lineStatistics.emptied();
    }
}
