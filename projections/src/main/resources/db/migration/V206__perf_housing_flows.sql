-- Fund performance counts every movement of a fund's cash: the processing group "fund-performance"
-- (FundPerformanceProjection) now also records the Homes4All flows as rows of perf_flow, with their
-- running totals in perf_flow_total: PROPERTY_ACQUISITION (PropertyAcquisitionPaid), RENT_RECEIVED
-- (RentIncomeReceived) and RENT_REVERSED (RentIncomeReversed). The report's cash is then
-- paid-in + outcome payments received + rent received − rent reversed − advanced − distributed −
-- refunded − property acquisitions: the Fund aggregate's cash, as the fund state shows it.
--
-- Events of those types already stored were never recorded by the group, and its token has passed
-- them. So upgrading rebuilds the group, as POST /api/admin/projections/rebuild?names=fund-performance
-- would: its tables are emptied and its tracking token removed, and the processor replays the event
-- store from the start when the ledger starts (until it has caught up, the report shows only the
-- events replayed so far). On a new database these statements find nothing.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.

DELETE FROM perf_flow_total;
DELETE FROM perf_flow;
DELETE FROM perf_valuation;
DELETE FROM perf_contract;
DELETE FROM perf_fund;
DELETE FROM token_entry WHERE processor_name = 'fund-performance';
