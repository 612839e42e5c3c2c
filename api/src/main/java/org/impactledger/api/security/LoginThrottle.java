package org.impactledger.api.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles HTTP Basic logins: after {@code max-failures-per-user} failed logins for one user name,
 * or {@code max-failures-per-ip} from one client address, within {@code window} (counted from the
 * first failure), every further Basic login for that user or from that address is answered
 * {@code 429 TOO_MANY_LOGIN_FAILURES} with {@code Retry-After} until the window has passed, without
 * checking the password (so a guesser cannot make the ledger spend bcrypt on it, and a right guess
 * during the block tells nothing). A successful login clears its user's count. Bearer tokens are not
 * throttled here (they are not guessable).
 *
 * <p>In memory and per instance: at most {@code max-tracked} user names and addresses are counted;
 * when full, expired counts are dropped first, then the oldest. Unknown user names are counted like
 * known ones, so the answer never tells whether a user exists. The client address is the request's
 * remote address (behind a proxy, set {@code server.forward-headers-strategy} so that it is the
 * client's). Metrics: {@code ledger.security.login.failed} (failed Basic logins) and
 * {@code ledger.security.login.refused} (logins refused by the throttle, tagged {@code limit} =
 * {@code user} or {@code ip}).
 */
public class LoginThrottle extends OncePerRequestFilter {

    static final String CODE = "TOO_MANY_LOGIN_FAILURES";
    /** User names longer than this are counted by their first characters (the key must stay small). */
    private static final int MAX_KEY = 128;

    /** Failures of one user or address since the first of them. */
    private record Failures(int count, Instant since) {
    }

    private final SecurityProperties.LoginThrottle settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Counter failed;
    private final Counter refusedForUser;
    private final Counter refusedForIp;

    public LoginThrottle(SecurityProperties.LoginThrottle settings, Clock clock, MeterRegistry meters) {
        if (settings.getMaxFailuresPerUser() < 1 || settings.getMaxFailuresPerIp() < 1) {
            throw new IllegalStateException("ledger.security.login-throttle.max-failures-per-user and max-failures-per-ip must be 1 or more");
        }
        if (settings.getWindow() == null || settings.getWindow().isNegative() || settings.getWindow().isZero()) {
            throw new IllegalStateException("ledger.security.login-throttle.window must be a positive duration, e.g. 15m");
        }
        if (settings.getMaxTracked() < 1) {
            throw new IllegalStateException("ledger.security.login-throttle.max-tracked must be 1 or more");
        }
        this.settings = settings;
        this.clock = clock;
        this.failed = Counter.builder("ledger.security.login.failed").description("Failed HTTP Basic logins").register(meters);
        this.refusedForUser = refused(meters, "user");
        this.refusedForIp = refused(meters, "ip");
    }

    private static Counter refused(MeterRegistry meters, String limit) {
        return Counter.builder("ledger.security.login.refused").description("HTTP Basic logins refused by the login throttle, unchecked")
                .tag("limit", limit).register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            chain.doFilter(request, response);
            return;
        }
        String user = userKey(authorization.substring(6).trim());
        String ip = "ip:" + request.getRemoteAddr();
        Instant now = clock.instant();
        Duration userWait = user == null ? null : blockedFor(user, settings.getMaxFailuresPerUser(), now);
        Duration ipWait = blockedFor(ip, settings.getMaxFailuresPerIp(), now);
        if (userWait != null || ipWait != null) {
            (userWait != null ? refusedForUser : refusedForIp).increment();
            Duration wait = userWait == null ? ipWait : ipWait == null ? userWait : max(userWait, ipWait);
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemSecurityHandlers.write(response, request, 429, CODE, "Too many failed logins",
                    "too many failed logins for this user or from this address; try again in " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            failed.increment();
            recordFailure(user, ip);
        } else if (user != null) {
            failures.remove(user);
        }
    }

    /** How long {@code key} is still refused, or {@code null} if it is not (an expired count is dropped). */
    Duration blockedFor(String key, int limit, Instant now) {
        Failures f = failures.get(key);
        if (f == null) {
            return null;
        }
        Instant until = f.since().plus(settings.getWindow());
        if (!now.isBefore(until)) {
            failures.remove(key, f);
            return null;
        }
        return f.count() >= limit ? Duration.between(now, until) : null;
    }

    synchronized void recordFailure(String user, String ip) {
        Instant now = clock.instant();
        for (String key : user == null ? new String[] {ip} : new String[] {user, ip}) {
            if (!failures.containsKey(key)) {
                makeRoom(now);
            }
            failures.merge(key, new Failures(1, now), (old, first) -> expired(old, now) ? first : new Failures(old.count() + 1, old.since()));
        }
    }

    /** The number of user names and addresses counted now (for tests and the bound on memory). */
    int tracked() {
        return failures.size();
    }

    private void makeRoom(Instant now) {
        if (failures.size() < settings.getMaxTracked()) {
            return;
        }
        failures.entrySet().removeIf(e -> expired(e.getValue(), now));
        while (failures.size() >= settings.getMaxTracked()) {
            failures.entrySet().stream().min(Comparator.comparing((Map.Entry<String, Failures> e) -> e.getValue().since()))
                    .ifPresent(oldest -> failures.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    private boolean expired(Failures f, Instant now) {
        return !now.isBefore(f.since().plus(settings.getWindow()));
    }

    /** {@code user:} and the user name of a Basic credential, or {@code null} if it cannot be read (the address is still counted). */
    static String userKey(String credentials) {
        try {
            String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String name = decoded.substring(0, Math.min(colon, MAX_KEY));
            return "user:" + name;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
