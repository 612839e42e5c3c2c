package org.impactledger.core.housing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.HouseholdId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The values the housing commands are made of: Turin's districts and pseudonymous household ids. */
class HousingValuesTest {

    @Nested
    class TurinDistricts {

        @Test
        void knows_the_eight_circoscrizioni_by_number() {
            assertThat(Arrays.stream(TurinDistrict.values()).map(TurinDistrict::code)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        }

        @Test
        void names_the_neighbourhoods_of_a_district() {
            assertThat(TurinDistrict.of("6", "district").label()).startsWith("Barriera di Milano");
            assertThat(TurinDistrict.of("1", "district").label()).isEqualTo("Centro, Crocetta");
            assertThat(TurinDistrict.of("8", "district").label()).contains("San Salvario", "Lingotto");
        }

        @Test
        void reads_a_district_number_with_surrounding_spaces() {
            assertThat(TurinDistrict.of(" 7 ", "district")).isEqualTo(TurinDistrict.CIRCOSCRIZIONE_7);
        }

        @Test
        void refuses_a_district_that_does_not_exist_naming_the_field() {
            assertRefused(() -> TurinDistrict.of("9", "properties[0].district"), ErrorCode.UNKNOWN_CODE, "properties[0].district",
                    "Turin has no circoscrizione 9: district must be the number of one of Turin's 8 circoscrizioni, 1 to 8");
        }

        @Test
        void refuses_a_district_name_instead_of_its_number() {
            assertRefused(() -> TurinDistrict.of("Vanchiglia", "district"), ErrorCode.INVALID_VALUE, "district",
                    "district must be the number of one of Turin's 8 circoscrizioni, 1 to 8; was 'Vanchiglia'");
        }

        @Test
        void refuses_a_missing_district() {
            assertRefused(() -> TurinDistrict.of(null, "district"), ErrorCode.INVALID_VALUE, "district", "district is required");
        }
    }

    @Nested
    class HouseholdIds {

        @ParameterizedTest
        @ValueSource(strings = {"HH-0001", "h4a:2025:17", "RSSMRA85", "HOUSEHOLD-000001"})
        void accepts_a_pseudonymous_id(String value) {
            assertThat(HouseholdId.of(value).value()).isEqualTo(value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"RSSMRA85T10A562S", "rssmra85t10a562s", "RSSMRA85T10A56NS"})
        void refuses_an_id_shaped_like_a_tax_code(String value) {
            assertRefused(() -> HouseholdId.of(value), ErrorCode.INVALID_VALUE, "householdId",
                    "householdId must be a pseudonymous id, not a tax code (codice fiscale): events cannot be erased");
        }

        @Test
        void refuses_an_email_address() {
            assertRefused(() -> HouseholdId.of("mario.rossi@example.org"), ErrorCode.INVALID_VALUE, "householdId",
                    "householdId must be 1-64 characters of letters, digits, '.', '_', ':' or '-'");
        }
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).as("error code").isEqualTo(code);
            assertThat(e.field()).as("field").isEqualTo(field);
            assertThat(e.getMessage()).as("message").isEqualTo(message);
        });
    }
}
