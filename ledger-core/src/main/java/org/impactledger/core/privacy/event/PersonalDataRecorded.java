package org.impactledger.core.privacy.event;

import org.axonframework.serialization.Revision;
import org.impactledger.core.shared.DataSubjectId;

/** Encrypted personal data of a subject: readable only while the subject's key {@code keyId} exists. */
@Revision("1")
public record PersonalDataRecorded(DataSubjectId subjectId, String recordId, String kind, String keyId, String nonce, String ciphertext,
                                   String recordedBy) implements DataSubjectEvent {
}
