package org.impactledger.core.privacy.event;

import org.axonframework.serialization.Revision;
import org.impactledger.core.shared.DataSubjectId;
import org.impactledger.core.shared.ProviderId;

/**
 * A provider was the first to attach personal data to the subject: from now on that provider may
 * attach and read the subject's personal data (besides any provider whose contracts have outcomes
 * of the subject). {@code registeredBy} is the acting principal. Carries no personal data.
 */
@Revision("1")
public record DataSubjectRegistered(DataSubjectId subjectId, ProviderId providerId, String registeredBy) implements DataSubjectEvent {
}
