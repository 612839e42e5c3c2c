package org.impactledger.projections.journal;

import static org.impactledger.projections.state.JdbcValues.date;
import static org.impactledger.projections.state.JdbcValues.instant;
import static org.impactledger.projections.state.JdbcValues.money;
import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.impactledger.core.fund.query.FindJournal;
import org.impactledger.core.fund.query.FindTrialBalance;
import org.impactledger.core.fund.query.FindUnbalancedJournalEntries;
import org.impactledger.core.shared.Money;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.state.Page;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the journal queries from {@code journal_entry} and {@code journal_line}.
 *
 * <p>Time travel: an entry counts when {@code business_date <= asOf} (no limit without asOf) and
 * {@code recorded_at <= knownAt}, the bounds every report shares ({@link TimeTravel}). Entries are
 * facts, one per event and never updated, so an earlier question keeps its answer after a later
 * reversal: the reversal is an entry of its own, with its own dates.
 *
 * <p>Figures are sums of stored NUMERIC(19,2) amounts, exact; nothing is divided or rounded.
 */
@Component
public class JournalQueries {

    /** The invariant check lists at most this many unbalanced entries (and counts them all). */
    public static final int MAX_UNBALANCED_LISTED = 500;

    private static final String FILTER = "fund_id = :fundId AND business_date <= :asOf AND recorded_at <= :knownAt";

    private static final RowMapper<JournalLineView> LINE = (rs, row) -> {
        Account account = Account.ofCode(rs.getString("account"));
        return new JournalLineView(rs.getInt("line_no"), rs.getString("account"), account == null ? null : account.title(),
                account == null ? null : account.type(), book(rs.getString("book")), rs.getString("subledger"),
                money(rs, "debit"), money(rs, "credit"));
    };

    private final JdbcClient jdbc;

    public JournalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public JournalPage handle(FindJournal query) {
        TimeTravel when = new TimeTravel(query.asOf(), query.knownAt());
        int size = Page.cappedSize(query.size());
        long total = jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE " + FILTER)
                .params(bounds(query.fundId().value(), when))
                .query(Long.class)
                .single();
        List<JournalEntryView> entries = jdbc.sql("SELECT * FROM journal_entry WHERE " + FILTER
                        + " ORDER BY recorded_at, entry_id LIMIT :limit OFFSET :offset")
                .params(bounds(query.fundId().value(), when))
                .param("limit", size)
                .param("offset", Page.offset(query.page(), size))
                .query((rs, row) -> new JournalEntryView(rs.getString("entry_id"), rs.getString("fund_id"), rs.getString("currency"),
                        rs.getString("event_type"), rs.getString("description"), date(rs, "business_date"), instant(rs, "recorded_at"),
                        rs.getString("principal"), List.of()))
                .list();
        if (entries.isEmpty()) {
            return new JournalPage(List.of(), query.page(), size, total, query.asOf(), query.knownAt());
        }
        Map<String, List<JournalLineView>> lines = new LinkedHashMap<>();
        entries.forEach(e -> lines.put(e.entryId(), new ArrayList<>()));
        jdbc.sql("SELECT * FROM journal_line WHERE entry_id IN (:ids) ORDER BY entry_id, line_no")
                .param("ids", List.copyOf(lines.keySet()))
                .query((rs, row) -> Map.entry(rs.getString("entry_id"), LINE.mapRow(rs, row)))
                .list()
                .forEach(line -> lines.get(line.getKey()).add(line.getValue()));
        List<JournalEntryView> items = entries.stream()
                .map(e -> new JournalEntryView(e.entryId(), e.fundId(), e.currency(), e.eventType(), e.description(), e.businessDate(),
                        e.recordedAt(), e.principal(), List.copyOf(lines.get(e.entryId()))))
                .toList();
        return new JournalPage(items, query.page(), size, total, query.asOf(), query.knownAt());
    }

    /**
     * The trial balance. When every entry of the fund lies within the bounds (no {@code asOf}, or one
     * not before the fund's latest business date; {@code knownAt} not before its latest recording
     * time: the usual "as of now" question) it is read from the running totals the projection keeps
     * ({@code journal_balance}, {@code journal_fund_total}). When only the {@code asOf} cuts (every
     * entry was recorded by {@code knownAt}: "as of a past date, as known now") it is the monthly sums
     * of the months before the {@code asOf}'s plus the lines of that month up to the {@code asOf}
     * ({@link #periodTrialBalance}). Otherwise the lines in bounds are summed
     * ({@link #summedTrialBalance}). All give the same answer on the same entries.
     */
    @QueryHandler
    public TrialBalance handle(FindTrialBalance query) {
        TimeTravel when = new TimeTravel(query.asOf(), query.knownAt());
        Map<String, Object> bounds = bounds(query.fundId().value(), when);
        // one statement reads the totals, the balances and whether they cover the bounds: a posting meanwhile cannot split them
        Map<String, Long> entriesByCurrency = new LinkedHashMap<>();
        List<Sum> sums = new ArrayList<>();
        boolean[] covered = {true};
        boolean[] known = {true};
        jdbc.sql("""
                        SELECT t.currency, t.entries,
                            CASE WHEN t.last_business_date <= :asOf AND t.last_recorded_at <= :knownAt THEN 1 ELSE 0 END AS covered,
                            CASE WHEN t.last_recorded_at <= :knownAt THEN 1 ELSE 0 END AS known,
                            b.account, b.book, b.debits, b.credits
                        FROM journal_fund_total t
                        LEFT JOIN journal_balance b ON b.fund_id = t.fund_id AND b.currency = t.currency
                        WHERE t.fund_id = :fundId
                        ORDER BY t.currency, b.account, b.book""")
                .params(bounds)
                .query(rs -> {
                    covered[0] &= rs.getInt("covered") == 1;
                    known[0] &= rs.getInt("known") == 1;
                    entriesByCurrency.put(rs.getString("currency"), rs.getLong("entries"));
                    if (rs.getString("account") != null) {
                        sums.add(new Sum(rs.getString("currency"), rs.getString("account"), rs.getString("book"),
                                money(rs, "debits"), money(rs, "credits")));
                    }
                });
        if (!covered[0]) {
            return known[0] ? periodTrialBalance(query) : summedTrialBalance(query);
        }
        return trialBalance(query, entriesByCurrency, sums);
    }

    /**
     * The trial balance as of {@code asOf} from the monthly sums ({@code journal_period_balance},
     * {@code journal_period_total}) of the months before the {@code asOf}'s, plus the entries and
     * lines of its month up to the {@code asOf}: a few hundred rows however long the fund's history.
     * Right only when every entry of the fund was recorded by {@code knownAt}, since a month's sums
     * hold all of its entries ({@link #handle(FindTrialBalance)} checks it).
     */
    public TrialBalance periodTrialBalance(FindTrialBalance query) {
        TimeTravel when = new TimeTravel(query.asOf(), query.knownAt());
        Map<String, Object> bounds = bounds(query.fundId().value(), when);
        bounds.put("periodStart", JournalWrites.periodStart(when.asOfOrEndOfTime()));
        Map<String, Long> entriesByCurrency = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT currency, SUM(entries) AS entries FROM (
                            SELECT currency, entries FROM journal_period_total WHERE fund_id = :fundId AND period_start < :periodStart
                            UNION ALL
                            SELECT currency, 1 FROM journal_entry
                            WHERE fund_id = :fundId AND business_date >= :periodStart AND business_date <= :asOf AND recorded_at <= :knownAt
                        ) counted GROUP BY currency ORDER BY currency""")
                .params(bounds)
                .query((rs, row) -> Map.entry(rs.getString("currency"), rs.getLong("entries")))
                .list()
                .forEach(e -> entriesByCurrency.put(e.getKey(), e.getValue()));
        List<Sum> sums = jdbc.sql("""
                        SELECT currency, account, book, SUM(debits) AS debits, SUM(credits) AS credits FROM (
                            SELECT currency, account, book, debits, credits FROM journal_period_balance
                            WHERE fund_id = :fundId AND period_start < :periodStart
                            UNION ALL
                            SELECT e.currency, l.account, l.book, l.debit, l.credit
                            FROM journal_line l JOIN journal_entry e ON e.entry_id = l.entry_id
                            WHERE e.fund_id = :fundId AND e.business_date >= :periodStart AND e.business_date <= :asOf
                                AND e.recorded_at <= :knownAt
                        ) summed GROUP BY currency, account, book ORDER BY currency, account, book""")
                .params(bounds)
                .query((rs, row) -> new Sum(rs.getString("currency"), rs.getString("account"), rs.getString("book"),
                        money(rs, "debits"), money(rs, "credits")))
                .list();
        return trialBalance(query, entriesByCurrency, sums);
    }

    /** The trial balance summed over the lines of the entries in bounds: any asOf and knownAt. */
    public TrialBalance summedTrialBalance(FindTrialBalance query) {
        TimeTravel when = new TimeTravel(query.asOf(), query.knownAt());
        Map<String, Object> bounds = bounds(query.fundId().value(), when);
        Map<String, Long> entriesByCurrency = new LinkedHashMap<>();
        jdbc.sql("SELECT currency, COUNT(*) AS entries FROM journal_entry WHERE " + FILTER + " GROUP BY currency ORDER BY currency")
                .params(bounds)
                .query((rs, row) -> Map.entry(rs.getString("currency"), rs.getLong("entries")))
                .list()
                .forEach(e -> entriesByCurrency.put(e.getKey(), e.getValue()));
        List<Sum> sums = jdbc.sql("""
                        SELECT e.currency, l.account, l.book, SUM(l.debit) AS debits, SUM(l.credit) AS credits
                        FROM journal_line l JOIN journal_entry e ON e.entry_id = l.entry_id
                        WHERE e.fund_id = :fundId AND e.business_date <= :asOf AND e.recorded_at <= :knownAt
                        GROUP BY e.currency, l.account, l.book
                        ORDER BY e.currency, l.account, l.book""")
                .params(bounds)
                .query((rs, row) -> new Sum(rs.getString("currency"), rs.getString("account"), rs.getString("book"),
                        money(rs, "debits"), money(rs, "credits")))
                .list();
        return trialBalance(query, entriesByCurrency, sums);
    }

    private record Sum(String currency, String account, String book, BigDecimal debits, BigDecimal credits) {
    }

    private static TrialBalance trialBalance(FindTrialBalance query, Map<String, Long> entriesByCurrency, List<Sum> sums) {
        List<CurrencyTrialBalance> currencies = new ArrayList<>();
        for (Map.Entry<String, Long> currency : entriesByCurrency.entrySet()) {
            List<TrialBalanceLine> accounts = new ArrayList<>();
            Map<Book, BigDecimal[]> books = new EnumMap<>(Book.class);
            BigDecimal totalDebits = zero();
            BigDecimal totalCredits = zero();
            for (Sum sum : sums) {
                if (!sum.currency().equals(currency.getKey())) {
                    continue;
                }
                Account account = Account.ofCode(sum.account());
                Book book = book(sum.book());
                accounts.add(new TrialBalanceLine(sum.account(), account == null ? null : account.title(),
                        account == null ? null : account.type(), book, account == null ? null : account.normalSide(),
                        sum.debits(), sum.credits(), normalBalance(account, sum.debits(), sum.credits())));
                if (book != null) {
                    BigDecimal[] total = books.computeIfAbsent(book, b -> new BigDecimal[] {zero(), zero()});
                    total[0] = total[0].add(sum.debits());
                    total[1] = total[1].add(sum.credits());
                }
                totalDebits = totalDebits.add(sum.debits());
                totalCredits = totalCredits.add(sum.credits());
            }
            List<BookTotal> bookTotals = new ArrayList<>();
            books.forEach((book, total) -> bookTotals.add(new BookTotal(book, total[0], total[1], total[0].subtract(total[1]))));
            boolean balanced = totalDebits.compareTo(totalCredits) == 0
                    && bookTotals.stream().allMatch(b -> b.difference().signum() == 0)
                    && accounts.stream().allMatch(a -> a.book() != null);
            currencies.add(new CurrencyTrialBalance(currency.getKey(), currency.getValue(), accounts, bookTotals, totalDebits, totalCredits,
                    totalDebits.subtract(totalCredits), balanced));
        }
        return new TrialBalance(query.fundId().value(), query.asOf(), query.knownAt(), currencies,
                currencies.stream().allMatch(CurrencyTrialBalance::balanced));
    }

    /**
     * Recomputes, from the stored lines, the sums of every entry per book and lists the entries whose
     * debits and credits differ, or which have no lines. Over all funds and all of time: the
     * invariant has no "as of".
     */
    @QueryHandler
    public JournalCheck handle(FindUnbalancedJournalEntries query) {
        long checked = jdbc.sql("SELECT COUNT(*) FROM journal_entry").query(Long.class).single();
        String unbalancedBooks = """
                SELECT e.entry_id, e.fund_id, e.currency, e.event_type, l.book, SUM(l.debit) AS debits, SUM(l.credit) AS credits
                FROM journal_entry e JOIN journal_line l ON l.entry_id = e.entry_id
                GROUP BY e.entry_id, e.fund_id, e.currency, e.event_type, l.book
                HAVING SUM(l.debit) <> SUM(l.credit)""";
        String withoutLines = """
                SELECT e.entry_id, e.fund_id, e.currency, e.event_type
                FROM journal_entry e WHERE NOT EXISTS (SELECT 1 FROM journal_line l WHERE l.entry_id = e.entry_id)""";
        long count = jdbc.sql("SELECT COUNT(*) FROM (" + unbalancedBooks + ") u").query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM (" + withoutLines + ") w").query(Long.class).single();
        List<UnbalancedEntry> unbalanced = new ArrayList<>(jdbc.sql(unbalancedBooks + " ORDER BY e.entry_id, l.book LIMIT :limit")
                .param("limit", MAX_UNBALANCED_LISTED)
                .query((rs, row) -> {
                    BigDecimal debits = money(rs, "debits");
                    BigDecimal credits = money(rs, "credits");
                    Book book = book(rs.getString("book"));
                    String bookName = book == null ? "book '" + rs.getString("book") + "'" : book.name().toLowerCase() + " book";
                    return new UnbalancedEntry(rs.getString("entry_id"), rs.getString("fund_id"), rs.getString("currency"),
                            rs.getString("event_type"), book, debits, credits, debits.subtract(credits),
                            bookName + ": debits " + debits.toPlainString() + " ≠ credits " + credits.toPlainString());
                })
                .list());
        jdbc.sql(withoutLines + " ORDER BY e.entry_id LIMIT :limit")
                .param("limit", MAX_UNBALANCED_LISTED)
                .query((rs, row) -> new UnbalancedEntry(rs.getString("entry_id"), rs.getString("fund_id"), rs.getString("currency"),
                        rs.getString("event_type"), null, zero(), zero(), zero(), "the entry has no lines"))
                .list()
                .forEach(unbalanced::add);
        unbalanced.sort((a, b) -> a.entryId().compareTo(b.entryId()));
        List<UnbalancedEntry> listed = unbalanced.size() > MAX_UNBALANCED_LISTED ? unbalanced.subList(0, MAX_UNBALANCED_LISTED) : unbalanced;
        return new JournalCheck(count == 0, checked, count, List.copyOf(listed));
    }

    private static Map<String, Object> bounds(String fundId, TimeTravel when) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("fundId", fundId);
        params.put("asOf", when.asOfOrEndOfTime());
        // stored times are cut to microseconds (the TIMESTAMP precision); cut the bound the same way
        params.put("knownAt", utc(when.knownAt().truncatedTo(ChronoUnit.MICROS)));
        return params;
    }

    /** The balance on the account's normal side; debit-side ({@code debits − credits}) for a code the chart does not know. */
    private static BigDecimal normalBalance(Account account, BigDecimal debits, BigDecimal credits) {
        return account != null && account.normalSide() == Side.CREDIT ? credits.subtract(debits) : debits.subtract(credits);
    }

    private static Book book(String stored) {
        for (Book book : Book.values()) {
            if (book.name().equals(stored)) {
                return book;
            }
        }
        return null;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(Money.SCALE);
    }
}
