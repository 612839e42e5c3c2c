package org.impactledger.core.privacy.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.DataSubjectId;

/**
 * Records that a data subject's personal data was erased (its key deleted). {@code basis} is a
 * short code for the legal ground (e.g. {@code GDPR-ART-17}), never free text that could itself
 * hold personal data.
 */
public record ErasePersonalData(@TargetAggregateIdentifier DataSubjectId subjectId, String basis, String erasedBy) {
}
