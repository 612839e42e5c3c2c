package org.impactledger.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.taxonomy.Refusal.assertInvalid;
import static org.impactledger.core.taxonomy.Refusal.assertUnknown;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NrrpMissionAndComponentTest {

    @Test
    void knows_the_seven_missions_with_short_labels() {
        assertThat(NrrpMission.values()).extracting(NrrpMission::code).containsExactly("M1", "M2", "M3", "M4", "M5", "M6", "M7");
        assertThat(NrrpMission.M5.label()).isEqualTo("Inclusion and cohesion");
        assertThat(NrrpMission.M6.label()).isEqualTo("Health");
        assertThat(NrrpMission.M7.label()).isEqualTo("REPowerEU");
        assertThat(NrrpMission.M5.number()).isEqualTo(5);
        assertThat(NrrpMission.values()).allSatisfy(m -> assertThat(m.label()).isNotBlank().hasSizeLessThanOrEqualTo(80));
    }

    @Test
    void finds_a_mission_by_its_code() {
        assertThat(NrrpMission.of("M5", "mission")).isEqualTo(NrrpMission.M5);
        assertThat(NrrpMission.of(" m2 ", "mission")).isEqualTo(NrrpMission.M2);
    }

    @Test
    void rejects_a_mission_that_is_not_in_the_plan() {
        assertUnknown(() -> NrrpMission.of("M8", "nrrp.mission"), "nrrp.mission",
                "NRRP mission M8 does not exist: the missions are M1 to M7", "was 'M8'");
        assertUnknown(() -> NrrpMission.of("M0", "nrrp.mission"), "nrrp.mission", "M0 does not exist");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"5", "M", "Mission 5", "M5C2", "M-5"})
    void rejects_a_mission_code_of_the_wrong_form(String code) {
        assertInvalid(() -> NrrpMission.of(code, "nrrp.mission"), "nrrp.mission", "NRRP mission must be M followed by its number");
    }

    @Test
    void knows_the_components_of_each_mission() {
        assertThat(NrrpComponent.values()).extracting(NrrpComponent::code).containsExactly(
                "M1C1", "M1C2", "M1C3", "M2C1", "M2C2", "M2C3", "M2C4", "M3C1", "M3C2",
                "M4C1", "M4C2", "M5C1", "M5C2", "M5C3", "M6C1", "M6C2", "M7");
        assertThat(NrrpMission.M5.components()).containsExactly(NrrpComponent.M5C1, NrrpComponent.M5C2, NrrpComponent.M5C3);
        assertThat(NrrpComponent.M5C2.mission()).isEqualTo(NrrpMission.M5);
        assertThat(NrrpComponent.values()).allSatisfy(c -> {
            assertThat(c.label()).isNotBlank().hasSizeLessThanOrEqualTo(80);
            assertThat(c.code()).startsWith(c.mission().code());
        });
    }

    @Test
    void represents_the_component_less_repowereu_mission_by_a_whole_mission_entry() {
        assertThat(NrrpMission.M7.components()).containsExactly(NrrpComponent.M7);
        assertThat(NrrpMission.M7.hasComponents()).isFalse();
        assertThat(NrrpComponent.M7.isNumbered()).isFalse();
        assertThat(Arrays.stream(NrrpMission.values()).filter(NrrpMission::hasComponents)).hasSize(6);
        assertThat(NrrpComponent.M5C2.isNumbered()).isTrue();
    }

    @Test
    void finds_a_component_by_its_code() {
        assertThat(NrrpComponent.of("M5C2", "component")).isEqualTo(NrrpComponent.M5C2);
        assertThat(NrrpComponent.of(" m1c3", "component")).isEqualTo(NrrpComponent.M1C3);
        assertThat(NrrpComponent.of("M7", "component")).isEqualTo(NrrpComponent.M7);
    }

    @Test
    void rejects_a_component_its_mission_does_not_have() {
        assertUnknown(() -> NrrpComponent.of("M5C4", "nrrp.component"), "nrrp.component",
                "NRRP component M5C4 does not exist: mission M5 has M5C1, M5C2, M5C3", "was 'M5C4'");
        assertUnknown(() -> NrrpComponent.of("M3C3", "nrrp.component"), "nrrp.component", "mission M3 has M3C1, M3C2");
    }

    @Test
    void rejects_a_component_for_the_repowereu_mission() {
        assertUnknown(() -> NrrpComponent.of("M7C1", "nrrp.component"), "nrrp.component",
                "NRRP mission M7 (REPowerEU) has no components", "e.g. M7I1 or M7R1");
    }

    @Test
    void rejects_a_mission_without_component_where_the_mission_has_components() {
        assertUnknown(() -> NrrpComponent.of("M5", "nrrp.component"), "nrrp.component",
                "NRRP mission M5 is divided into components", "M5C1, M5C2, M5C3");
    }

    @Test
    void rejects_a_component_of_a_mission_that_is_not_in_the_plan() {
        assertUnknown(() -> NrrpComponent.of("M9C1", "nrrp.component"), "nrrp.component", "NRRP mission M9 does not exist", "was 'M9C1'");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"C2", "M5-C2", "M5C", "5C2", "M5C2I1"})
    void rejects_a_component_code_of_the_wrong_form(String code) {
        assertInvalid(() -> NrrpComponent.of(code, "nrrp.component"), "nrrp.component", "NRRP component must be M<mission>C<component>");
    }
}
