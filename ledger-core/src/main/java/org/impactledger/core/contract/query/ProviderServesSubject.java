package org.impactledger.core.contract.query;

import java.util.Objects;
import org.impactledger.core.shared.DataSubjectId;
import org.impactledger.core.shared.ProviderId;

/**
 * Whether the data subject appears as the beneficiary of an outcome on a contract signed with the
 * provider (in any status); answered with {@code Boolean.TRUE} or {@code Boolean.FALSE}.
 */
public record ProviderServesSubject(ProviderId providerId, DataSubjectId subjectId) {
    public ProviderServesSubject {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(subjectId, "subjectId");
    }
}
