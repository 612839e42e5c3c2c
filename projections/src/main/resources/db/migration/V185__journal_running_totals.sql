-- Running totals of the journal, kept by the processing group "journal" (JournalProjection) in the
-- same transaction as the entry and its lines, so that the trial balance of a fund "as of now" reads
-- a few rows instead of summing every line the fund ever posted. A token reset empties them with
-- the journal and the replay rebuilds them. JournalQueries uses them only when every entry of the
-- fund is inside the question's bounds (asOf/knownAt); any other question sums the lines as before.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.

-- Per fund, currency, account and book: the sums of the lines' debit and credit columns.
CREATE TABLE journal_balance (
    fund_id  VARCHAR(64)   NOT NULL,
    currency VARCHAR(3)    NOT NULL,
    account  VARCHAR(8)    NOT NULL,
    book     VARCHAR(16)   NOT NULL,
    debits   NUMERIC(38,2) NOT NULL,
    credits  NUMERIC(38,2) NOT NULL,
    PRIMARY KEY (fund_id, currency, account, book)
);

-- Per fund and currency: the number of entries, and the latest business date and recording time
-- among them (a question whose asOf and knownAt are not before these sees every entry).
CREATE TABLE journal_fund_total (
    fund_id            VARCHAR(64) NOT NULL,
    currency           VARCHAR(3)  NOT NULL,
    entries            BIGINT      NOT NULL,
    last_business_date DATE        NOT NULL,
    last_recorded_at   TIMESTAMP   NOT NULL,
    PRIMARY KEY (fund_id, currency)
);

-- The journal already written (an upgrade): its totals.
INSERT INTO journal_balance (fund_id, currency, account, book, debits, credits)
SELECT e.fund_id, e.currency, l.account, l.book, SUM(l.debit), SUM(l.credit)
FROM journal_line l JOIN journal_entry e ON e.entry_id = l.entry_id
GROUP BY e.fund_id, e.currency, l.account, l.book;

INSERT INTO journal_fund_total (fund_id, currency, entries, last_business_date, last_recorded_at)
SELECT fund_id, currency, COUNT(*), MAX(business_date), MAX(recorded_at)
FROM journal_entry
GROUP BY fund_id, currency;
