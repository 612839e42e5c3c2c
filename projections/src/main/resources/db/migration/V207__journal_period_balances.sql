-- Monthly balances of the journal, kept by the processing group "journal" (JournalProjection) in the
-- same transaction as the entries and lines they sum, so that a trial balance as of a past date
-- reads the closed months' sums plus the lines of the month of its asOf, instead of every line the
-- fund posted up to that date. A token reset empties them with the journal and the replay rebuilds
-- them. JournalQueries uses them only when every entry of the fund was recorded by the question's
-- knownAt (a month's sums hold every entry of it, whenever recorded); any other question sums the
-- lines as before.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.

-- Per fund, currency, month (the first day of the entries' business-date month), account and book:
-- the sums of the lines' debit and credit columns.
CREATE TABLE journal_period_balance (
    fund_id      VARCHAR(64)   NOT NULL,
    currency     VARCHAR(3)    NOT NULL,
    period_start DATE          NOT NULL,
    account      VARCHAR(8)    NOT NULL,
    book         VARCHAR(16)   NOT NULL,
    debits       NUMERIC(38,2) NOT NULL,
    credits      NUMERIC(38,2) NOT NULL,
    PRIMARY KEY (fund_id, currency, period_start, account, book)
);

-- Per fund, currency and month: the number of entries.
CREATE TABLE journal_period_total (
    fund_id      VARCHAR(64) NOT NULL,
    currency     VARCHAR(3)  NOT NULL,
    period_start DATE        NOT NULL,
    entries      BIGINT      NOT NULL,
    PRIMARY KEY (fund_id, currency, period_start)
);

-- The entries of the month of an asOf, found by fund and business date.
CREATE INDEX ix_journal_entry_fund_date ON journal_entry (fund_id, business_date);

-- The journal already written (an upgrade): its monthly sums.
INSERT INTO journal_period_balance (fund_id, currency, period_start, account, book, debits, credits)
SELECT e.fund_id, e.currency, CAST(DATE_TRUNC('MONTH', e.business_date) AS DATE), l.account, l.book, SUM(l.debit), SUM(l.credit)
FROM journal_line l JOIN journal_entry e ON e.entry_id = l.entry_id
GROUP BY e.fund_id, e.currency, CAST(DATE_TRUNC('MONTH', e.business_date) AS DATE), l.account, l.book;

INSERT INTO journal_period_total (fund_id, currency, period_start, entries)
SELECT fund_id, currency, CAST(DATE_TRUNC('MONTH', business_date) AS DATE), COUNT(*)
FROM journal_entry
GROUP BY fund_id, currency, CAST(DATE_TRUNC('MONTH', business_date) AS DATE);
