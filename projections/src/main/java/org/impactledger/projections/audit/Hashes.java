package org.impactledger.projections.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash functions of the audit chain. Every hash is SHA-256, written as lower-case hex.
 *
 * <p>{@code chain_hash(n) = SHA-256(chain_hash(n-1) || event_hash(n))} over the raw 32-byte values
 * (not their hex text), where {@code n-1} is the previous <em>chained event</em> (passed gaps are
 * not links) and the chain starts from {@link #GENESIS}, 32 zero bytes. Each chain hash thus
 * commits to every event before it and to their order: changing, removing or reordering any
 * earlier event changes every later chain hash, and a signed checkpoint over one chain hash vouches
 * for the whole prefix it ends.
 */
public final class Hashes {

    /** The chain hash "before the first event": 32 zero bytes. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {
    }

    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }

    /** The SHA-256 of the bytes, or {@code null} for {@code null} (a NULL column). */
    public static String sha256HexOrNull(byte[] bytes) {
        return bytes == null ? null : sha256Hex(bytes);
    }

    /** {@code SHA-256(previous || eventHash)} over the raw bytes of both hex hashes. */
    public static String chain(String previousChainHash, String eventHash) {
        MessageDigest digest = sha256();
        digest.update(HEX.parseHex(previousChainHash));
        digest.update(HEX.parseHex(eventHash));
        return HEX.formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
