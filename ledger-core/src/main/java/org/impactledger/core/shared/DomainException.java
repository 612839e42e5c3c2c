package org.impactledger.core.shared;

import java.util.Objects;

/**
 * The one exception the domain throws when it refuses a command. It carries a machine-readable
 * {@link ErrorCode} and the name of the offending field (as the client sent it, for example
 * {@code rateCard[0].sdgTargets}) so that the API can answer with a precise problem document.
 * A refused command appends no event.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public DomainException(ErrorCode code, String field, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(ErrorCode.INVALID_VALUE, field, message);
    }

    public static DomainException state(String message) {
        return new DomainException(ErrorCode.INVALID_STATE, null, message);
    }

    public ErrorCode code() {
        return code;
    }

    /** The offending field, or {@code null} when the refusal is about state rather than one field. */
    public String field() {
        return field;
    }
}
