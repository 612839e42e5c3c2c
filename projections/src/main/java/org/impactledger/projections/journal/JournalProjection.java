package org.impactledger.projections.journal;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.impactledger.core.fund.event.FundEvent;
import org.impactledger.projections.report.FactStamp;
import org.springframework.beans.factory.annotation.Autowired;
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
 * ({@link JournalProcessingConfiguration}), so the processor stops at that event and retries it
 * instead of logging and moving on: a journal with a silently missing entry would still balance
 * and nobody would notice that money had gone unrecorded. The lag metric
 * ({@code ledger.processor.lag{processor=journal}}) then grows until the rule is fixed.
 *
 * <h2>Idempotent</h2>
 * An entry is keyed by the event's identifier and inserted only if absent
 * ({@code INSERT … SELECT … WHERE NOT EXISTS}); its lines are written only by the insert that
 * created the entry, in the same transaction (which joins the processor's transaction when there
 * is one). A redelivered event writes nothing; a token reset empties the tables ({@link #reset()})
 * and the replay writes the same rows again, because every value comes from the stored event.
 *
 * <h2>Running totals</h2>
 * The insert that creates an entry also adds it to {@code journal_balance} and
 * {@code journal_fund_total}, in the same transaction, so that the trial balance "as of now" reads a
 * few rows ({@link JournalQueries}); the reset empties them with the journal.
 */
@Component
@ProcessingGroup(JournalProjection.PROCESSING_GROUP)
public class JournalProjection {

    public static final String PROCESSING_GROUP = "journal";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final PostingRule rules;

    @Autowired
    public JournalProjection(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this(jdbc, transactionManager, new FundPostingRules());
    }

    /** With other posting rules: for tests that must show what happens when a rule is wrong. */
    public JournalProjection(JdbcClient jdbc, PlatformTransactionManager transactionManager, PostingRule rules) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
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
        transaction.executeWithoutResult(status -> write(entry));
    }

    /** Before a replay from the start: empty the tables so the replay rebuilds them from zero. */
    @ResetHandler
    public void reset() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM journal_line").update();
            jdbc.sql("DELETE FROM journal_entry").update();
            jdbc.sql("DELETE FROM journal_balance").update();
            jdbc.sql("DELETE FROM journal_fund_total").update();
        });
    }

    private void write(JournalEntry entry) {
        // the casts type the parameters of a SELECT list, which PostgreSQL would otherwise take as text
        int inserted = jdbc.sql("""
                        INSERT INTO journal_entry (entry_id, fund_id, currency, event_type, description, business_date, recorded_at, principal)
                        SELECT CAST(:entryId AS VARCHAR(255)), CAST(:fundId AS VARCHAR(64)), CAST(:currency AS VARCHAR(3)),
                            CAST(:eventType AS VARCHAR(64)), CAST(:description AS VARCHAR(2000)), CAST(:businessDate AS DATE),
                            CAST(:recordedAt AS TIMESTAMP), CAST(:principal AS VARCHAR(255))
                        WHERE NOT EXISTS (SELECT 1 FROM journal_entry WHERE entry_id = :entryId)""")
                .param("entryId", entry.entryId())
                .param("fundId", entry.fundId())
                .param("currency", entry.currency())
                .param("eventType", entry.eventType())
                .param("description", truncate(entry.description(), 2000))
                .param("businessDate", entry.businessDate())
                .param("recordedAt", utc(entry.recordedAt().truncatedTo(ChronoUnit.MICROS)))
                .param("principal", truncate(entry.principal(), 255))
                .update();
        if (inserted == 0) {
            return;
        }
        List<JournalLine> lines = entry.lines();
        for (int i = 0; i < lines.size(); i++) {
            JournalLine line = lines.get(i);
            jdbc.sql("""
                            INSERT INTO journal_line (entry_id, line_no, account, book, subledger, debit, credit)
                            VALUES (:entryId, :lineNo, :account, :book, :subledger, :debit, :credit)""")
                    .param("entryId", entry.entryId())
                    .param("lineNo", i + 1)
                    .param("account", line.account().code())
                    .param("book", line.account().book().name())
                    .param("subledger", truncate(line.subledger(), 200))
                    .param("debit", line.debit())
                    .param("credit", line.credit())
                    .update();
        }
        addToRunningTotals(entry);
    }

    /**
     * Adds the entry just written to {@code journal_balance} (per account and book) and
     * {@code journal_fund_total} (entries, latest dates), in the same transaction: only the insert
     * that created the entry gets here, so a redelivery adds nothing. One processor thread handles a
     * fund's events (Axon sequences them by aggregate), so update-else-insert does not race.
     */
    private void addToRunningTotals(JournalEntry entry) {
        Map<List<String>, BigDecimal[]> sums = new LinkedHashMap<>();
        for (JournalLine line : entry.lines()) {
            BigDecimal[] sum = sums.computeIfAbsent(List.of(line.account().code(), line.account().book().name()),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(line.debit());
            sum[1] = sum[1].add(line.credit());
        }
        sums.forEach((key, sum) -> {
            Map<String, Object> balance = new LinkedHashMap<>();
            balance.put("fundId", entry.fundId());
            balance.put("currency", entry.currency());
            balance.put("account", key.get(0));
            balance.put("book", key.get(1));
            balance.put("debits", sum[0]);
            balance.put("credits", sum[1]);
            int updated = jdbc.sql("""
                            UPDATE journal_balance SET debits = debits + :debits, credits = credits + :credits
                            WHERE fund_id = :fundId AND currency = :currency AND account = :account AND book = :book""")
                    .params(balance)
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                                INSERT INTO journal_balance (fund_id, currency, account, book, debits, credits)
                                VALUES (:fundId, :currency, :account, :book, :debits, :credits)""")
                        .params(balance)
                        .update();
            }
        });
        Object recordedAt = utc(entry.recordedAt().truncatedTo(ChronoUnit.MICROS));
        int updated = jdbc.sql("""
                        UPDATE journal_fund_total SET entries = entries + 1,
                            last_business_date = CASE WHEN last_business_date < :businessDate THEN :businessDate ELSE last_business_date END,
                            last_recorded_at = CASE WHEN last_recorded_at < :recordedAt THEN :recordedAt ELSE last_recorded_at END
                        WHERE fund_id = :fundId AND currency = :currency""")
                .param("fundId", entry.fundId())
                .param("currency", entry.currency())
                .param("businessDate", entry.businessDate())
                .param("recordedAt", recordedAt)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO journal_fund_total (fund_id, currency, entries, last_business_date, last_recorded_at)
                            VALUES (:fundId, :currency, 1, :businessDate, :recordedAt)""")
                    .param("fundId", entry.fundId())
                    .param("currency", entry.currency())
                    .param("businessDate", entry.businessDate())
                    .param("recordedAt", recordedAt)
                    .update();
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
