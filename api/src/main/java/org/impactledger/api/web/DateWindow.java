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
 * The date lies within the ledger's date window ({@link DateWindows}): not before
 * {@code ledger.dates.earliest} (1900-01-01) and not after today (the ledger's clock, UTC) plus the
 * horizon of its {@link Reach}. Every date of every request body carries it (a test checks that);
 * a violation is answered {@code 400 DATE_OUT_OF_RANGE} naming the field, rule {@code DateWindow}.
 * {@code null} is valid: whether a date is required is {@code @NotNull}'s business.
 */
@Documented
@Constraint(validatedBy = DateWindowValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface DateWindow {

    /** The rule's name in a problem document ({@code errors[].rule}): the constraint's name. */
    String RULE = "DateWindow";

    /** How far ahead the date may lie. */
    Reach value() default Reach.FACT;

    String message() default "must lie within the ledger's date window";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** How far ahead of today a date may lie, by what the date says. */
    enum Reach {
        /**
         * The date something happens or is recorded on: a value date, a valuation's date, an outcome's
         * date, the day an order is placed or an issuer admitted. At most {@code ledger.dates.fact-horizon}
         * (one year) ahead: a payment can be dated forward, not a decade forward.
         */
        FACT,
        /**
         * A date the parties agree for the future: a contract's or a lease's term, a bond's maturity, an
         * offering's subscription window, a capital call's due date, an NRRP target's due date, the day
         * new prices apply from. At most {@code ledger.dates.term-horizon} (100 years: a century bond) ahead.
         */
        TERM
    }
}
