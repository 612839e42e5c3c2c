-- The pgbench baseline's table: the shape of the ledger's event table (domain_event_entry in
-- infra/src/main/resources/db/migration/V1__event_store.sql), with the same primary key and unique
-- constraints, so that each appended row costs PostgreSQL what one stored event costs it.
DROP TABLE IF EXISTS bench_append;
CREATE TABLE bench_append (
    global_index         BIGSERIAL    NOT NULL PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT uk_bench_append_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number)
);
