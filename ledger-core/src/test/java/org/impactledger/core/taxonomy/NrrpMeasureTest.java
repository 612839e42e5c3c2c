package org.impactledger.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.core.taxonomy.Refusal.assertInvalid;
import static org.impactledger.core.taxonomy.Refusal.assertUnknown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NrrpMeasureTest {

    private static final String RULE = "NRRP measure must be written like M5C2I1.3 (measure), M5C2I1.03 (unique code)"
            + " or M5C2I1.03.00 (sub-measure)";

    @Test
    void parses_a_measure_code_with_a_sub_number() {
        NrrpMeasure measure = NrrpMeasure.parse("M5C2I1.3", "measure");

        assertThat(measure).isEqualTo(new NrrpMeasure("M5", "M5C2", 'I', 1, 3, null));
        assertThat(measure.mission()).isEqualTo("M5");
        assertThat(measure.component()).isEqualTo("M5C2");
        assertThat(measure.kind()).isEqualTo('I');
        assertThat(measure.isInvestment()).isTrue();
        assertThat(measure.number()).isEqualTo(1);
        assertThat(measure.subNumber()).isEqualTo(3);
        assertThat(measure.subMeasure()).isNull();
        assertThat(measure.measureCode()).isEqualTo("M5C2I1.3");
        assertThat(measure.uniqueCode()).isEqualTo("M5C2I1.03");
        assertThat(measure.subMeasureCode()).isNull();
        assertThat(measure.nrrpMission()).isEqualTo(NrrpMission.M5);
        assertThat(measure.nrrpComponent()).isEqualTo(NrrpComponent.M5C2);
    }

    @Test
    void parses_a_unique_code_with_a_two_digit_sub_number() {
        NrrpMeasure measure = NrrpMeasure.parse("M5C2I1.03", "measure");

        assertThat(measure.subNumber()).isEqualTo(3);
        assertThat(measure.subMeasure()).isNull();
        assertThat(measure.measureCode()).isEqualTo("M5C2I1.3");
        assertThat(measure.uniqueCode()).isEqualTo("M5C2I1.03");
    }

    @Test
    void parses_a_sub_measure_code() {
        NrrpMeasure measure = NrrpMeasure.parse("M5C2I1.03.00", "measure");

        assertThat(measure.subMeasure()).isEqualTo(0);
        assertThat(measure.measureCode()).isEqualTo("M5C2I1.3");
        assertThat(measure.uniqueCode()).isEqualTo("M5C2I1.03");
        assertThat(measure.subMeasureCode()).isEqualTo("M5C2I1.03.00");
        assertThat(NrrpMeasure.parse("M5C2I1.03.02", "measure").subMeasureCode()).isEqualTo("M5C2I1.03.02");
    }

    @Test
    void the_three_forms_of_one_measure_give_the_same_measure_and_unique_codes() {
        NrrpMeasure measure = NrrpMeasure.parse("M5C2I1.3", "measure");
        NrrpMeasure unique = NrrpMeasure.parse("M5C2I1.03", "measure");
        NrrpMeasure subMeasure = NrrpMeasure.parse("M5C2I1.03.00", "measure");

        assertThat(unique).isEqualTo(measure);
        assertThat(subMeasure.measureCode()).isEqualTo(measure.measureCode()).isEqualTo(unique.measureCode());
        assertThat(subMeasure.uniqueCode()).isEqualTo(measure.uniqueCode()).isEqualTo(unique.uniqueCode());
        assertThat(subMeasure.withoutSubMeasure()).isEqualTo(measure);
        assertThat(measure.withoutSubMeasure()).isSameAs(measure);
    }

    @Test
    void parses_a_measure_without_a_sub_number() {
        NrrpMeasure measure = NrrpMeasure.parse("M5C2I2", "measure");

        assertThat(measure.subNumber()).isZero();
        assertThat(measure.measureCode()).isEqualTo("M5C2I2");
        assertThat(measure.uniqueCode()).isEqualTo("M5C2I2.00");
        assertThat(NrrpMeasure.parse("M5C2I2.00", "measure")).isEqualTo(measure);
        assertThat(NrrpMeasure.parse("M5C2I2.00.01", "measure").measureCode()).isEqualTo("M5C2I2");
    }

    @Test
    void parses_a_reform() {
        NrrpMeasure reform = NrrpMeasure.parse("M5C2R1", "measure");

        assertThat(reform.kind()).isEqualTo('R');
        assertThat(reform.isReform()).isTrue();
        assertThat(reform.isInvestment()).isFalse();
        assertThat(reform.measureCode()).isEqualTo("M5C2R1");
        assertThat(reform.uniqueCode()).isEqualTo("M5C2R1.00");
    }

    @Test
    void parses_a_digitalisation_measure() {
        NrrpMeasure measure = NrrpMeasure.parse("M1C1I1.1", "measure");

        assertThat(measure.nrrpMission()).isEqualTo(NrrpMission.M1);
        assertThat(measure.nrrpComponent()).isEqualTo(NrrpComponent.M1C1);
        assertThat(measure.uniqueCode()).isEqualTo("M1C1I1.01");
        assertThat(NrrpMeasure.parse("M1C1I1.01.00", "measure").measureCode()).isEqualTo("M1C1I1.1");
    }

    @ParameterizedTest
    @CsvSource({
            "M4C1I1.1,      M4C1I1.1,  M4C1I1.01",
            "M2C2I4.4,      M2C2I4.4,  M2C2I4.04",
            "M6C1I1.2,      M6C1I1.2,  M6C1I1.02",
            "M6C2I2.01.03,  M6C2I2.1,  M6C2I2.01",
            "M1C1I1.10,     M1C1I1.10, M1C1I1.10",
            "M3C2I2.3,      M3C2I2.3,  M3C2I2.03",
            "M2C4I12.15,    M2C4I12.15, M2C4I12.15"
    })
    void writes_the_measure_and_unique_codes_for_every_mission(String code, String measureCode, String uniqueCode) {
        NrrpMeasure measure = NrrpMeasure.parse(code, "measure");
        assertThat(measure.measureCode()).isEqualTo(measureCode);
        assertThat(measure.uniqueCode()).isEqualTo(uniqueCode);
    }

    @Test
    void accepts_lower_case_and_surrounding_spaces() {
        assertThat(NrrpMeasure.parse("  m5c2i1.03.00 ", "measure").subMeasureCode()).isEqualTo("M5C2I1.03.00");
    }

    @Test
    void parses_the_component_less_repowereu_measures() {
        NrrpMeasure investment = NrrpMeasure.parse("M7I1", "measure");
        assertThat(investment.mission()).isEqualTo("M7");
        assertThat(investment.component()).isEqualTo("M7");
        assertThat(investment.nrrpComponent()).isEqualTo(NrrpComponent.M7);
        assertThat(investment.measureCode()).isEqualTo("M7I1");
        assertThat(investment.uniqueCode()).isEqualTo("M7I1.00");

        NrrpMeasure reform = NrrpMeasure.parse("M7R1", "measure");
        assertThat(reform.isReform()).isTrue();
        assertThat(reform.measureCode()).isEqualTo("M7R1");

        NrrpMeasure subMeasure = NrrpMeasure.parse("M7I1.02.00", "measure");
        assertThat(subMeasure.measureCode()).isEqualTo("M7I1.2");
        assertThat(subMeasure.subMeasureCode()).isEqualTo("M7I1.02.00");
        assertThat(NrrpMeasure.parse("M7I1.2", "measure")).isEqualTo(subMeasure.withoutSubMeasure());
    }

    @Test
    void rejects_a_measure_of_a_mission_that_is_not_in_the_plan() {
        assertUnknown(() -> NrrpMeasure.parse("M8C1I1.1", "rows[4].measure"), "rows[4].measure",
                "NRRP mission M8 does not exist: the missions are M1 to M7", "was 'M8C1I1.1'");
        assertUnknown(() -> NrrpMeasure.parse("M0C1I1", "rows[4].measure"), "rows[4].measure", "NRRP mission M0 does not exist");
    }

    @Test
    void rejects_a_measure_of_a_component_that_is_not_in_the_plan() {
        assertUnknown(() -> NrrpMeasure.parse("M5C4I1.1", "rows[4].measure"), "rows[4].measure",
                "NRRP component M5C4 does not exist: mission M5 has M5C1, M5C2, M5C3", "was 'M5C4I1.1'");
        assertUnknown(() -> NrrpMeasure.parse("M6C3I1.1", "rows[4].measure"), "rows[4].measure", "mission M6 has M6C1, M6C2");
    }

    @Test
    void rejects_a_component_for_a_repowereu_measure() {
        assertUnknown(() -> NrrpMeasure.parse("M7C1I1", "rows[4].measure"), "rows[4].measure",
                "NRRP mission M7 (REPowerEU) has no components", "was 'M7C1I1'");
    }

    @Test
    void rejects_a_measure_without_component_for_a_mission_that_has_components() {
        assertUnknown(() -> NrrpMeasure.parse("M5I1.3", "rows[4].measure"), "rows[4].measure",
                "NRRP mission M5 is divided into components", "M5C1, M5C2, M5C3", "was 'M5I1.3'");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"M5C2", "M5C2X1.3", "M5C2I", "M5C2I0", "M5C2I01.3", "M5C2I1.", "M5C2I1.003", "M5C2I1.03.0",
            "M5C2I1.03.000", "M5C2I1.03.00.00", "M5C2 I1.3", "M5C2-I1.3", "5C2I1.3", "M5C2I1,3", "M2C4I2.1a", "M5C2I123"})
    void rejects_a_measure_code_of_the_wrong_form(String code) {
        assertInvalid(() -> NrrpMeasure.parse(code, "rows[4].measure"), "rows[4].measure", RULE, "was");
    }

    @Test
    void rejects_a_sub_number_of_zero_in_the_measure_form() {
        assertInvalid(() -> NrrpMeasure.parse("M5C2I2.0", "measure"), "measure",
                "sub-number starts from 1", "M5C2I2.00", "was 'M5C2I2.0'");
    }

    @Test
    void rejects_a_sub_measure_whose_sub_number_is_not_written_with_two_digits() {
        assertInvalid(() -> NrrpMeasure.parse("M5C2I1.3.00", "measure"), "measure",
                "a sub-measure code writes the sub-number with two digits", "M5C2I1.03.00", "was 'M5C2I1.3.00'");
    }

    @Test
    void constructing_a_measure_checks_every_part() {
        assertThat(new NrrpMeasure("m5", "m5c2", 'I', 1, 3, 0).subMeasureCode()).isEqualTo("M5C2I1.03.00");
        assertUnknown(() -> new NrrpMeasure("M8", "M5C2", 'I', 1, 3, null), "mission", "M8 does not exist");
        assertUnknown(() -> new NrrpMeasure("M5", "M5C9", 'I', 1, 3, null), "component", "M5C9 does not exist");
        assertInvalid(() -> new NrrpMeasure("M4", "M5C2", 'I', 1, 3, null), "component",
                "NRRP component M5C2 belongs to mission M5, not M4");
        assertInvalid(() -> new NrrpMeasure("M5", "M5C2", 'X', 1, 3, null), "kind", "I (investment) or R (reform)", "was 'X'");
        assertInvalid(() -> new NrrpMeasure("M5", "M5C2", 'I', 0, 3, null), "number", "from 1 to 99");
        assertInvalid(() -> new NrrpMeasure("M5", "M5C2", 'I', 1, -1, null), "subNumber", "from 0 (none) to 99");
        assertInvalid(() -> new NrrpMeasure("M5", "M5C2", 'I', 1, 3, 100), "subMeasure", "from 0 to 99");
    }

    @Test
    void shows_the_most_specific_code_as_its_text() {
        assertThat(NrrpMeasure.parse("M5C2I1.03", "measure")).hasToString("M5C2I1.3");
        assertThat(NrrpMeasure.parse("M5C2I1.03.00", "measure")).hasToString("M5C2I1.03.00");
    }
}
