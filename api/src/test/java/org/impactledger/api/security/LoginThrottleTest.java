package org.impactledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The login throttle on its own, with a clock the test moves: limits per user name and per client
 * address, the window, the reset on success, the bound on memory, and the metrics. The chain stands
 * for the Basic filter: it answers 200 for the right password and 401 for any other, and counts the
 * passwords it was asked to check.
 */
class LoginThrottleTest {

    private static final String PASSWORD = "right";

    private MutableClock clock;
    private SimpleMeterRegistry meters;
    private LoginThrottle throttle;
    private int checked;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        meters = new SimpleMeterRegistry();
        throttle = throttle(3, 5, Duration.ofMinutes(10), 100);
    }

    private LoginThrottle throttle(int perUser, int perIp, Duration window, int maxTracked) {
        SecurityProperties.LoginThrottle settings = new SecurityProperties.LoginThrottle();
        settings.setMaxFailuresPerUser(perUser);
        settings.setMaxFailuresPerIp(perIp);
        settings.setWindow(window);
        settings.setMaxTracked(maxTracked);
        return new LoginThrottle(settings, clock, meters);
    }

    private MockHttpServletResponse login(String user, String password, String ip) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/funds");
        request.setRemoteAddr(ip);
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain basic = (req, res) -> {
            checked++;
            ((MockHttpServletResponse) res).setStatus(PASSWORD.equals(password) ? 200 : 401);
        };
        throttle.doFilter(request, response, basic);
        return response;
    }

    private double refused(String limit) {
        return meters.counter("ledger.security.login.refused", "limit", limit).count();
    }

    @Test
    void after_the_failures_allowed_for_a_user_its_logins_are_refused_unchecked_until_the_window_has_passed() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(login("anna", "guess-" + i, "10.0.0.1").getStatus()).isEqualTo(401);
        }
        clock.advance(Duration.ofMinutes(4));
        int before = checked;
        MockHttpServletResponse refused = login("anna", PASSWORD, "10.0.0.2");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(checked).as("the password is not checked while refused").isEqualTo(before);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("360");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"code\":\"TOO_MANY_LOGIN_FAILURES\"").contains("\"status\":429")
                .doesNotContain(PASSWORD);
        assertThat(refused("user")).isEqualTo(1.0);
        assertThat(meters.counter("ledger.security.login.failed").count()).isEqualTo(3.0);

        assertThat(login("bruno", PASSWORD, "10.0.0.1").getStatus()).as("another user is not affected").isEqualTo(200);
        clock.advance(Duration.ofMinutes(6));
        assertThat(login("anna", PASSWORD, "10.0.0.1").getStatus()).as("the window has passed").isEqualTo(200);
    }

    @Test
    void a_successful_login_clears_the_count_of_its_user() throws Exception {
        login("anna", "guess-1", "10.0.0.1");
        login("anna", "guess-2", "10.0.0.1");
        assertThat(login("anna", PASSWORD, "10.0.0.1").getStatus()).isEqualTo(200);
        login("anna", "guess-3", "10.0.0.1");
        login("anna", "guess-4", "10.0.0.1");
        assertThat(login("anna", PASSWORD, "10.0.0.1").getStatus()).isEqualTo(200);
    }

    @Test
    void after_the_failures_allowed_from_one_address_every_user_is_refused_from_it_but_not_from_elsewhere() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(login("user-" + i, "guess", "10.0.0.9").getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse refused = login("bruno", PASSWORD, "10.0.0.9");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("600");
        assertThat(refused("ip")).isEqualTo(1.0);
        assertThat(login("bruno", PASSWORD, "10.0.0.10").getStatus()).isEqualTo(200);
    }

    @Test
    void bearer_tokens_and_anonymous_calls_pass_untouched() throws Exception {
        for (int i = 0; i < 10; i++) {
            login("anna", "guess", "10.0.0.1");
        }
        MockHttpServletRequest bearer = new MockHttpServletRequest("GET", "/api/funds");
        bearer.setRemoteAddr("10.0.0.1");
        bearer.addHeader("Authorization", "Bearer abc.def.ghi");
        MockHttpServletResponse response = new MockHttpServletResponse();
        int before = checked;
        throttle.doFilter(bearer, response, (req, res) -> checked++);
        assertThat(checked).isEqualTo(before + 1);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void memory_is_bounded_expired_counts_go_first_then_the_oldest() throws Exception {
        throttle = throttle(3, 1000, Duration.ofMinutes(10), 10);
        for (int i = 0; i < 50; i++) {
            login("user-" + i, "guess", "10.1.0." + i);
            clock.advance(Duration.ofSeconds(1));
            assertThat(throttle.tracked()).isLessThanOrEqualTo(10);
        }
        // the newest user is still counted: two more failures lock it out
        login("user-49", "guess", "10.2.0.1");
        login("user-49", "guess", "10.2.0.2");
        assertThat(login("user-49", PASSWORD, "10.2.0.3").getStatus()).isEqualTo(429);
    }

    @Test
    void a_malformed_basic_credential_counts_against_its_address_only() throws Exception {
        for (int i = 0; i < 5; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/funds");
            request.setRemoteAddr("10.0.0.7");
            request.addHeader("Authorization", "Basic !!not-base64!!");
            MockHttpServletResponse response = new MockHttpServletResponse();
            throttle.doFilter(request, response, (req, res) -> ((MockHttpServletResponse) res).setStatus(401));
        }
        assertThat(login("anna", PASSWORD, "10.0.0.7").getStatus()).isEqualTo(429);
        assertThat(login("anna", PASSWORD, "10.0.0.8").getStatus()).isEqualTo(200);
    }

    @Test
    void nonsensical_settings_stop_the_start_up() {
        assertThatThrownBy(() -> throttle(0, 5, Duration.ofMinutes(1), 10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("max-failures-per-user");
        assertThatThrownBy(() -> throttle(3, 5, Duration.ZERO, 10)).isInstanceOf(IllegalStateException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> throttle(3, 5, Duration.ofMinutes(1), 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("max-tracked");
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
