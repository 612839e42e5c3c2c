package org.impactledger.bench;

/** The commands of the ingest mix, in the order each client sends them in one cycle. */
public enum Op {
    COMMIT_CAPITAL,
    CALL_CAPITAL,
    RECEIVE_CAPITAL,
    REPORT_OUTCOME,
    VERIFY_OUTCOME,
    APPROVE_PAYMENT,
    EXECUTE_PAYMENT
}
