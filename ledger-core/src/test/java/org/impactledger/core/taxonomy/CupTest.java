package org.impactledger.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.taxonomy.Refusal.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CupTest {

    private static final String RULE = "CUP must be 15 characters: a letter, two digits, a letter, eleven digits";

    @Test
    void accepts_a_cup_of_a_letter_two_digits_a_letter_and_eleven_digits() {
        assertThat(Cup.parse("C11H21000120001", "cup").value()).isEqualTo("C11H21000120001");
        assertThat(Cup.parse("J14D22000300005", "cup")).isEqualTo(new Cup("J14D22000300005"));
    }

    @Test
    void trims_and_upper_cases_the_input() {
        assertThat(Cup.parse("  c11h21000120001\t", "cup").value()).isEqualTo("C11H21000120001");
    }

    @Test
    void rejects_a_cup_with_a_digit_where_a_letter_belongs() {
        assertInvalid(() -> Cup.parse("111H21000120001", "projectCup"), "projectCup", RULE, "was '111H21000120001'");
        assertInvalid(() -> Cup.parse("C11121000120001", "projectCup"), "projectCup", RULE, "was 'C11121000120001'");
    }

    @Test
    void rejects_a_cup_with_a_letter_where_a_digit_belongs() {
        assertInvalid(() -> Cup.parse("CA1H21000120001", "projectCup"), "projectCup", RULE);
        assertInvalid(() -> Cup.parse("C11H2100012000X", "projectCup"), "projectCup", RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X12", "C11H2100012000", "C11H210001200012", "C11H 21000120001", "C11-H21000120001"})
    void rejects_a_cup_that_is_not_exactly_15_characters_of_the_right_kinds(String value) {
        assertInvalid(() -> Cup.parse(value, "cup"), "cup", RULE, "was '" + value + "'");
    }

    @Test
    void rejects_a_cup_with_accented_letters() {
        assertInvalid(() -> Cup.parse("É11H21000120001", "cup"), "cup", RULE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejects_a_missing_cup(String value) {
        assertInvalid(() -> Cup.parse(value, "nrrp.cup"), "nrrp.cup", RULE);
    }

    @Test
    void shortens_a_very_long_input_in_the_message() {
        String value = "C".repeat(500);
        assertInvalid(() -> Cup.parse(value, "cup"), "cup", RULE, "(500 characters)");
    }

    @Test
    void constructing_a_cup_checks_it_too() {
        assertInvalid(() -> new Cup("X12"), "cup", RULE, "was 'X12'");
        assertInvalid(() -> new Cup(null), "cup", RULE, "was missing");
    }
}
