package org.impactledger.core.privacy.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.DataSubjectId;
import org.impactledger.core.shared.ProviderId;

/**
 * Attaches personal data to a data subject, already encrypted (AES-GCM) under that subject's own
 * key outside the domain: the command and its event carry only the key's id, the nonce and the
 * ciphertext (Base64), never the plaintext, so deleting the key erases the data without touching the log.
 *
 * <p>{@code actingProvider}: the provider the acting principal belongs to, or {@code null} when a role
 * that is not a provider acts (an administrator, a verifier); a provider attaches data only to a
 * subject it registered (it was the first to attach data) or that {@code actingProviderServesSubject}:
 * the subject has outcomes on the provider's own contracts (the caller looks that up in the contract
 * read model).
 */
public record RecordPersonalData(@TargetAggregateIdentifier DataSubjectId subjectId, String recordId, String kind, String keyId,
                                 String nonce, String ciphertext, String recordedBy, ProviderId actingProvider,
                                 boolean actingProviderServesSubject) {

    /** A command sent without an acting provider (by an administrator or a verifier, or by a test of the subject's other rules). */
    public RecordPersonalData(DataSubjectId subjectId, String recordId, String kind, String keyId, String nonce, String ciphertext,
                              String recordedBy) {
        this(subjectId, recordId, kind, keyId, nonce, ciphertext, recordedBy, null, false);
    }

    /**
     * Leaves out the nonce and ciphertext: a log line never carries them, and a retry with the same
     * Idempotency-Key (which encrypts again under a fresh nonce) is recognised as the same request.
     */
    @Override
    public String toString() {
        return "RecordPersonalData[subjectId=" + subjectId + ", recordId=" + recordId + ", kind=" + kind + ", keyId=" + keyId
                + ", recordedBy=" + recordedBy + ", actingProvider=" + actingProvider + "]";
    }
}
