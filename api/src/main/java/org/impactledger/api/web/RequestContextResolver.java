package org.impactledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.impactledger.api.security.LedgerPrincipal;
import org.impactledger.core.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * Builds a command's context: the acting principal and its roles from the authentication (Spring
 * Security), the idempotency key, correlation id and business date from headers (the business date
 * within the ledger's date window, {@link DateWindows}). Headers that
 * claim an actor ({@code X-Actor}, {@code X-Actor-Role}, from before authentication existed) are
 * ignored: a caller cannot act in someone else's name.
 */
@Component
public class RequestContextResolver {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String BUSINESS_DATE = "X-Business-Date";

    /** Compiled once: {@code String.matches} compiles its pattern on every call, twice per command here. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    private final Clock clock;
    private final DateWindows dates;

    public RequestContextResolver(Clock clock, DateWindows dates) {
        this.clock = clock;
        this.dates = dates;
    }

    public RequestContext resolve(HttpServletRequest request) {
        LedgerPrincipal caller = LedgerPrincipal.current();
        String key = optionalToken(request.getHeader(IDEMPOTENCY_KEY), IDEMPOTENCY_KEY);
        String correlation = optionalToken(request.getHeader(CORRELATION_ID), CORRELATION_ID);
        LocalDate businessDate = LocalDate.now(clock);
        String date = request.getHeader(BUSINESS_DATE);
        if (date != null && !date.isBlank()) {
            try {
                businessDate = LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                throw DomainException.invalid(BUSINESS_DATE, "header " + BUSINESS_DATE + " must be an ISO date (yyyy-MM-dd), was '" + date + "'");
            }
            // the business date of the command's events: the date of a fact
            dates.require(businessDate, DateWindow.Reach.FACT, BUSINESS_DATE);
        }
        return new RequestContext(caller.name(), caller.roleList(), key, correlation, businessDate, caller);
    }

    private static String optionalToken(String value, String header) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return requireToken(value.trim(), header);
    }

    private static String requireToken(String value, String header) {
        if (!TOKEN.matcher(value).matches()) {
            throw DomainException.invalid(header, "header " + header + " must be 1-128 characters of letters, digits and . _ : @ -");
        }
        return value;
    }
}
