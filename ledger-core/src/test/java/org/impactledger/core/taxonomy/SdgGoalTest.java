package org.impactledger.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.taxonomy.Refusal.assertUnknown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdgGoalTest {

    @Test
    void lists_the_seventeen_goals_in_order_with_short_labels() {
        assertThat(SdgGoal.all()).hasSize(17);
        assertThat(SdgGoal.all()).extracting(SdgGoal::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
        assertThat(SdgGoal.all()).allSatisfy(goal -> assertThat(goal.label()).isNotBlank().hasSizeLessThanOrEqualTo(50));
        assertThat(SdgGoal.all().get(0).label()).isEqualTo("No poverty");
        assertThat(SdgGoal.all().get(16).label()).isEqualTo("Partnerships for the goals");
    }

    @Test
    void finds_a_goal_by_its_number() {
        assertThat(SdgGoal.of(11, "goal")).isEqualTo(new SdgGoal(11, "Sustainable cities and communities"));
        assertThat(SdgGoal.of(1, "goal").label()).isEqualTo("No poverty");
        assertThat(SdgGoal.of(17, "goal").number()).isEqualTo(17);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 18, -1, 100})
    void rejects_a_goal_number_outside_one_to_seventeen(int number) {
        assertUnknown(() -> SdgGoal.of(number, "rateCard[0].goal"), "rateCard[0].goal",
                "SDG goal must be a number from 1 to 17", "was '" + number + "'");
    }

    @Test
    void constructing_a_goal_checks_the_number_too() {
        assertUnknown(() -> new SdgGoal(18, "Space"), "goal", "from 1 to 17");
    }

    @Test
    void takes_the_label_from_the_catalogue_so_equal_numbers_are_equal_goals() {
        SdgGoal stored = new SdgGoal(1, "an older wording");

        assertThat(stored.label()).isEqualTo("No poverty");
        assertThat(stored).isEqualTo(SdgGoal.of(1, "goal"));
    }

    @Test
    void knows_its_targets() {
        assertThat(SdgGoal.of(7, "goal").targets()).extracting(SdgTarget::code).containsExactly("7.1", "7.2", "7.3", "7.a", "7.b");
    }
}
