-- pgbench script: one durable append of an event-sized row per transaction (autocommit; run.sh sets
-- synchronous_commit=on for the session). Each client appends to its own aggregate with a rising
-- sequence number, as each ledger client does to its own fund and contract; the payload (~620 bytes)
-- and metadata (~300 bytes) are JSON like the ledger's events, formatted per row. Run with -D seq=0.
-- pgbench turns every ':name' into a parameter, even inside quotes: no casts with '::' and no ':'
-- followed by a letter or digit in the literals below.
\set seq :seq + 1
INSERT INTO bench_append (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
VALUES (CAST(gen_random_uuid() AS text), 'bench-sib-' || CAST(:client_id AS int), CAST(:seq AS bigint), 'Contract',
        CAST(clock_timestamp() AS text), 'org.impactledger.core.contract.event.OutcomeReported', '1',
        convert_to(format('{"contractId":"bench-sib-%1$s","outcomeId":"o-%2$s","beneficiaryId":"ben-%1$s-%2$s","metricCode":"HOUSED-6M","period":"2026-Q3","outcomeDate":"2026-08-01","quantity":"1.00","evidenceReference":"case-file://bench-%1$s/o-%2$s","evidenceSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","reportedBy":"provider-bench-%1$s","fundId":"bench-fund-%1$s","budgetId":"budget","payerId":"city-of-turin","unitPrice":{"amount":"4500.00","currency":"EUR"},"amount":{"amount":"4500.00","currency":"EUR"},"sdgTargets":["11.1","1.2"],"note":"tenancy contract and six rent receipts checked"}', CAST(:client_id AS int), CAST(:seq AS bigint)), 'UTF8'),
        convert_to(format('{"traceId":"0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0","correlationId":"0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0","causationId":"5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9","commandId":"cmd-%1$s-%2$s","actor":"provider-bench-%1$s","actorRole":"provider","businessDate":"2026-08-01","idempotencyKey":"bench-%1$s-%2$s-3"}', CAST(:client_id AS int), CAST(:seq AS bigint)), 'UTF8'));
