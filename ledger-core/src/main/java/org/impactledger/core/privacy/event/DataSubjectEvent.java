package org.impactledger.core.privacy.event;

import org.impactledger.core.shared.DataSubjectId;

/** Every event of a data subject; sealed so that a switch over them is exhaustive. None holds plaintext personal data. */
public sealed interface DataSubjectEvent permits DataSubjectRegistered, PersonalDataRecorded, PersonalDataErased {
    DataSubjectId subjectId();
}
