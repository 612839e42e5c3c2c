package org.impactledger.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.impactledger.core.privacy.command.ErasePersonalData;
import org.impactledger.core.privacy.command.RecordPersonalData;
import org.impactledger.core.privacy.event.DataSubjectRegistered;
import org.impactledger.core.privacy.event.PersonalDataErased;
import org.impactledger.core.privacy.event.PersonalDataRecorded;
import org.impactledger.core.shared.DataSubjectId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.ProviderId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataSubjectTest {

    private static final DataSubjectId SUBJECT = DataSubjectId.of("ben-7f3a");
    private static final String NONCE = "AAECAwQFBgcICQoL";
    private static final String CIPHERTEXT = "3q2+7w8fGhscHR4fICEiIyQlJicoKSorLC0uLzA=";

    private AggregateTestFixture<DataSubject> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataSubject.class);
    }

    private static RecordPersonalData record(String recordId) {
        return new RecordPersonalData(SUBJECT, recordId, "contact", "key-1", NONCE, CIPHERTEXT, "provider-bruno");
    }

    private static PersonalDataRecorded recorded(String recordId) {
        return new PersonalDataRecorded(SUBJECT, recordId, "contact", "key-1", NONCE, CIPHERTEXT, "provider-bruno");
    }

    @Test
    void records_encrypted_personal_data_for_a_new_subject() {
        fixture.givenNoPriorActivity()
                .when(record("rec-1"))
                .expectEvents(recorded("rec-1"));
    }

    @Test
    void records_more_data_for_a_known_subject() {
        fixture.given(recorded("rec-1"))
                .when(record("rec-2"))
                .expectEvents(recorded("rec-2"));
    }

    @Test
    void refuses_a_record_id_used_before() {
        fixture.given(recorded("rec-1"))
                .when(record("rec-1"))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof DomainException d && d.code() == ErrorCode.ALREADY_EXISTS
                        && "recordId".equals(d.field())));
    }

    @Test
    void refuses_a_ciphertext_that_is_not_base64() {
        fixture.givenNoPriorActivity()
                .when(new RecordPersonalData(SUBJECT, "rec-1", "contact", "key-1", NONCE, "maria@example.org", "provider-bruno"))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof DomainException d && d.code() == ErrorCode.INVALID_VALUE
                        && "ciphertext".equals(d.field())));
    }

    @Test
    void erases_once_and_a_second_erasure_records_nothing() {
        fixture.given(recorded("rec-1"))
                .when(new ErasePersonalData(SUBJECT, "GDPR-ART-17", "admin"))
                .expectEvents(new PersonalDataErased(SUBJECT, "GDPR-ART-17", "admin"))
                .expectState(subject -> assertThat(subject.erased()).isTrue());
        fixture.given(recorded("rec-1"), new PersonalDataErased(SUBJECT, "GDPR-ART-17", "admin"))
                .when(new ErasePersonalData(SUBJECT, "GDPR-ART-17", "admin"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refuses_new_data_after_erasure() {
        fixture.given(recorded("rec-1"), new PersonalDataErased(SUBJECT, "GDPR-ART-17", "admin"))
                .when(record("rec-2"))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof DomainException d && d.code() == ErrorCode.INVALID_STATE));
    }

    @Test
    void refuses_a_free_text_erasure_basis_which_could_hold_personal_data() {
        fixture.given(recorded("rec-1"))
                .when(new ErasePersonalData(SUBJECT, "asked by Maria Rossi", "admin"))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof DomainException d && "basis".equals(d.field())));
    }

    @Test
    void a_subject_id_shaped_like_a_tax_code_is_refused() {
        assertThatThrownBy(() -> DataSubjectId.of("RSSMRA85T10A562S")).isInstanceOf(DomainException.class).hasMessageContaining("pseudonymous");
    }

    // ---------------------------------------------------------------- providers and their subjects

    private static final ProviderId CASA = ProviderId.of("coop-casa");
    private static final ProviderId OTHER = ProviderId.of("coop-other");

    private static RecordPersonalData recordAs(String recordId, ProviderId provider, boolean servesSubject) {
        return new RecordPersonalData(SUBJECT, recordId, "contact", "key-1", NONCE, CIPHERTEXT, "provider-bruno", provider, servesSubject);
    }

    @Test
    void the_first_provider_to_attach_data_registers_the_subject_and_attaches_more_later() {
        fixture.givenNoPriorActivity()
                .when(recordAs("rec-1", CASA, false))
                .expectEvents(new DataSubjectRegistered(SUBJECT, CASA, "provider-bruno"), recorded("rec-1"));
        fixture.given(new DataSubjectRegistered(SUBJECT, CASA, "provider-bruno"), recorded("rec-1"))
                .when(recordAs("rec-2", CASA, false))
                .expectEvents(recorded("rec-2"));
    }

    @Test
    void another_provider_attaches_nothing_to_a_subject_it_neither_registered_nor_serves() {
        fixture.given(new DataSubjectRegistered(SUBJECT, CASA, "provider-bruno"), recorded("rec-1"))
                .when(recordAs("rec-2", OTHER, false))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof DomainException d && d.code() == ErrorCode.NOT_OWNER
                        && "subjectId".equals(d.field())));
    }

    @Test
    void a_subject_recorded_by_an_administrator_is_no_providers_unless_it_has_outcomes_on_the_providers_contracts() {
        fixture.given(recorded("rec-1"))
                .when(recordAs("rec-2", CASA, false))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof DomainException d && d.code() == ErrorCode.NOT_OWNER));
        fixture.given(recorded("rec-1"))
                .when(recordAs("rec-2", CASA, true))
                .expectEvents(recorded("rec-2"));
    }

    @Test
    void a_provider_whose_contracts_have_outcomes_of_the_subject_attaches_data_too_and_an_administrator_always() {
        fixture.given(new DataSubjectRegistered(SUBJECT, CASA, "provider-bruno"), recorded("rec-1"))
                .when(recordAs("rec-2", OTHER, true))
                .expectEvents(recorded("rec-2"));
        fixture.given(new DataSubjectRegistered(SUBJECT, CASA, "provider-bruno"), recorded("rec-1"))
                .when(record("rec-3"))
                .expectEvents(recorded("rec-3"));
    }

    @Test
    void an_erased_subject_refuses_another_provider_as_not_owner_first() {
        fixture.given(new DataSubjectRegistered(SUBJECT, CASA, "provider-bruno"), recorded("rec-1"),
                        new PersonalDataErased(SUBJECT, "GDPR-ART-17", "admin"))
                .when(recordAs("rec-2", OTHER, false))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof DomainException d && d.code() == ErrorCode.NOT_OWNER));
    }
}
