package org.impactledger.core.shared;

/**
 * Every reason the domain can refuse a command. The API maps each code to one HTTP status and a
 * problem type in a single place, so the code (never the message text) is what clients rely on.
 */
public enum ErrorCode {
    /** A value has the wrong form (a malformed CUP, a negative amount, three decimals ...). */
    INVALID_VALUE(Kind.BAD_INPUT),
    /** A code that is well-formed but not in the taxonomy (an unknown SDG target, NRRP measure ...). */
    UNKNOWN_CODE(Kind.BAD_INPUT),
    /** An amount in another currency than the fund's. */
    CURRENCY_MISMATCH(Kind.BAD_INPUT),
    /** A date outside the window the rule allows (outcome outside the contract term ...). */
    DATE_OUT_OF_RANGE(Kind.BAD_INPUT),
    /** The aggregate or one of its parts does not exist. */
    NOT_FOUND(Kind.NOT_FOUND),
    /** The thing to create exists already (same id). */
    ALREADY_EXISTS(Kind.CONFLICT),
    /** The command does not fit the current state (verify an outcome that is already verified ...). */
    INVALID_STATE(Kind.CONFLICT),
    /** A limit would be exceeded: contract cap, payer budget, commitment, available cash ... */
    LIMIT_EXCEEDED(Kind.CONFLICT),
    /** A beneficiary and metric (and period) already paid. */
    DUPLICATE_PAYMENT(Kind.CONFLICT),
    /** Four eyes: the same principal may not report and verify, or verify and approve. */
    FOUR_EYES_VIOLATION(Kind.FORBIDDEN),
    /** The acting party may act only for itself: a provider on its own contracts, a payer on its own budget, an issuer for itself. */
    NOT_OWNER(Kind.FORBIDDEN),
    /** The contract is closed and accepts nothing more. */
    CONTRACT_CLOSED(Kind.CONFLICT);

    /** Broad class of refusal, which the API turns into an HTTP status. */
    public enum Kind { BAD_INPUT, NOT_FOUND, CONFLICT, FORBIDDEN }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
