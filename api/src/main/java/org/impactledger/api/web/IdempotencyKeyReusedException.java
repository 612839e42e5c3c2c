package org.impactledger.api.web;

/** The Idempotency-Key was already used for a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    private final String key;

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request; use a new key for a new request");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
