package org.impactledger.core.contract;

import java.util.List;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.taxonomy.SdgTarget;

/**
 * The single place where the contract checks SDG target codes: each must be one of the 169 targets
 * of the 2030 Agenda ({@link SdgTarget}), so a rate card cannot claim impact on a target that does
 * not exist.
 */
public final class SdgCheck {

    private SdgCheck() {
    }

    /** Refuses the first code that is not a known SDG target, naming {@code field} (e.g. {@code rateCard[0].sdgTargets}). */
    public static void requireKnownTargets(List<String> codes, String field) {
        for (String code : codes) {
            if (code == null || code.isBlank()) {
                throw DomainException.invalid(field, field + " must not contain an empty SDG target");
            }
            try {
                SdgTarget.parse(code, field);
            } catch (DomainException e) {
                throw new DomainException(ErrorCode.UNKNOWN_CODE, field,
                        field + ": '" + code + "' is not one of the 169 SDG targets of the 2030 Agenda (such as 1.2, 11.1 or 17.19)");
            }
        }
    }
}
