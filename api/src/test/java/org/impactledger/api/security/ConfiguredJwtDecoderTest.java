package org.impactledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.impactledger.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

class ConfiguredJwtDecoderTest {

    private static final String TEST_ISSUER = "impact-ledger-tests";

    private static OAuth2ResourceServerProperties.Jwt withTestKey() {
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();
        jwt.setPublicKeyLocation(new ClassPathResource("security/test-jwt-public.pem"));
        return jwt;
    }

    private static String token(Map<String, String> claims, Instant expires) {
        return TestTokens.sign("alice", List.of("auditor"), claims, expires);
    }

    @Test
    void no_issuer_key_set_or_key_configures_no_decoder() {
        assertThat(ConfiguredJwtDecoder.from(new OAuth2ResourceServerProperties().getJwt())).isNull();
    }

    @Test
    void a_public_key_checks_the_signature_and_the_time_stamps() {
        JwtDecoder decoder = ConfiguredJwtDecoder.from(withTestKey());

        assertThat(decoder.decode(token(Map.of(), Instant.now().plusSeconds(600))).getSubject()).isEqualTo("alice");
        // expired beyond the validator's minute of clock skew
        assertThatThrownBy(() -> decoder.decode(token(Map.of(), Instant.now().minusSeconds(300))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    @Test
    void audiences_accept_only_tokens_issued_for_one_of_them() {
        OAuth2ResourceServerProperties.Jwt jwt = withTestKey();
        jwt.setAudiences(List.of("impact-ledger", "ledger-admin"));
        JwtDecoder decoder = ConfiguredJwtDecoder.from(jwt);

        assertThat(decoder.decode(token(Map.of("aud", "impact-ledger"), Instant.now().plusSeconds(600))).getAudience())
                .containsExactly("impact-ledger");
        assertThatThrownBy(() -> decoder.decode(token(Map.of("aud", "another-service"), Instant.now().plusSeconds(600))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
        assertThatThrownBy(() -> decoder.decode(token(Map.of(), Instant.now().plusSeconds(600))))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void an_issuer_uri_checks_the_issuer_of_a_token() {
        OAuth2ResourceServerProperties.Jwt jwt = withTestKey();
        jwt.setIssuerUri(TEST_ISSUER);
        assertThat(ConfiguredJwtDecoder.from(jwt).decode(token(Map.of(), Instant.now().plusSeconds(600))).getSubject())
                .isEqualTo("alice");

        jwt.setIssuerUri("https://login.example.org/realms/ledger");
        JwtDecoder other = ConfiguredJwtDecoder.from(jwt);
        assertThat(other).as("the key still decides the signature; the issuer is checked").isInstanceOf(NimbusJwtDecoder.class);
        assertThatThrownBy(() -> other.decode(token(Map.of(), Instant.now().plusSeconds(600))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
    }

    @Test
    void an_issuer_uri_alone_is_resolved_at_the_first_token_not_at_the_start() {
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();
        jwt.setIssuerUri("http://127.0.0.1:9/realms/ledger");
        assertThat(ConfiguredJwtDecoder.from(jwt)).isInstanceOf(SupplierJwtDecoder.class);
    }

    @Test
    void a_jwk_set_uri_comes_before_a_public_key() {
        OAuth2ResourceServerProperties.Jwt jwt = withTestKey();
        jwt.setJwkSetUri("http://127.0.0.1:9/keys");
        JwtDecoder decoder = ConfiguredJwtDecoder.from(jwt);
        // the key set is fetched for the token, so the test key alone does not decide: nothing listens on port 9
        assertThatThrownBy(() -> decoder.decode(token(Map.of(), Instant.now().plusSeconds(600))))
                .hasMessageContaining("127.0.0.1:9");
    }

    @Test
    void a_public_key_needs_exactly_one_known_algorithm() {
        OAuth2ResourceServerProperties.Jwt two = withTestKey();
        two.setJwsAlgorithms(List.of("RS256", "RS512"));
        assertThatThrownBy(() -> ConfiguredJwtDecoder.from(two))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jws-algorithms must name one algorithm");

        OAuth2ResourceServerProperties.Jwt unknown = withTestKey();
        unknown.setJwsAlgorithms(List.of("RS999"));
        assertThatThrownBy(() -> ConfiguredJwtDecoder.from(unknown))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'RS999' is not a JWS signature algorithm");
    }

    @Test
    void an_unreadable_public_key_stops_the_start_naming_the_property() {
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();
        jwt.setPublicKeyLocation(new FileSystemResource("/nonexistent/jwt.pem"));
        assertThatThrownBy(() -> ConfiguredJwtDecoder.from(jwt))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("public-key-location").hasMessageContaining("/nonexistent/jwt.pem");
    }
}
