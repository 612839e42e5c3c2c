package org.impactledger.api.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The JWT decoder that Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*} properties
 * describe, built when the ledger starts.
 *
 * <p>Spring Boot builds the same decoder in an auto-configuration whose beans exist on conditions over
 * these properties. A start from the configuration processed ahead of time (the production start,
 * {@code -Dspring.aot.enabled=true}) keeps the beans the build's conditions chose, and the build has
 * no issuer or key, so the ledger builds its decoder itself from the properties the start has (that
 * auto-configuration is excluded; {@code LedgerApplication}). The choice is Spring Boot's: a JWK set
 * URI first, else a public key (one algorithm, RS256 unless {@code jws-algorithms} names another),
 * else the issuer's discovery document, fetched at the first token; every token's time stamps are
 * checked, its issuer when {@code issuer-uri} is set, and its audience when {@code audiences} is.
 */
final class ConfiguredJwtDecoder {

    private ConfiguredJwtDecoder() {
    }

    /** The decoder the properties configure, or {@code null} when they name no issuer, key set or key. */
    static JwtDecoder from(OAuth2ResourceServerProperties.Jwt jwt) {
        String jwkSetUri = jwt.getJwkSetUri();
        String issuer = jwt.getIssuerUri();
        if (hasText(jwkSetUri)) {
            NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri);
            builder.jwsAlgorithms(algorithms -> jwt.getJwsAlgorithms().forEach(name -> algorithms.add(algorithm(name))));
            NimbusJwtDecoder decoder = builder.build();
            decoder.setJwtValidator(validator(jwt));
            return decoder;
        }
        if (jwt.getPublicKeyLocation() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(jwt)).signatureAlgorithm(onlyAlgorithm(jwt)).build();
            decoder.setJwtValidator(validator(jwt));
            return decoder;
        }
        if (hasText(issuer)) {
            return new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
                decoder.setJwtValidator(validator(jwt));
                return decoder;
            });
        }
        return null;
    }

    private static OAuth2TokenValidator<Jwt> validator(OAuth2ResourceServerProperties.Jwt jwt) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        // Spring Security's defaults: the time stamps (and what else a release adds to them), and the issuer when one is set
        validators.add(hasText(jwt.getIssuerUri()) ? JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri()) : JwtValidators.createDefault());
        List<String> audiences = jwt.getAudiences();
        if (audiences != null && !audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && !Collections.disjoint(aud, audiences)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static RSAPublicKey publicKey(OAuth2ResourceServerProperties.Jwt jwt) {
        String location = String.valueOf(jwt.getPublicKeyLocation());
        try {
            String pem = jwt.readPublicKey();
            byte[] der = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""));
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.public-key-location: " + location
                    + " is not a readable RSA public key in PEM (-----BEGIN PUBLIC KEY-----): " + e.getMessage(), e);
        }
    }

    private static SignatureAlgorithm onlyAlgorithm(OAuth2ResourceServerProperties.Jwt jwt) {
        List<String> names = jwt.getJwsAlgorithms();
        if (names.size() != 1) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.jws-algorithms must name one algorithm "
                    + "with a public key, was " + names);
        }
        return algorithm(names.get(0));
    }

    private static SignatureAlgorithm algorithm(String name) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
        if (algorithm == null) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.jws-algorithms: '" + name
                    + "' is not a JWS signature algorithm (RS256, ES256, PS256, ...)");
        }
        return algorithm;
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
