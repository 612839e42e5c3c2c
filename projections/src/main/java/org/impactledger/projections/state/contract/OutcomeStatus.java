package org.impactledger.projections.state.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.impactledger.core.shared.DomainException;

/**
 * Where an outcome stands. The usual path is REPORTED → VERIFIED → APPROVED → PAID; a verifier may
 * REJECT it instead, the provider may WITHDRAW it before payment, and a reversed payment (approved
 * or paid) takes it back to VERIFIED.
 */
public enum OutcomeStatus {
    REPORTED,
    VERIFIED,
    REJECTED,
    APPROVED,
    PAID,
    WITHDRAWN;

    /** Parses a status filter (case-insensitive); an unknown name is bad input, refused with the valid ones. */
    public static OutcomeStatus parse(String value, String field) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, field + " must be one of "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ", was '" + value + "'");
        }
    }
}
