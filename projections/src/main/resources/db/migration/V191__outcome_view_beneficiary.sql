-- Finds the outcomes of one beneficiary: a provider may attach and read the personal data of a data
-- subject that has outcomes on its own contracts (ProviderServesSubject).
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.

CREATE INDEX ix_outcome_view_beneficiary ON outcome_view (beneficiary_id, contract_id);
