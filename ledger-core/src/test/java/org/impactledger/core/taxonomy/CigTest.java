package org.impactledger.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.taxonomy.Refusal.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CigTest {

    private static final String RULE = "CIG must be 10 characters, each an upper-case letter A-Z or a digit 0-9";

    @ParameterizedTest
    @ValueSource(strings = {"8912345A7B", "Z1A2B3C4D5", "0123456789", "ABCDEFGHIJ"})
    void accepts_ten_letters_or_digits(String value) {
        assertThat(Cig.parse(value, "cig").value()).isEqualTo(value);
    }

    @Test
    void trims_and_upper_cases_the_input() {
        assertThat(Cig.parse(" 8912345a7b ", "cig")).isEqualTo(new Cig("8912345A7B"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8912345A7", "8912345A7B1", "8912345-7B", "8912345 7B", "89123457B_", "8912345À7B"})
    void rejects_a_cig_that_is_not_ten_letters_or_digits(String value) {
        assertInvalid(() -> Cig.parse(value, "payment.cig"), "payment.cig", RULE, "was '" + value + "'");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejects_a_missing_cig(String value) {
        assertInvalid(() -> Cig.parse(value, "payment.cig"), "payment.cig", RULE);
    }

    @Test
    void constructing_a_cig_checks_it_too() {
        assertInvalid(() -> new Cig("SHORT"), "cig", RULE, "was 'SHORT'");
    }
}
