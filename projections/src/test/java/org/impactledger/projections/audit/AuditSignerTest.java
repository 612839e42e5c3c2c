package org.impactledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint signatures: the configured key is used as configured, a signature covers exactly its
 * text, and the ledger's verifier (Bouncy Castle's) answers as the JDK's, which the offline verifier uses.
 */
class AuditSignerTest {

    private static final String CHAIN_HASH = "84b00ffb567118d9640294b4c032c43f35a60aab657423997faba99a06de0ffe";

    @Test
    void the_public_key_derived_from_the_configured_private_key_is_the_one_openssl_derives() {
        AuditSigner signer = AuditSigner.fromConfiguration(new AuditProperties(null, null, null, null, null, null,
                AuditTestStore.TEST_PRIVATE_KEY, null));
        assertThat(Base64.getEncoder().encodeToString(signer.publicKey().getEncoded())).isEqualTo(AuditTestStore.TEST_PUBLIC_KEY);
        assertThat(signer.ephemeral()).isFalse();
        assertThat(signer.publicKeyPem()).isEqualTo("-----BEGIN PUBLIC KEY-----\n" + AuditTestStore.TEST_PUBLIC_KEY + "\n-----END PUBLIC KEY-----\n");
    }

    @Test
    void a_pem_key_file_gives_the_same_key_as_the_base64_setting(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit-key.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + AuditTestStore.TEST_PRIVATE_KEY + "\n-----END PRIVATE KEY-----\n");
        AuditSigner fromFile = AuditSigner.fromConfiguration(new AuditProperties(null, null, null, null, null, null, null, file.toString()));
        assertThat(Base64.getEncoder().encodeToString(fromFile.publicKey().getEncoded())).isEqualTo(AuditTestStore.TEST_PUBLIC_KEY);
    }

    @Test
    void without_a_configured_key_an_ephemeral_one_is_generated() {
        AuditSigner signer = AuditSigner.fromConfiguration(AuditProperties.defaults());
        assertThat(signer.ephemeral()).isTrue();
        assertThat(signer.keyId()).isNotEqualTo(AuditSigner.fromConfiguration(AuditProperties.defaults()).keyId());
    }

    @Test
    void a_key_that_is_not_base64_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> AuditSigner.fromConfiguration(new AuditProperties(null, null, null, null, null, null, "not a key!", null)))
                .hasMessageContaining("ledger.audit.signing-key");
    }

    @Test
    void a_signature_verifies_for_its_own_checkpoint_text_only() {
        AuditSigner signer = AuditSigner.fromPkcs8(Base64.getDecoder().decode(AuditTestStore.TEST_PRIVATE_KEY));
        String signature = signer.signCheckpoint(12, CHAIN_HASH, "2026-11-28T10:00:00.123Z");

        assertThat(signer.verifyCheckpoint(12, CHAIN_HASH, "2026-11-28T10:00:00.123Z", signature)).isTrue();
        assertThat(signer.verifyCheckpoint(13, CHAIN_HASH, "2026-11-28T10:00:00.123Z", signature)).isFalse();
        assertThat(signer.verifyCheckpoint(12, CHAIN_HASH.replace('8', '9'), "2026-11-28T10:00:00.123Z", signature)).isFalse();
        assertThat(signer.verifyCheckpoint(12, CHAIN_HASH, "2026-11-28T10:00:00.124Z", signature)).isFalse();
        assertThat(AuditSigner.generateEphemeral().verifyCheckpoint(12, CHAIN_HASH, "2026-11-28T10:00:00.123Z", signature)).isFalse();
        assertThat(AuditSigner.checkpointMessage(12, CHAIN_HASH, "2026-11-28T10:00:00.123Z"))
                .isEqualTo("impact-ledger-checkpoint:v1:12:" + CHAIN_HASH + ":2026-11-28T10:00:00.123Z");
    }

    /**
     * Making a signer checks its key with the JDK's verifier only: Bouncy Castle's, whose signed jar takes
     * a noticeable part of the start to load, is loaded by {@link AuditSigner#prepareVerifier} (or the first
     * checkpoint verification). Run in a class loader of its own, which has loaded nothing yet.
     */
    @Test
    void making_a_signer_leaves_bouncy_castle_unloaded_until_the_verifier_is_prepared() throws Exception {
        List<URL> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(Path.of(entry).toUri().toURL());
        }
        try (IsolatedLoader loader = new IsolatedLoader(classPath.toArray(URL[]::new))) {
            Class<?> signerClass = loader.loadClass(AuditSigner.class.getName());
            Object signer = signerClass.getMethod("fromPkcs8", byte[].class)
                    .invoke(null, (Object) Base64.getDecoder().decode(AuditTestStore.TEST_PRIVATE_KEY));
            assertThat(loader.loaded(AuditSigner.class.getName())).isTrue();
            assertThat(loader.loaded(BOUNCY_CASTLE_VERIFIER)).isFalse();

            signerClass.getMethod("prepareVerifier").invoke(signer);
            assertThat(loader.loaded(BOUNCY_CASTLE_VERIFIER)).isTrue();
            String signature = (String) signerClass.getMethod("signCheckpoint", long.class, String.class, String.class)
                    .invoke(signer, 12L, CHAIN_HASH, "2026-11-28T10:00:00.123Z");
            assertThat(signerClass.getMethod("verifyCheckpoint", long.class, String.class, String.class, String.class)
                    .invoke(signer, 12L, CHAIN_HASH, "2026-11-28T10:00:00.123Z", signature)).isEqualTo(true);
        }
    }

    private static final String BOUNCY_CASTLE_VERIFIER = "org.bouncycastle.math.ec.rfc8032.Ed25519";

    /** Loads the test's class path itself (the JDK's classes from the platform loader) and tells what it has loaded. */
    private static final class IsolatedLoader extends URLClassLoader {
        IsolatedLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            synchronized (getClassLoadingLock(name)) {
                return findLoadedClass(name) != null;
            }
        }
    }

    /** The order of Ed25519's base point: an S at or above it is not canonical, and RFC 8032 refuses it. */
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    @Test
    void the_ledgers_verifier_answers_as_the_jdks_on_valid_altered_and_malformed_signatures() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        KeyPairGenerator generator = KeyPairGenerator.getInstance(AuditSigner.ALGORITHM);
        for (int i = 0; i < 200; i++) {
            KeyPair pair = generator.generateKeyPair();
            KeyPair other = generator.generateKeyPair();
            byte[] key = AuditSigner.rawPublicKey(pair.getPublic());
            byte[] message = AuditSigner.checkpointMessage(random.nextLong(1, Long.MAX_VALUE), CHAIN_HASH, "2026-11-29T20:30:00." + i + "Z")
                    .getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance(AuditSigner.ALGORITHM);
            signer.initSign(pair.getPrivate());
            signer.update(message);
            byte[] signature = signer.sign();

            assertThat(AuditSigner.verifyRfc8032(message, signature, key)).isTrue();
            assertThat(AuditSigner.verifyJdk(message, signature, pair.getPublic())).isTrue();

            byte[] flipped = signature.clone();
            flipped[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
            byte[] otherMessage = message.clone();
            otherMessage[random.nextInt(message.length)] ^= 1;
            byte[][] altered = {flipped, nonCanonicalS(signature), nonCanonicalR(signature), Arrays.copyOf(signature, 63),
                    Arrays.copyOf(signature, 65), new byte[64]};
            for (int a = 0; a < altered.length; a++) {
                byte[] bad = altered[a];
                assertThat(AuditSigner.verifyRfc8032(message, bad, key)).as("altered signature %d, kind %d", i, a).isFalse();
                assertThat(AuditSigner.verifyJdk(message, bad, pair.getPublic())).as("altered signature %d, kind %d", i, a).isFalse();
            }
            assertThat(AuditSigner.verifyRfc8032(otherMessage, signature, key)).isFalse();
            assertThat(AuditSigner.verifyJdk(otherMessage, signature, pair.getPublic())).isFalse();
            assertThat(AuditSigner.verifyRfc8032(message, signature, AuditSigner.rawPublicKey(other.getPublic()))).isFalse();
            assertThat(AuditSigner.verifyJdk(message, signature, other.getPublic())).isFalse();
        }
    }

    @Test
    void a_checkpoint_with_a_signature_that_is_not_64_bytes_or_not_base64_does_not_verify() {
        AuditSigner signer = AuditSigner.fromPkcs8(Base64.getDecoder().decode(AuditTestStore.TEST_PRIVATE_KEY));
        byte[] signature = Base64.getDecoder().decode(signer.signCheckpoint(12, CHAIN_HASH, "2026-11-28T10:00:00.123Z"));
        String shorter = Base64.getEncoder().encodeToString(Arrays.copyOf(signature, 63));
        String longer = Base64.getEncoder().encodeToString(Arrays.copyOf(signature, 65));

        assertThat(signer.verifyCheckpoint(12, CHAIN_HASH, "2026-11-28T10:00:00.123Z", shorter)).isFalse();
        assertThat(signer.verifyCheckpoint(12, CHAIN_HASH, "2026-11-28T10:00:00.123Z", longer)).isFalse();
        assertThat(signer.verifyCheckpoint(12, CHAIN_HASH, "2026-11-28T10:00:00.123Z", "not base64!")).isFalse();
        assertThat(AuditSigner.rawPublicKey(signer.publicKey())).hasSize(32)
                .isEqualTo(Arrays.copyOfRange(signer.publicKey().getEncoded(), 12, 44));
    }

    /** The same signature with L added to its S (little-endian, the second 32 bytes): the same value mod L, not canonical. */
    private static byte[] nonCanonicalS(byte[] signature) {
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = s[31 - i];
        }
        byte[] sum = new BigInteger(1, bigEndian).add(L).toByteArray();
        byte[] result = signature.clone();
        for (int i = 0; i < 32; i++) {
            int from = sum.length - 1 - i;
            result[32 + i] = from >= 0 ? sum[from] : 0;
        }
        return result;
    }

    /** The signature with R replaced by the encoding of y = p + 1 (p = 2^255 - 19), which is not below p: RFC 8032 refuses to decode it. */
    private static byte[] nonCanonicalR(byte[] signature) {
        byte[] result = signature.clone();
        byte[] pPlusOne = new byte[32];
        pPlusOne[0] = (byte) 0xEE;
        for (int i = 1; i < 31; i++) {
            pPlusOne[i] = (byte) 0xFF;
        }
        pPlusOne[31] = (byte) 0x7F;
        System.arraycopy(pPlusOne, 0, result, 0, 32);
        return result;
    }
}
