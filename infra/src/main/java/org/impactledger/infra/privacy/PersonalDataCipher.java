package org.impactledger.infra.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for personal data: a fresh 96-bit nonce per record, a 128-bit tag, and the subject
 * and record ids as associated data, so a ciphertext moved to another subject or record does not
 * decrypt. Outputs Base64 for the event.
 */
public final class PersonalDataCipher {

    /** What an event stores: nonce and ciphertext (with its tag), both Base64. */
    public record Sealed(String nonce, String ciphertext) {
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();

    public Sealed encrypt(byte[] key, String plaintext, String subjectId, String recordId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, subjectId, recordId);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(Base64.getEncoder().encodeToString(nonce), Base64.getEncoder().encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plaintext; fails if the key, the ids or the ciphertext do not match (GCM authenticates all of them). */
    public String decrypt(byte[] key, Sealed sealed, String subjectId, String recordId) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Base64.getDecoder().decode(sealed.nonce()), subjectId, recordId);
            return new String(cipher.doFinal(Base64.getDecoder().decode(sealed.ciphertext())), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed for record " + recordId + " of subject " + subjectId, e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String subjectId, String recordId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((subjectId + "\n" + recordId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
