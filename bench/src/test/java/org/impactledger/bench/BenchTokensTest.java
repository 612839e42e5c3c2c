package org.impactledger.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BenchTokensTest {

    @Test
    void signs_an_rs256_token_with_the_lanes_provider_and_payer_that_the_public_key_verifies() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        BenchTokens tokens = new BenchTokens(pair.getPrivate());

        String provider = tokens.tokenFor("provider-b1-ingest-3", "provider");
        String[] parts = provider.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(pair.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"sub\":\"provider-b1-ingest-3\""), claims);
        assertTrue(claims.contains("\"roles\":[\"provider\"]"), claims);
        assertTrue(claims.contains("\"provider_id\":\"coop-b1-ingest-3\""), claims);

        String payer = new String(Base64.getUrlDecoder().decode(tokens.tokenFor("payer-b1-ingest-3", "outcome-payer").split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertTrue(payer.contains("\"payer_id\":\"city-b1-ingest-3\""), payer);
        assertFalse(payer.contains("provider_id"), payer);
        assertSame(provider, tokens.tokenFor("provider-b1-ingest-3", "provider"), "made once");
    }
}
