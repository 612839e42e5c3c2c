-- SDG impact report: Homes4All and Social Impact Stock Exchange outcomes join sdg_outcome_fact.
--
-- Their facts have no outcome payment (no currency), an exchange outcome has no fund, payer or
-- beneficiary, and neither has a rate card: the SDG targets are fixed on the fact itself
-- (sdg_targets, comma-separated codes; NULL for Outcome Fund facts, whose targets come from the
-- rate card version in force, as known at knownAt). Housing outcome ids are derived from the
-- lease id (e.g. "<lease>/2026-03"), hence the wider column.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.
ALTER TABLE sdg_outcome_fact ALTER COLUMN fund_id DROP NOT NULL;
ALTER TABLE sdg_outcome_fact ALTER COLUMN payer_id DROP NOT NULL;
ALTER TABLE sdg_outcome_fact ALTER COLUMN beneficiary_id DROP NOT NULL;
ALTER TABLE sdg_outcome_fact ALTER COLUMN currency DROP NOT NULL;
ALTER TABLE sdg_outcome_fact ALTER COLUMN outcome_id SET DATA TYPE VARCHAR(128);
ALTER TABLE sdg_outcome_fact ADD COLUMN sdg_targets VARCHAR(64);
