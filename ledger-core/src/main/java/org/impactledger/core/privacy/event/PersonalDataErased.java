package org.impactledger.core.privacy.event;

import org.axonframework.serialization.Revision;
import org.impactledger.core.shared.DataSubjectId;

/** The subject's key was deleted: its personal data reads as erased from now on. Carries no personal data. */
@Revision("1")
public record PersonalDataErased(DataSubjectId subjectId, String basis, String erasedBy) implements DataSubjectEvent {
}
