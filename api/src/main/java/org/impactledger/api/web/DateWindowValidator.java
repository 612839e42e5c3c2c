package org.impactledger.api.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;

/**
 * Checks {@link DateWindow}. Created by Spring's constraint validator factory, which hands it the
 * ledger's {@link DateWindows} (configuration and clock).
 */
public class DateWindowValidator implements ConstraintValidator<DateWindow, LocalDate> {

    private final DateWindows windows;
    private DateWindow.Reach reach;

    public DateWindowValidator(DateWindows windows) {
        this.windows = windows;
    }

    @Override
    public void initialize(DateWindow annotation) {
        this.reach = annotation.value();
    }

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
        if (value == null || windows.contains(value, reach)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // only digits, dashes, letters and spaces: nothing for the message interpolator to expand
        context.buildConstraintViolationWithTemplate(windows.violation(value, reach)).addConstraintViolation();
        return false;
    }
}
