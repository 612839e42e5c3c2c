package org.impactledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint signatures: the configured key is used as configured, and a signature covers exactly its text. */
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
}
