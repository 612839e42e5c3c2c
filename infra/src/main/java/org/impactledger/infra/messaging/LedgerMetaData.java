package org.impactledger.infra.messaging;

import java.util.List;

/**
 * The metadata keys every command and event carries: who acted and in which role, the command id
 * (idempotency key), correlation and causation ids, and the business date (value date / reporting
 * date) beside Axon's own recording timestamp.
 */
public final class LedgerMetaData {

    public static final String PRINCIPAL = "principal";
    public static final String ROLE = "role";
    public static final String COMMAND_ID = "commandId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String BUSINESS_DATE = "businessDate";
    /** SHA-256 of the request that carried the command; used to refuse a reused idempotency key with another body. */
    public static final String REQUEST_HASH = "requestHash";

    /** Keys copied from a command to the events it causes. */
    public static final List<String> PROPAGATED = List.of(PRINCIPAL, ROLE, COMMAND_ID, CORRELATION_ID, BUSINESS_DATE);

    private LedgerMetaData() {
    }
}
