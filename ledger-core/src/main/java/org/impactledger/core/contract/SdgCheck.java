package org.impactledger.core.contract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * Refuses the first code that is not a known SDG target, naming {@code field} (e.g.
     * {@code rateCard[0].sdgTargets}), and a target named twice, naming its place
     * ({@code rateCard[0].sdgTargets[1]}), as an issuer's {@code sdgFocus} does: a rate card line that
     * claims "11.1" five thousand times serves one target, and says so once. So a line names at most
     * the 169 targets.
     */
    public static void requireKnownTargets(List<String> codes, String field) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || code.isBlank()) {
                throw DomainException.invalid(field, field + " must not contain an empty SDG target");
            }
            SdgTarget target;
            try {
                target = SdgTarget.parse(code, field);
            } catch (DomainException e) {
                throw new DomainException(ErrorCode.UNKNOWN_CODE, field,
                        field + ": '" + code + "' is not one of the 169 SDG targets of the 2030 Agenda (such as 1.2, 11.1 or 17.19)");
            }
            if (!seen.add(target.code())) {
                throw DomainException.invalid(field + "[" + i + "]", "SDG target " + target.code() + " appears more than once in " + field);
            }
        }
    }
}
