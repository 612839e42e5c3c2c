package org.impactledger.api.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs bearer tokens for the integration tests with the fixed test RSA key whose public half the
 * test configuration gives the ledger, as an OpenID Connect provider would: subject, roles and the
 * party claims (investor_id, provider_id, payer_id, issuer_id).
 *
 * <p>The fixed principals of {@link Scenario} and the dated ledger belong to fixed parties:
 * provider-bruno to provider {@code coop-casa}, the payers (payer-dario, treasurer-elena,
 * city-finance) to {@code city-of-turin}. A request made with the pseudo-role {@code tester} gets the
 * roles of its principal from this table.
 */
public final class TestTokens {

    public static final String SCENARIO_PROVIDER = "coop-casa";
    public static final String SCENARIO_PAYER = "city-of-turin";

    private record Known(List<String> roles, Map<String, String> claims) {
    }

    private static final Map<String, Known> KNOWN = Map.of(
            Scenario.MANAGER, new Known(List.of("fund-manager"), Map.of()),
            Scenario.PROVIDER, new Known(List.of("provider"), Map.of("provider_id", SCENARIO_PROVIDER)),
            Scenario.VERIFIER, new Known(List.of("verifier"), Map.of()),
            Scenario.PAYER, new Known(List.of("outcome-payer"), Map.of("payer_id", SCENARIO_PAYER)),
            "treasurer-elena", new Known(List.of("outcome-payer"), Map.of("payer_id", SCENARIO_PAYER)),
            "city-finance", new Known(List.of("outcome-payer", "city-finance"), Map.of("payer_id", SCENARIO_PAYER)));

    private static final PrivateKey KEY = loadKey();

    private TestTokens() {
    }

    /**
     * A token for {@code actor} in {@code role}, with the party claims that role needs: a provider
     * belongs to its known provider (else {@code coop-casa}), a payer to its known payer (else
     * {@code city-of-turin}), an investor or issuer to the id equal to its name. {@code extra}
     * claims are added last and win.
     */
    public static String forActor(String actor, String role, Map<String, String> extra) {
        Known known = KNOWN.get(actor);
        List<String> roles;
        Map<String, String> claims = new LinkedHashMap<>();
        if ("tester".equals(role)) {
            if (known == null) {
                throw new IllegalArgumentException("the pseudo-role 'tester' needs a known principal, not " + actor);
            }
            roles = known.roles();
            claims.putAll(known.claims());
        } else {
            roles = List.of(role);
            switch (role) {
                case "provider" -> claims.put("provider_id", known != null && known.claims().containsKey("provider_id")
                        ? known.claims().get("provider_id") : SCENARIO_PROVIDER);
                case "outcome-payer" -> claims.put("payer_id", known != null && known.claims().containsKey("payer_id")
                        ? known.claims().get("payer_id") : SCENARIO_PAYER);
                case "investor" -> claims.put("investor_id", actor);
                case "issuer" -> claims.put("issuer_id", actor);
                default -> { }
            }
        }
        claims.putAll(extra);
        return sign(actor, roles, claims, Instant.now().plusSeconds(3600));
    }

    /** A token with exactly these roles and claims, valid until {@code expires}. */
    public static String sign(String subject, List<String> roles, Map<String, String> claims, Instant expires) {
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder().subject(subject).issuer("impact-ledger-tests")
                .issueTime(Date.from(expires.minusSeconds(3600))).expirationTime(Date.from(expires)).claim("roles", roles);
        claims.forEach(body::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), body.build());
        try {
            jwt.sign(new RSASSASigner(KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static PrivateKey loadKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/security/test-jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test signing key", e);
        }
    }
}
