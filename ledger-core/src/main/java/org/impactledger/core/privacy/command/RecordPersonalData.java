package org.impactledger.core.privacy.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.DataSubjectId;

/**
 * Attaches personal data to a data subject, already encrypted (AES-GCM) under that subject's own
 * key outside the domain: the command and its event carry only the key's id, the nonce and the
 * ciphertext (Base64), never the plaintext, so deleting the key erases the data without touching the log.
 */
public record RecordPersonalData(@TargetAggregateIdentifier DataSubjectId subjectId, String recordId, String kind, String keyId,
                                 String nonce, String ciphertext, String recordedBy) {

    /**
     * Leaves out the nonce and ciphertext: a log line never carries them, and a retry with the same
     * Idempotency-Key (which encrypts again under a fresh nonce) is recognised as the same request.
     */
    @Override
    public String toString() {
        return "RecordPersonalData[subjectId=" + subjectId + ", recordId=" + recordId + ", kind=" + kind + ", keyId=" + keyId
                + ", recordedBy=" + recordedBy + "]";
    }
}
