package org.impactledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final AtomicInteger calls = new AtomicInteger();

    private JwtDecoder delegate(Instant expiresAt) {
        return token -> {
            calls.incrementAndGet();
            if (token.startsWith("bad")) {
                throw new BadJwtException("bad signature");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("alice").issuedAt(NOW.minusSeconds(10))
                    .expiresAt(expiresAt).build();
        };
    }

    @Test
    void a_valid_token_is_checked_once_while_it_is_remembered() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate(NOW.plusSeconds(3600)), Clock.fixed(NOW, ZoneOffset.UTC));
        Jwt first = decoder.decode("token-a");
        Jwt again = decoder.decode("token-a");
        assertThat(again).isSameAs(first);
        assertThat(calls).hasValue(1);
        decoder.decode("token-b");
        assertThat(calls).hasValue(2);
    }

    @Test
    void a_refused_token_is_never_remembered() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate(NOW.plusSeconds(3600)), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void a_token_goes_back_to_the_delegate_once_it_expires_or_after_the_maximum_age() {
        MutableClock clock = new MutableClock(NOW);
        CachingJwtDecoder shortLived = new CachingJwtDecoder(delegate(NOW.plusSeconds(30)), clock);
        shortLived.decode("short");
        clock.now = NOW.plusSeconds(29);
        shortLived.decode("short");
        assertThat(calls).hasValue(1);
        clock.now = NOW.plusSeconds(30);
        shortLived.decode("short");
        assertThat(calls).hasValue(2);

        calls.set(0);
        clock.now = NOW;
        CachingJwtDecoder longLived = new CachingJwtDecoder(delegate(NOW.plusSeconds(24 * 3600)), clock);
        longLived.decode("long");
        clock.now = NOW.plus(CachingJwtDecoder.MAX_AGE);
        longLived.decode("long");
        assertThat(calls).hasValue(2);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
