package org.impactledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens for the load generator, signed (RS256, JDK only) with a key that {@code run.sh}
 * makes for each run and whose public half it gives the ledger: the ledger under test checks real
 * JWTs, as in production. One token per principal and role, made once, so signing costs nothing
 * during measurement. A provider belongs to the lane's provider and a payer to the lane's payer
 * ({@link OutcomeFundLane} names them {@code provider-<lane>} → {@code coop-<lane>} and
 * {@code payer-<lane>} → {@code city-<lane>}).
 */
public final class BenchTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public BenchTokens(PrivateKey key) {
        this.key = key;
    }

    /** The key named by {@code BENCH_JWT_KEY} (a PKCS#8 PEM file), or {@code null} when the variable is not set. */
    public static BenchTokens fromEnvironment() throws IOException {
        String path = System.getenv("BENCH_JWT_KEY");
        return path == null || path.isBlank() ? null : new BenchTokens(readKey(Path.of(path)));
    }

    static PrivateKey readKey(Path pem) throws IOException {
        String body = Files.readString(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException e) {
            throw new IOException("not a PKCS#8 RSA private key: " + pem, e);
        }
    }

    public String tokenFor(String principal, String role) {
        return tokens.computeIfAbsent(principal + "\n" + role, k -> sign(principal, role));
    }

    String sign(String principal, String role) {
        StringBuilder claims = new StringBuilder("{\"sub\":\"").append(principal).append("\",\"roles\":[\"").append(role).append("\"]");
        if ("provider".equals(role) && principal.startsWith("provider-")) {
            claims.append(",\"provider_id\":\"coop-").append(principal.substring("provider-".length())).append('"');
        }
        if ("outcome-payer".equals(role) && principal.startsWith("payer-")) {
            claims.append(",\"payer_id\":\"city-").append(principal.substring("payer-".length())).append('"');
        }
        long now = Instant.now().getEpochSecond();
        claims.append(",\"iat\":").append(now).append(",\"exp\":").append(now + 24 * 3600).append('}');
        String unsigned = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
