-- The SDG impact report as of now is the sum of every monthly row of sdg_impact_line_period (V210) of
-- its scope, which the processing group "sdg-impact" already keeps for every business date; the cells
-- of V181 held the same figures a second time, written by a second path on every change. The report
-- reads the monthly rows now, so the table goes. Nothing to replay: V210 rebuilt the group, and the
-- rows per date hold every fact.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.
DROP TABLE sdg_impact_line;
