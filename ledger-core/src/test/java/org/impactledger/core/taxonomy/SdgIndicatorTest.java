package org.impactledger.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.taxonomy.Refusal.assertInvalid;
import static org.impactledger.core.taxonomy.Refusal.assertUnknown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SdgIndicatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1", "3.b.3", "11.1.1", "17.19.2", "8.10.1", "16.10.2", "1.a.1"})
    void accepts_an_indicator_of_an_existing_target(String code) {
        assertThat(SdgIndicator.parse(code, "indicator").code()).isEqualTo(code);
    }

    @Test
    void knows_its_goal_target_and_number() {
        SdgIndicator indicator = SdgIndicator.parse("3.b.3", "indicator");

        assertThat(indicator.goal()).isEqualTo(3);
        assertThat(indicator.target()).isEqualTo(SdgTarget.parse("3.b", "target"));
        assertThat(indicator.number()).isEqualTo(3);
        assertThat(SdgIndicator.parse("11.1.1", "indicator").target().code()).isEqualTo("11.1");
    }

    @Test
    void accepts_surrounding_spaces_and_an_upper_case_target_letter() {
        assertThat(SdgIndicator.parse(" 3.B.3 ", "indicator")).isEqualTo(new SdgIndicator("3.b.3"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1.1", "x.1.1", "1.x1.1", "1.1.", "1.1.0", "1.1.01", "01.1.1", "1..1", "1.1.1.1", "1.1.a", "1-1-1"})
    void rejects_an_indicator_code_of_the_wrong_form(String code) {
        assertInvalid(() -> SdgIndicator.parse(code, "metrics[2].indicator"), "metrics[2].indicator",
                "SDG indicator must be <goal>.<target>.<number>", "e.g. 1.1.1 or 3.b.3", "was");
    }

    @Test
    void rejects_an_indicator_of_a_target_its_goal_does_not_have() {
        assertUnknown(() -> SdgIndicator.parse("1.9.1", "indicator"), "indicator",
                "SDG indicator 1.9.1 belongs to target 1.9, which is not one of the 169 SDG targets", "goal 1 has targets 1.1 to 1.5 and 1.a to 1.b", "was '1.9.1'");
        assertUnknown(() -> SdgIndicator.parse("3.e.1", "indicator"), "indicator", "belongs to target 3.e");
    }

    @Test
    void rejects_an_indicator_of_a_goal_that_does_not_exist() {
        assertUnknown(() -> SdgIndicator.parse("18.1.1", "indicator"), "indicator", "SDG indicator 18.1.1 belongs to goal 18, but the SDGs have goals 1 to 17 only");
    }

    @Test
    void constructing_an_indicator_checks_it_too() {
        assertInvalid(() -> new SdgIndicator("1.1"), "code", "SDG indicator must be");
        assertUnknown(() -> new SdgIndicator("1.9.1"), "code", "belongs to target 1.9");
    }
}
