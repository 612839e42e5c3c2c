package org.impactledger.api.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.impactledger.core.shared.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem documents. Each has a {@code type} URI under {@code /problems/} that
 * names the rule (served by {@link ProblemTypesController}), a human {@code title} and
 * {@code detail}, the machine {@code code}, and {@code errors}: one entry per offending field
 * with the rule it broke.
 */
public final class Problems {

    /** One offending field: its path as the client sent it, the rule it broke, and a sentence. */
    public record FieldError(String field, String rule, String message) {
    }

    private Problems() {
    }

    public static HttpStatus statusOf(ErrorCode code) {
        return switch (code.kind()) {
            case BAD_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }

    public static String slug(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ProblemDetail of(HttpStatus status, String code, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + slug(code)));
        problem.setTitle(title);
        problem.setProperty("code", code);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
            if (errors.size() == 1 && errors.get(0).field() != null) {
                problem.setProperty("field", errors.get(0).field());
            }
        }
        return problem;
    }

    /** Short titles per code; the detail carries the specifics. */
    public static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("INVALID_VALUE", "A value breaks a rule of form"),
            Map.entry("UNKNOWN_CODE", "A code is not in the taxonomy"),
            Map.entry("CURRENCY_MISMATCH", "An amount is in the wrong currency"),
            Map.entry("DATE_OUT_OF_RANGE", "A date is outside the allowed window"),
            Map.entry("NOT_FOUND", "No such resource"),
            Map.entry("ALREADY_EXISTS", "The resource exists already"),
            Map.entry("INVALID_STATE", "The command does not fit the current state"),
            Map.entry("LIMIT_EXCEEDED", "A limit would be exceeded"),
            Map.entry("DUPLICATE_PAYMENT", "This outcome was already paid for this beneficiary"),
            Map.entry("FOUR_EYES_VIOLATION", "Four eyes: a different principal must act"),
            Map.entry("CONTRACT_CLOSED", "The contract is closed"),
            Map.entry("NOT_OWNER", "The acting party may act only for itself"),
            Map.entry("UNAUTHENTICATED", "Authentication is required"),
            Map.entry("ACCESS_DENIED", "The authenticated principal may not do this"),
            Map.entry("TOO_MANY_LOGIN_FAILURES", "Too many failed logins"),
            Map.entry("BUSY", "The ledger is busy with the same work; ask again later"),
            Map.entry("VALIDATION_FAILED", "The request has invalid fields"),
            Map.entry("MALFORMED_REQUEST", "The request body cannot be read"),
            Map.entry("MALFORMED_URL", "The request's URL cannot be read"),
            Map.entry("IDEMPOTENCY_KEY_REUSED", "Idempotency-Key reused for a different request"),
            Map.entry("CONCURRENT_MODIFICATION", "Another change to the same record came first"),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", "Send application/json"),
            Map.entry("METHOD_NOT_ALLOWED", "Method not allowed on this resource"),
            Map.entry("INTERNAL_ERROR", "Internal error"));

    public static String title(String code) {
        return TITLES.getOrDefault(code, code);
    }
}
