package org.impactledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The canonical form and hashes are a published contract (README, verifier): pinned vectors,
 * computed independently of this code (with Python's hashlib from the written definition), keep
 * the ledger's implementation and the offline verifier's copy equal to the definition.
 */
class CanonicalFormTest {

    static final StoredEvent FUND_OPENED = new StoredEvent(42, "5afa812d-e4d8-4120-bd87-a4517c3ef839", "f-1", 0, "Fund",
            "2026-11-28T00:22:33.739Z", "org.impactledger.core.fund.event.FundOpened", "1",
            "{\"fundId\":\"f-1\",\"name\":\"Fondo Città\",\"currency\":\"EUR\"}".getBytes(StandardCharsets.UTF_8),
            "{\"principal\":\"anna\",\"businessDate\":\"2026-01-15\"}".getBytes(StandardCharsets.UTF_8));
    static final String FUND_OPENED_HASH = "32a34e182320281a670fbd8578caa2c7f1141873914af5617ffa7924b8581255";

    static final StoredEvent WITH_NULLS = new StoredEvent(7, "e-7", "e-7", 0, null, "2026-11-28T00:00:00Z", "java.lang.String", null,
            "\"x\"".getBytes(StandardCharsets.UTF_8), null);
    static final String WITH_NULLS_HASH = "84030a1e5608a32f3e904e4f74bd991c48c52dedaae8321d8cb825109e2a30b7";

    @Test
    void the_event_hash_of_a_known_row_is_the_pinned_vector() {
        assertThat(FUND_OPENED.canonicalForm()).hasSize(283);
        assertThat(FUND_OPENED.eventHash()).isEqualTo(FUND_OPENED_HASH);
        assertThat(WITH_NULLS.eventHash()).isEqualTo(WITH_NULLS_HASH);
    }

    @Test
    void the_offline_verifier_computes_the_same_pinned_vectors() {
        assertThat(verifierHash(FUND_OPENED)).isEqualTo(FUND_OPENED_HASH);
        assertThat(verifierHash(WITH_NULLS)).isEqualTo(WITH_NULLS_HASH);
    }

    @Test
    void the_chain_links_from_32_zero_bytes_over_the_raw_hashes() {
        String first = Hashes.chain(Hashes.GENESIS, FUND_OPENED_HASH);
        String second = Hashes.chain(first, WITH_NULLS_HASH);
        assertThat(first).isEqualTo("84b00ffb567118d9640294b4c032c43f35a60aab657423997faba99a06de0ffe");
        assertThat(second).isEqualTo("7265c23b2a8ecdfef5cd4e3b31facc525cb7c36e4c813661ee1a0efeea1b85bf");
        assertThat(AuditVerifier.chain(first, WITH_NULLS_HASH)).isEqualTo(second);
    }

    @Test
    void long_values_and_many_of_them_in_a_row_hash_as_their_canonical_form() {
        // the hasher buffers short values and gives long ones to the digest as they are: around its 4096-byte limit,
        // far above it, and one hasher used for many rows in a row
        StoredEvent.Hasher hasher = new StoredEvent.Hasher();
        java.util.Random random = new java.util.Random(7);
        for (int size : new int[] {0, 1, 4000, 4095, 4096, 4097, 4160, 8192, 100_000}) {
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            byte[] metaData = new byte[Math.max(0, 5000 - size)];
            random.nextBytes(metaData);
            String id = "e".repeat(Math.min(size, 5000));
            StoredEvent row = new StoredEvent(Long.MAX_VALUE - size, id, id, size, "T", "2026-11-28T00:00:00Z", "p", "1", payload,
                    size % 2 == 0 ? metaData : null);
            String expected = Hashes.sha256Hex(row.canonicalForm());
            assertThat(row.eventHash()).as("size %d", size).isEqualTo(expected);
            assertThat(Hashes.hex(hasher.hash(row.globalIndex(), row.eventIdentifier().getBytes(StandardCharsets.UTF_8),
                    row.aggregateIdentifier().getBytes(StandardCharsets.UTF_8), row.sequenceNumber(), "T".getBytes(StandardCharsets.UTF_8),
                    row.timeStamp().getBytes(StandardCharsets.UTF_8), "p".getBytes(StandardCharsets.UTF_8), "1".getBytes(StandardCharsets.UTF_8),
                    payload, row.metaData()))).as("size %d", size).isEqualTo(expected);
        }
        assertThat(FUND_OPENED.eventHash()).isEqualTo(FUND_OPENED_HASH);
    }

    @Test
    void a_null_column_and_an_empty_one_hash_differently() {
        StoredEvent emptyType = new StoredEvent(7, "e-7", "e-7", 0, "", "2026-11-28T00:00:00Z", "java.lang.String", null,
                "\"x\"".getBytes(StandardCharsets.UTF_8), null);
        assertThat(emptyType.eventHash()).isNotEqualTo(WITH_NULLS_HASH);
    }

    @Test
    void moving_a_byte_from_one_column_to_the_next_changes_the_hash() {
        StoredEvent shifted = new StoredEvent(42, "5afa812d-e4d8-4120-bd87-a4517c3ef83", "9f-1", 0, "Fund",
                "2026-11-28T00:22:33.739Z", "org.impactledger.core.fund.event.FundOpened", "1", FUND_OPENED.payload(), FUND_OPENED.metaData());
        assertThat(shifted.eventHash()).isNotEqualTo(FUND_OPENED_HASH);
    }

    @Test
    void one_changed_payload_byte_changes_the_hash() {
        byte[] payload = FUND_OPENED.payload().clone();
        payload[payload.length - 3]++;
        StoredEvent changed = new StoredEvent(42, FUND_OPENED.eventIdentifier(), "f-1", 0, "Fund", FUND_OPENED.timeStamp(),
                FUND_OPENED.payloadType(), "1", payload, FUND_OPENED.metaData());
        assertThat(changed.eventHash()).isNotEqualTo(FUND_OPENED_HASH);
    }

    private static String verifierHash(StoredEvent e) {
        return AuditVerifier.eventHash(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(), e.sequenceNumber(), e.type(),
                e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData());
    }
}
