-- Homes4All money in the fund read model ("fund-state"): what the fund paid for properties and the
-- rent it received net of reversed collections, so that cash = paid in + outcome payments received
-- + rent income - advanced - distributed - refunded - property acquisitions.
-- Portable SQL (PostgreSQL and H2 in PostgreSQL mode).

ALTER TABLE fund_view ADD COLUMN property_acquisitions NUMERIC(19,2) DEFAULT 0 NOT NULL;
ALTER TABLE fund_view ADD COLUMN rent_income NUMERIC(19,2) DEFAULT 0 NOT NULL;
