package org.impactledger.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Money is in a currency of money: an ISO 4217 code with a minor unit. */
class MoneyTest {

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "USD", "CHF", "GBP", "JPY"})
    void currencies_of_money_are_accepted(String currency) {
        assertThat(Money.of("10.00", currency).currency()).isEqualTo(currency);
        assertThat(Money.validCurrency(currency, "currency")).isEqualTo(currency);
    }

    /** Every ISO 4217 code whose minor unit is "N.A.": no currency, testing, precious metals, units of account. */
    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA", "XFO", "XFU"})
    void iso_4217_codes_that_are_not_money_are_refused_naming_the_field(String code) {
        DomainException amount = catchThrowableOfType(DomainException.class, () -> Money.of(new BigDecimal("10.00"), code));
        assertThat(amount.code()).isEqualTo(ErrorCode.UNKNOWN_CODE);
        assertThat(amount.field()).isEqualTo("currency");
        assertThat(amount.getMessage()).startsWith("currency " + code + " (").contains("is an ISO 4217 code but not money");

        DomainException field = catchThrowableOfType(DomainException.class, () -> Money.validCurrency(code, "bondTerms.faceValue.currency"));
        assertThat(field.field()).isEqualTo("bondTerms.faceValue.currency");
    }

    @ParameterizedTest
    @ValueSource(strings = {"QQQ", "EUX"})
    void codes_unknown_to_iso_4217_are_refused_as_before(String code) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> Money.validCurrency(code, "currency"));
        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CODE);
        assertThat(e.getMessage()).isEqualTo("currency " + code + " is not an ISO 4217 code");
    }
}
