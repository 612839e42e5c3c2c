package org.impactledger.api.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.impactledger.core.shared.Money;

/** An amount as clients send it: {@code {"amount": "1500.00", "currency": "EUR"}}, in a currency of money ({@link CurrencyCode}). */
public record MoneyBody(
        @NotNull @Digits(integer = 15, fraction = 2, message = "must have at most 15 digits and 2 decimals") BigDecimal amount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of three upper-case letters") @CurrencyCode String currency) {

    public Money toMoney() {
        return Money.of(amount, currency);
    }

    public static MoneyBody of(Money money) {
        return money == null ? null : new MoneyBody(money.amount(), money.currency());
    }
}
