package org.impactledger.api.web;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A currency of money, by the domain's own rule ({@code Money.validCurrency}): an ISO 4217 code with a
 * minor unit — not XXX ("no currency"), XTS (testing), gold, silver, platinum, palladium or a unit of
 * account — on every currency field of a request body, {@link MoneyBody}'s included, so that the
 * refusal names the field where it is ({@code rateCard[0].unitPrice.currency}). Answered
 * {@code 400 UNKNOWN_CODE} (rule {@code CurrencyCode}), as the domain answers it. The form (three
 * upper-case letters) stays {@code @Pattern}'s: a value of another form is valid here.
 */
@Documented
@Constraint(validatedBy = CurrencyCodeValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface CurrencyCode {

    /** The rule's name in a problem document ({@code errors[].rule}). */
    String RULE = "CurrencyCode";

    String message() default "must be an ISO 4217 currency of money";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
