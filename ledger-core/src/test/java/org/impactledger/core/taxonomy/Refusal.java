package org.impactledger.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;

/** Asserts a refusal by what clients rely on: its code, the field it names, and the rule it states. */
final class Refusal {

    private Refusal() {
    }

    static void assertInvalid(ThrowingCallable call, String field, String... messageParts) {
        assertRefused(call, ErrorCode.INVALID_VALUE, field, messageParts);
    }

    static void assertUnknown(ThrowingCallable call, String field, String... messageParts) {
        assertRefused(call, ErrorCode.UNKNOWN_CODE, field, messageParts);
    }

    static void assertRefused(ThrowingCallable call, ErrorCode code, String field, String... messageParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).as("error code").isEqualTo(code);
            assertThat(e.field()).as("field").isEqualTo(field);
            assertThat(e.getMessage()).as("message").contains(messageParts);
        });
    }
}
