package org.impactledger.api.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.Money;

/** Checks {@link CurrencyCode} with the domain's rule, and words the refusal with the domain's reason. */
public class CurrencyCodeValidator implements ConstraintValidator<CurrencyCode, String> {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || !CODE.matcher(value).matches()) {
            return true; // the form is @NotBlank's and @Pattern's to refuse
        }
        try {
            Money.validCurrency(value, "currency");
            return true;
        } catch (DomainException e) {
            context.disableDefaultConstraintViolation();
            // the reason holds the code and the JDK's name of the currency: escaped for the message interpolator
            context.buildConstraintViolationWithTemplate("is refused: " + e.getMessage().replaceAll("([\\\\{}$])", "\\\\$1"))
                    .addConstraintViolation();
            return false;
        }
    }
}
