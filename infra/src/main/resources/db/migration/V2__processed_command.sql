-- Command ids (Idempotency-Key) of accepted commands, written in the same transaction as the events.
CREATE TABLE processed_command (
    command_id      VARCHAR(128) NOT NULL PRIMARY KEY,
    request_hash    VARCHAR(64),
    command_type    VARCHAR(255) NOT NULL,
    result_type     VARCHAR(255),
    result_revision VARCHAR(64),
    result          TEXT,
    recorded_at     TIMESTAMP    NOT NULL
);
