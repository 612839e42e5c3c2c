package org.impactledger.api.nrrp;

import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;

/** Refusals of an imported file: the field is {@code file}, the message names the line (and the element of an XML file). */
final class ImportRefusal {

    static final String FIELD = "file";

    private ImportRefusal() {
    }

    static DomainException atLine(int line, String message) {
        return DomainException.invalid(FIELD, "line " + line + ": " + message);
    }

    static DomainException atElement(int line, String element, String message) {
        return DomainException.invalid(FIELD, "line " + line + ", element <" + element + ">: " + message);
    }

    /** The same refusal with the code of a date outside the ledger's date window. */
    static DomainException outOfWindow(DomainException refusal) {
        return new DomainException(ErrorCode.DATE_OUT_OF_RANGE, refusal.field(), refusal.getMessage());
    }

    /** A domain refusal of one value of the file (a malformed CUP ...), re-worded to name where it is. */
    static DomainException at(int line, String what, DomainException cause) {
        return DomainException.invalid(FIELD, "line " + line + ", " + what + ": " + cause.getMessage());
    }
}
