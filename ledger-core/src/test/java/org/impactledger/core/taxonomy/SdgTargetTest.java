package org.impactledger.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactledger.core.taxonomy.Refusal.assertInvalid;
import static org.impactledger.core.taxonomy.Refusal.assertUnknown;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SdgTargetTest {

    @Test
    void holds_all_169_targets_of_the_2030_agenda() {
        assertThat(SdgTarget.all()).hasSize(169);
        assertThat(new HashSet<>(SdgTarget.all())).hasSize(169);
    }

    @Test
    void holds_the_official_number_of_targets_for_each_goal() {
        Map<Integer, Long> perGoal = SdgTarget.all().stream()
                .collect(Collectors.groupingBy(SdgTarget::goal, TreeMap::new, Collectors.counting()));

        assertThat(perGoal).containsExactly(
                Map.entry(1, 7L), Map.entry(2, 8L), Map.entry(3, 13L), Map.entry(4, 10L), Map.entry(5, 9L),
                Map.entry(6, 8L), Map.entry(7, 5L), Map.entry(8, 12L), Map.entry(9, 8L), Map.entry(10, 10L),
                Map.entry(11, 10L), Map.entry(12, 11L), Map.entry(13, 5L), Map.entry(14, 10L), Map.entry(15, 12L),
                Map.entry(16, 12L), Map.entry(17, 19L));
        for (int goal = 1; goal <= 17; goal++) {
            assertThat(SdgTarget.ofGoal(goal)).hasSize(perGoal.get(goal).intValue());
        }
    }

    @Test
    void lists_numbered_targets_then_lettered_ones_goal_by_goal() {
        assertThat(SdgTarget.ofGoal(1)).extracting(SdgTarget::code)
                .containsExactly("1.1", "1.2", "1.3", "1.4", "1.5", "1.a", "1.b");
        assertThat(SdgTarget.ofGoal(3)).extracting(SdgTarget::code)
                .containsExactly("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.a", "3.b", "3.c", "3.d");
        assertThat(SdgTarget.ofGoal(17)).extracting(SdgTarget::code).startsWith("17.1", "17.2").endsWith("17.18", "17.19")
                .noneMatch(code -> code.matches("17\\.[a-z]"));
        assertThat(SdgTarget.all().get(0).code()).isEqualTo("1.1");
        assertThat(SdgTarget.all().get(168).code()).isEqualTo("17.19");
        for (int i = 1; i < SdgTarget.all().size(); i++) {
            assertThat(SdgTarget.all().get(i).goal()).isGreaterThanOrEqualTo(SdgTarget.all().get(i - 1).goal());
        }
    }

    @Test
    void every_target_has_a_short_label_and_its_code_parses_back_to_it() {
        assertThat(SdgTarget.all()).allSatisfy(target -> {
            assertThat(target.label()).isNotBlank().hasSizeLessThanOrEqualTo(80);
            assertThat(SdgTarget.parse(target.code(), "target")).isEqualTo(target);
            assertThat(target.code()).startsWith(target.goal() + ".");
        });
        assertThat(SdgTarget.all()).extracting(SdgTarget::label).doesNotHaveDuplicates();
    }

    @Test
    void parses_numbered_and_lettered_targets() {
        SdgTarget housing = SdgTarget.parse("11.1", "target");
        assertThat(housing.code()).isEqualTo("11.1");
        assertThat(housing.goal()).isEqualTo(11);
        assertThat(housing.label()).containsIgnoringCase("housing");
        assertThat(housing.isMeansOfImplementation()).isFalse();
        assertThat(housing.sdgGoal()).isEqualTo(SdgGoal.of(11, "goal"));

        assertThat(SdgTarget.parse("1.2", "target").goal()).isEqualTo(1);
        assertThat(SdgTarget.parse("17.19", "target").goal()).isEqualTo(17);
        assertThat(SdgTarget.parse("8.10", "target").code()).isEqualTo("8.10");
        SdgTarget vaccines = SdgTarget.parse("3.a", "target");
        assertThat(vaccines.goal()).isEqualTo(3);
        assertThat(vaccines.isMeansOfImplementation()).isTrue();
    }

    @Test
    void accepts_a_code_with_surrounding_spaces_or_an_upper_case_letter() {
        assertThat(SdgTarget.parse(" 1.2 ", "target").code()).isEqualTo("1.2");
        assertThat(SdgTarget.parse("3.A", "target").code()).isEqualTo("3.a");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1", "1.", ".1", "x.1", "1.1.1", "01.1", "1.01", "1.0", "0.1", "1.aa", "1,2", "1 .2", "1.-1", "123.1"})
    void rejects_a_target_code_of_the_wrong_form(String code) {
        assertInvalid(() -> SdgTarget.parse(code, "rateCard[0].sdgTargets[1]"), "rateCard[0].sdgTargets[1]",
                "SDG target must be <goal>.<target>", "e.g. 1.2 or 3.a", "was");
    }

    @Test
    void says_what_it_received_when_the_form_is_wrong() {
        assertInvalid(() -> SdgTarget.parse("x.1", "target"), "target", "was 'x.1'");
        assertInvalid(() -> SdgTarget.parse(null, "target"), "target", "was missing");
    }

    @Test
    void rejects_a_target_that_its_goal_does_not_have() {
        assertUnknown(() -> SdgTarget.parse("1.9", "sdgTarget"), "sdgTarget",
                "SDG target 1.9 is not one of the 169 SDG targets", "goal 1 has targets 1.1 to 1.5 and 1.a to 1.b", "was '1.9'");
        assertUnknown(() -> SdgTarget.parse("1.c", "sdgTarget"), "sdgTarget", "not one of the 169");
        assertUnknown(() -> SdgTarget.parse("17.20", "sdgTarget"), "sdgTarget", "goal 17 has targets 17.1 to 17.19", "was '17.20'");
        assertUnknown(() -> SdgTarget.parse("17.a", "sdgTarget"), "sdgTarget", "goal 17 has targets 17.1 to 17.19");
    }

    @Test
    void rejects_a_target_of_a_goal_that_does_not_exist() {
        assertUnknown(() -> SdgTarget.parse("18.1", "sdgTarget"), "sdgTarget", "SDG target 18.1 names goal 18, but the SDGs have goals 1 to 17 only");
    }

    @Test
    void rejects_listing_the_targets_of_a_goal_that_does_not_exist() {
        assertUnknown(() -> SdgTarget.ofGoal(0), "goal", "from 1 to 17");
        assertUnknown(() -> SdgTarget.ofGoal(18), "goal", "from 1 to 17");
    }

    @Test
    void constructing_a_target_checks_the_code_and_that_the_goal_agrees() {
        assertThat(new SdgTarget("1.2", 1, "anything")).isEqualTo(SdgTarget.parse("1.2", "target"));
        assertUnknown(() -> new SdgTarget("1.9", 1, "x"), "code", "not one of the 169");
        assertInvalid(() -> new SdgTarget("1.2", 2, "x"), "goal", "SDG target 1.2 belongs to goal 1", "was '2'");
    }

    @Test
    void the_returned_lists_cannot_be_changed() {
        List<SdgTarget> all = SdgTarget.all();
        assertThatThrownBy(() -> all.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> SdgTarget.ofGoal(1).clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
