package org.impactledger.core.shared;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Matches a {@link DomainException} by code, field and (exact) message: what the API client will see.
 * Shared by the aggregates' fixture tests.
 */
public final class Refusal extends TypeSafeMatcher<DomainException> {

    private final ErrorCode code;
    private final String field;
    private final String message;

    private Refusal(ErrorCode code, String field, String message) {
        super(DomainException.class);
        this.code = code;
        this.field = field;
        this.message = message;
    }

    public static Matcher<DomainException> refusal(ErrorCode code, String field, String message) {
        return new Refusal(code, field, message);
    }

    @Override
    protected boolean matchesSafely(DomainException e) {
        return e.code() == code && java.util.Objects.equals(e.field(), field) && e.getMessage().equals(message);
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("DomainException " + code + " on field " + field + ": \"" + message + "\"");
    }

    @Override
    protected void describeMismatchSafely(DomainException e, Description description) {
        description.appendText("was DomainException " + e.code() + " on field " + e.field() + ": \"" + e.getMessage() + "\"");
    }
}
