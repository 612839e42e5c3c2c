-- Double-entry journal of the Outcome Fund. Owned by the processing group "journal"; a token reset
-- empties both tables and the replay rebuilds them.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.
--
-- journal_entry: one row per fund event that moves money (or a payer's budget), keyed by the
-- event's identifier, so a redelivered event finds its entry and writes nothing. business_date is
-- the event's value date, or else the command's business date; recorded_at is the event's
-- timestamp in UTC (microseconds). Reports filter on both (asOf / knownAt).
CREATE TABLE journal_entry (
    entry_id      VARCHAR(255)  NOT NULL PRIMARY KEY,
    fund_id       VARCHAR(64)   NOT NULL,
    currency      VARCHAR(3)    NOT NULL,
    event_type    VARCHAR(64)   NOT NULL,
    description   VARCHAR(2000) NOT NULL,
    business_date DATE          NOT NULL,
    recorded_at   TIMESTAMP     NOT NULL,
    principal     VARCHAR(255)
);

CREATE INDEX ix_journal_entry_fund ON journal_entry (fund_id, recorded_at, entry_id);

-- journal_line: the entry's lines in posting order. account is a code of the chart of accounts
-- (org.impactledger.projections.journal.Account); book is GENERAL or MEMORANDUM, stored so that the
-- invariant check (debits = credits per entry and book) is plain SQL over the stored rows.
-- subledger names the counterparty: investor:<id>, budget:<id>, provider:<id>, contract:<id>.
-- Money is NUMERIC(19,2) in the entry's currency; exactly one of debit and credit is non-zero.
CREATE TABLE journal_line (
    entry_id  VARCHAR(255)  NOT NULL,
    line_no   INTEGER       NOT NULL,
    account   VARCHAR(8)    NOT NULL,
    book      VARCHAR(16)   NOT NULL,
    subledger VARCHAR(200),
    debit     NUMERIC(19,2) NOT NULL,
    credit    NUMERIC(19,2) NOT NULL,
    PRIMARY KEY (entry_id, line_no),
    CONSTRAINT fk_journal_line_entry FOREIGN KEY (entry_id) REFERENCES journal_entry (entry_id),
    CONSTRAINT ck_journal_line_one_side CHECK (debit >= 0 AND credit >= 0 AND (debit = 0 OR credit = 0) AND debit + credit > 0)
);
