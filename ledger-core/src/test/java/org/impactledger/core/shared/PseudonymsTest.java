package org.impactledger.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PseudonymsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ben-7f3a", "hf-person-1001", "RSSMRA85", "BEN-0001"})
    void beneficiaries_and_data_subjects_accept_pseudonyms(String value) {
        assertThat(BeneficiaryId.of(value).value()).isEqualTo(value);
        assertThat(DataSubjectId.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSSMRA85T10A562S", "rssmra85t10a562s", "RSSMRA85T10A56NS"})
    void a_beneficiary_or_data_subject_id_shaped_like_a_tax_code_is_refused(String value) {
        DomainException beneficiary = catchThrowableOfType(DomainException.class, () -> BeneficiaryId.of(value));
        assertThat(beneficiary.code()).isEqualTo(ErrorCode.INVALID_VALUE);
        assertThat(beneficiary.field()).isEqualTo("beneficiaryId");
        assertThat(beneficiary.getMessage()).isEqualTo("beneficiaryId must be a pseudonymous id, not a tax code (codice fiscale): events cannot be erased");
        DomainException subject = catchThrowableOfType(DomainException.class, () -> DataSubjectId.of(value));
        assertThat(subject.field()).isEqualTo("subjectId");
    }
}
