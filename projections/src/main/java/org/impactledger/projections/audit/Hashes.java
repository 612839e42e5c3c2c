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

    /**
     * One SHA-256 instance per thread, reused: {@code MessageDigest.getInstance} looks the provider up
     * on every call, which verification (a million events, three hashes each) would pay each time.
     * Every user takes it through {@link #sha256()}, which resets it, and finishes with
     * {@code digest()}, which resets it again; no user holds it across a call to another.
     */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hashes::newSha256);

    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }

    /** The SHA-256 of the bytes, or {@code null} for {@code null} (a NULL column). */
    public static String sha256HexOrNull(byte[] bytes) {
        return bytes == null ? null : sha256Hex(bytes);
    }

    /** {@code SHA-256(previous || eventHash)} over the raw bytes of both hex hashes. */
    public static String chain(String previousChainHash, String eventHash) {
        return HEX.formatHex(chain(sha256(), HEX.parseHex(previousChainHash), HEX.parseHex(eventHash)));
    }

    /**
     * {@code SHA-256(previous || eventHash)} over raw 32-byte values, raw, with the caller's own digest
     * (reset here): for a caller that chains many events on one thread, without this thread's lookup.
     */
    static byte[] chain(MessageDigest digest, byte[] previousChainHash, byte[] eventHash) {
        digest.reset();
        digest.update(previousChainHash);
        digest.update(eventHash);
        return digest.digest();
    }

    /**
     * Whether {@code hex} is the lower-case hex of {@code raw}, as {@link #hex(byte[])} writes it, compared
     * digit by digit without formatting {@code raw}: {@code hex(raw).equals(hex)}.
     */
    static boolean isHexOf(String hex, byte[] raw) {
        if (hex == null || hex.length() != raw.length * 2) {
            return false;
        }
        for (int i = 0; i < raw.length; i++) {
            if (hex.charAt(2 * i) != HEX.toHighHexDigit(raw[i]) || hex.charAt(2 * i + 1) != HEX.toLowHexDigit(raw[i])) {
                return false;
            }
        }
        return true;
    }

    /** The raw bytes of a hex hash. */
    static byte[] raw(String hex) {
        return HEX.parseHex(hex);
    }

    /** Lower-case hex of a hash. */
    static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    /** This thread's SHA-256 instance, reset; finish with {@code digest()} before anything else uses it. */
    static MessageDigest sha256() {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest;
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
