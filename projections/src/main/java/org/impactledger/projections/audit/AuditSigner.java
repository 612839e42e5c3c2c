package org.impactledger.projections.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs and checks audit checkpoints with Ed25519: signs with the JDK's own implementation, checks
 * with Bouncy Castle's RFC 8032 verifier ({@link #verifyCheckpoint}).
 *
 * <p>Why two: verifying the audit chain checks every checkpoint's signature (1,005 at 1M events),
 * and the JDK 17 verifier took about 1 ms per signature on the AMD host of bench/RESULTS.md's
 * eighteenth session, Bouncy Castle's about 0.1 ms. Both implement RFC 8032's verification; {@code AuditSignerTest} checks that they
 * give the same answer on valid, altered and malformed signatures. The offline verifier an auditor
 * runs ({@link AuditVerifier}) uses the JDK's only.
 *
 * <p>The private key comes from configuration ({@code ledger.audit.signing-key}, base64 PKCS#8, or
 * {@code ledger.audit.signing-key-file}, a PEM file). Production must configure one: without it an
 * ephemeral key is generated at start and a warning is logged, because checkpoints signed before a
 * restart can no longer be checked against the key published after it.
 *
 * <p>The public key is derived from the private key rather than configured beside it, so the two
 * can never disagree: an Ed25519 private key is a 32-byte seed, and the JDK's key-pair generator
 * turns the seed it draws from its random source into the matching public key; feeding it the
 * configured seed gives the configured key's pair. A test signature checked at start with the JDK's
 * verifier proves it. Bouncy Castle's verifier checks the same test signature before its first use
 * ({@link #prepareVerifier}), not at start: loading its signed jar the first time verifies the jar's
 * signature, which took about 5 % of the main thread's start-up samples (bench/RESULTS.md,
 * "twenty-first session"), and the ledger starts it in the background once it is ready.
 *
 * <p>The key id is the SHA-256 (hex) of the public key's SubjectPublicKeyInfo encoding: stored with
 * each checkpoint, it tells which key signed it.
 */
public final class AuditSigner {

    public static final String ALGORITHM = "Ed25519";
    /** Prefix of the signed text; the version changes if the text's layout ever does. */
    public static final String CHECKPOINT_PREFIX = "impact-ledger-checkpoint:v1:";
    /** The text each signer signs and checks when it is made. */
    private static final byte[] PROBE = "impact-ledger-key-check".getBytes(StandardCharsets.UTF_8);
    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING (33 bytes, no unused bits) }: an Ed25519 key's X.509 encoding before its 32 bytes. */
    private static final byte[] SPKI_HEADER = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private static final Logger log = LoggerFactory.getLogger(AuditSigner.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    /** The public key's 32 bytes (RFC 8032 encoding), as Bouncy Castle's verifier takes it. */
    private final byte[] rawPublicKey;
    private final boolean ephemeral;
    private final String keyId;
    /** This key's signature of {@link #PROBE}, for the check of each verifier. */
    private final byte[] probeSignature;
    /** Whether Bouncy Castle's verifier has accepted {@link #probeSignature} (checked once, by any thread). */
    private volatile boolean rfc8032Checked;

    private AuditSigner(KeyPair pair, boolean ephemeral) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.ephemeral = ephemeral;
        this.keyId = Hashes.sha256Hex(publicKey.getEncoded());
        this.rawPublicKey = rawPublicKey(publicKey);
        this.probeSignature = sign(PROBE);
        if (!verifyJdk(PROBE, probeSignature, publicKey)) {
            throw new IllegalStateException("the audit signing key's derived public key does not verify its signatures");
        }
    }

    /**
     * Loads Bouncy Castle's verifier and checks that it accepts this key's test signature, unless
     * that was done already; {@link #verifyCheckpoint} does it before its first check.
     *
     * @throws IllegalStateException if the verifier refuses the key's own signature
     */
    public void prepareVerifier() {
        if (!rfc8032Checked) {
            if (!verifyRfc8032(PROBE, probeSignature, rawPublicKey)) {
                throw new IllegalStateException("Bouncy Castle's Ed25519 verifier refuses the audit signing key's own signature");
            }
            rfc8032Checked = true;
        }
    }

    /** The signer for the configured key, or an ephemeral one (with a warning) when none is configured. */
    public static AuditSigner fromConfiguration(AuditProperties properties) {
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            return fromPkcs8(decodeBase64(properties.signingKey(), "ledger.audit.signing-key"));
        }
        if (properties.signingKeyFile() != null && !properties.signingKeyFile().isBlank()) {
            Path file = Path.of(properties.signingKeyFile().trim());
            try {
                return fromPkcs8(pemBody(Files.readString(file, StandardCharsets.US_ASCII), "PRIVATE KEY", file.toString()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read ledger.audit.signing-key-file " + file + ": " + e.getMessage(), e);
            }
        }
        AuditSigner signer = generateEphemeral();
        log.warn("No audit signing key configured (ledger.audit.signing-key or ledger.audit.signing-key-file): using an "
                + "ephemeral Ed25519 key {}. Checkpoints signed now will not verify after a restart; production must configure a key.",
                signer.keyId());
        return signer;
    }

    /** A signer with a fresh key that lives as long as this process. */
    public static AuditSigner generateEphemeral() {
        try {
            return new AuditSigner(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair(), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** A signer for an Ed25519 private key in PKCS#8 encoding. */
    public static AuditSigner fromPkcs8(byte[] pkcs8) {
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            if (!(key instanceof EdECPrivateKey edKey) || edKey.getBytes().isEmpty()) {
                throw new IllegalStateException("the audit signing key is not an Ed25519 private key");
            }
            byte[] seed = edKey.getBytes().get();
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            KeyPair derived = generator.generateKeyPair();
            return new AuditSigner(new KeyPair(derived.getPublic(), key), false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit signing key is not a valid Ed25519 PKCS#8 key: " + e.getMessage(), e);
        }
    }

    /** The exact text a checkpoint signature covers. */
    public static String checkpointMessage(long globalIndex, String chainHash, String signedAt) {
        return CHECKPOINT_PREFIX + globalIndex + ":" + chainHash + ":" + signedAt;
    }

    /** Base64 Ed25519 signature of the checkpoint text. */
    public String signCheckpoint(long globalIndex, String chainHash, String signedAt) {
        return Base64.getEncoder().encodeToString(sign(checkpointMessage(globalIndex, chainHash, signedAt).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the base64 signature is this key's signature of the checkpoint text (Bouncy Castle's verifier). */
    public boolean verifyCheckpoint(long globalIndex, String chainHash, String signedAt, String signatureBase64) {
        prepareVerifier();
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verifyRfc8032(checkpointMessage(globalIndex, chainHash, signedAt).getBytes(StandardCharsets.UTF_8), signature, rawPublicKey);
    }

    /** Bouncy Castle's RFC 8032 verification of an Ed25519 signature (64 bytes) by a raw 32-byte public key. */
    static boolean verifyRfc8032(byte[] message, byte[] signature, byte[] rawPublicKey) {
        return signature.length == Ed25519.SIGNATURE_SIZE && Ed25519.verify(signature, 0, rawPublicKey, 0, message, 0, message.length);
    }

    /**
     * The 32 bytes of an Ed25519 public key: the end of its X.509 SubjectPublicKeyInfo, whose fixed
     * 12-byte header names the algorithm (OID 1.3.101.112) and the bit string that follows.
     */
    static byte[] rawPublicKey(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki.length != SPKI_HEADER.length + Ed25519.PUBLIC_KEY_SIZE || !Arrays.equals(spki, 0, SPKI_HEADER.length, SPKI_HEADER, 0,
                SPKI_HEADER.length)) {
            throw new IllegalStateException("not an Ed25519 public key encoding");
        }
        return Arrays.copyOfRange(spki, SPKI_HEADER.length, spki.length);
    }

    public String keyId() {
        return keyId;
    }

    /** Whether the key was generated at start (no key configured). */
    public boolean ephemeral() {
        return ephemeral;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as PEM: base64 of its X.509 SubjectPublicKeyInfo, 64 characters a line. */
    public String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** Reads a PEM public key (SubjectPublicKeyInfo), as published by {@link #publicKeyPem()}. */
    public static PublicKey readPublicKeyPem(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(pemBody(pem, "PUBLIC KEY", "public key")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    private byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * The JDK's verification of a signature of exactly 64 bytes (the JDK alone also accepts a valid one followed by more
     * bytes): what {@link AuditVerifier} does offline.
     */
    static boolean verifyJdk(byte[] message, byte[] signatureBytes, PublicKey key) {
        if (signatureBytes.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] pemBody(String pem, String label, String source) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(source + " is not a PEM file with a '" + begin + "' block");
        }
        return decodeBase64(pem.substring(from + begin.length(), to).replaceAll("\\s", ""), source);
    }

    private static byte[] decodeBase64(String text, String source) {
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64: " + e.getMessage(), e);
        }
    }

    /** A "random" source that yields one fixed seed: makes the key-pair generator derive the seed's public key. */
    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("expected a request for a " + seed.length + "-byte Ed25519 seed, got " + bytes.length);
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
