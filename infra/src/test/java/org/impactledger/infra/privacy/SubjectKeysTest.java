package org.impactledger.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.impactledger.infra.privacy.PersonalDataCipher.Sealed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The key store on the embedded database (H2 in PostgreSQL mode, the same migration PostgreSQL runs) and the cipher over it. */
class SubjectKeysTest {

    private static SubjectKeys keys;
    private static JdbcClient jdbc;
    private final PersonalDataCipher cipher = new PersonalDataCipher();

    @BeforeAll
    static void database() {
        String url = "jdbc:h2:mem:subject-keys;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
        keys = new SubjectKeys(jdbc, Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void makes_one_aes_256_key_per_subject_on_first_use_and_keeps_it() {
        SubjectKeys.SubjectKey first = keys.keyFor("ben-1");
        assertThat(first.key()).hasSize(32);
        assertThat(keys.keyFor("ben-1").key()).isEqualTo(first.key());
        assertThat(keys.keyFor("ben-1").keyId()).isEqualTo(first.keyId());
        assertThat(keys.keyFor("ben-2").key()).isNotEqualTo(first.key());
    }

    @Test
    void encrypts_with_a_fresh_nonce_and_decrypts_only_under_the_same_key_subject_and_record() {
        byte[] key = keys.keyFor("ben-3").key();
        Sealed a = cipher.encrypt(key, "{\"email\":\"maria@example.org\"}", "ben-3", "rec-1");
        Sealed b = cipher.encrypt(key, "{\"email\":\"maria@example.org\"}", "ben-3", "rec-1");
        assertThat(a.nonce()).isNotEqualTo(b.nonce());
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext()).doesNotContain("maria");
        assertThat(cipher.decrypt(key, a, "ben-3", "rec-1")).isEqualTo("{\"email\":\"maria@example.org\"}");
        assertThatThrownBy(() -> cipher.decrypt(key, a, "ben-4", "rec-1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(keys.keyFor("ben-4").key(), a, "ben-3", "rec-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void erasure_deletes_the_key_leaves_a_tombstone_and_makes_no_new_key() {
        keys.keyFor("ben-5");
        assertThat(keys.erase("ben-5")).isTrue();
        assertThat(keys.erase("ben-5")).as("idempotent").isFalse();
        assertThat(keys.find("ben-5")).isEmpty();
        assertThat(keys.isErased("ben-5")).isTrue();
        assertThat(jdbc.sql("select count(*) from subject_key where subject_id = 'ben-5' and key_bytes is null and erased_at is not null")
                .query(Long.class).single()).isEqualTo(1L);
        assertThatThrownBy(() -> keys.keyFor("ben-5")).isInstanceOf(SubjectKeys.SubjectErasedException.class);
    }

    @Test
    void erasing_a_subject_that_never_had_a_key_still_forbids_one_later() {
        assertThat(keys.erase("ben-6")).isFalse();
        assertThat(keys.isErased("ben-6")).isTrue();
        assertThatThrownBy(() -> keys.keyFor("ben-6")).isInstanceOf(SubjectKeys.SubjectErasedException.class);
        assertThat(keys.isErased("ben-7")).isFalse();
    }
}
