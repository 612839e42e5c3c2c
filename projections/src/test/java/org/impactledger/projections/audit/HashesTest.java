package org.impactledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The verification's shortcuts answer as the plain ways do:
 * {@link Hashes#isHexOf} to {@code hex(raw).equals(text)}, and chaining raw hashes with the caller's digest
 * to chaining their hex texts.
 */
class HashesTest {

    @Test
    void isHexOf_answers_as_comparing_the_formatted_hex() {
        SplittableRandom random = new SplittableRandom(20261130L);
        for (int round = 0; round < 20_000; round++) {
            byte[] raw = new byte[round % 5 == 0 ? random.nextInt(0, 40) : 32];
            random.nextBytes(raw);
            String hex = Hashes.hex(raw);
            assertThat(Hashes.isHexOf(hex, raw)).isTrue();
            // one character changed anywhere, to any other character (digits, letters, upper case, non-hex)
            if (!hex.isEmpty()) {
                char[] chars = hex.toCharArray();
                int at = random.nextInt(chars.length);
                char other;
                do {
                    other = "0123456789abcdefABCDEFg-".charAt(random.nextInt(24));
                } while (other == chars[at]);
                chars[at] = other;
                String changed = new String(chars);
                assertThat(Hashes.isHexOf(changed, raw)).isEqualTo(Hashes.hex(raw).equals(changed)).isFalse();
            }
        }
    }

    @Test
    void isHexOf_refuses_other_lengths_upper_case_and_null() {
        byte[] raw = Hashes.raw("00ff10a0" + "0".repeat(56));
        String hex = Hashes.hex(raw);
        assertThat(Hashes.isHexOf(hex, raw)).isTrue();
        assertThat(Hashes.isHexOf(hex.toUpperCase(Locale.ROOT), raw)).isFalse();
        assertThat(Hashes.isHexOf(hex + "0", raw)).isFalse();
        assertThat(Hashes.isHexOf(hex.substring(2), raw)).isFalse();
        assertThat(Hashes.isHexOf(null, raw)).isFalse();
        assertThat(Hashes.isHexOf(Hashes.GENESIS, Hashes.raw(Hashes.GENESIS))).isTrue();
        assertThat(Hashes.isHexOf("", new byte[0])).isTrue();
    }

    @Test
    void chaining_with_the_callers_digest_gives_the_chain_hash() throws Exception {
        MessageDigest own = Hashes.newSha256();
        own.update("left over from an earlier use".getBytes(StandardCharsets.UTF_8)); // reset by chain()
        byte[] previous = Hashes.raw(Hashes.GENESIS);
        String previousHex = Hashes.GENESIS;
        for (int i = 0; i < 1_000; i++) {
            byte[] eventHash = MessageDigest.getInstance("SHA-256").digest(("event " + i).getBytes(StandardCharsets.UTF_8));
            byte[] next = Hashes.chain(own, previous, eventHash);
            String nextHex = Hashes.chain(previousHex, Hashes.hex(eventHash));
            assertThat(Hashes.hex(next)).isEqualTo(nextHex);
            previous = next;
            previousHex = nextHex;
        }
    }
}
