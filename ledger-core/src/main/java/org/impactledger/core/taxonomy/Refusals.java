package org.impactledger.core.taxonomy;

import java.util.Locale;

import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;

/**
 * Builds the refusals of this package in one style: the rule, then what was actually received, so
 * that a reader of a problem document can fix the input without looking anything up.
 */
final class Refusals {

    /** Longer input is cut in the message: it is shown to help, not to be echoed back whole. */
    private static final int SHOWN_LENGTH = 40;

    private Refusals() {
    }

    /** Trims and upper-cases; {@code null} stays {@code null} so that the caller can refuse it. */
    static String upper(String raw) {
        return raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
    }

    /** Trims and lower-cases (SDG codes write their lettered targets in lower case). */
    static String lower(String raw) {
        return raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
    }

    static DomainException invalid(String field, String rule, String raw) {
        return new DomainException(ErrorCode.INVALID_VALUE, field, rule + "; was " + shown(raw));
    }

    static DomainException unknown(String field, String reason, String raw) {
        return new DomainException(ErrorCode.UNKNOWN_CODE, field, reason + "; was " + shown(raw));
    }

    static String shown(String raw) {
        if (raw == null) {
            return "missing";
        }
        if (raw.length() > SHOWN_LENGTH) {
            return "'" + raw.substring(0, SHOWN_LENGTH) + "...' (" + raw.length() + " characters)";
        }
        return "'" + raw + "'";
    }
}
