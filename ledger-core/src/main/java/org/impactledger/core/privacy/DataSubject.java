package org.impactledger.core.privacy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.impactledger.core.privacy.command.ErasePersonalData;
import org.impactledger.core.privacy.command.RecordPersonalData;
import org.impactledger.core.privacy.event.DataSubjectRegistered;
import org.impactledger.core.privacy.event.PersonalDataErased;
import org.impactledger.core.privacy.event.PersonalDataRecorded;
import org.impactledger.core.shared.DataSubjectId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.ProviderId;

/**
 * A data subject (a beneficiary or household, by its pseudonym) and the encrypted personal data the
 * ledger holds about it. The aggregate never sees plaintext or keys: it keeps the record ids and
 * whether the data was erased, so that nothing new is attached after an erasure and a record id is
 * used once. Erasure itself is crypto-shredding (the key is deleted outside the domain): the events
 * stay, so the audit chain over them still verifies, and no figure of any report depends on them.
 */
public class DataSubject {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern BASIS = Pattern.compile("[A-Z0-9][A-Z0-9.-]{0,39}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    @AggregateIdentifier
    private DataSubjectId subjectId;
    private final Set<String> recordIds = new HashSet<>();
    private boolean erased;
    /** The provider that first attached data to the subject, or {@code null} (an administrator or verifier did, or it came before registration). */
    private ProviderId registeredBy;

    protected DataSubject() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPersonalData command) {
        if (command.subjectId() == null) {
            throw DomainException.invalid("subjectId", "subjectId is required");
        }
        boolean registering = subjectId == null && command.actingProvider() != null;
        requireOwnSubject(command);
        if (erased) {
            throw DomainException.state("the personal data of subject " + command.subjectId()
                    + " was erased; nothing new is recorded for it");
        }
        requireText(command.recordId(), "recordId");
        if (recordIds.contains(command.recordId())) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "recordId",
                    "record " + command.recordId() + " of subject " + command.subjectId() + " exists already");
        }
        requireText(command.kind(), "kind");
        if (!KIND.matcher(command.kind()).matches()) {
            throw DomainException.invalid("kind", "kind must be 1-40 lower-case letters, digits or '-', starting with a letter");
        }
        requireText(command.keyId(), "keyId");
        requireBase64(command.nonce(), "nonce");
        requireBase64(command.ciphertext(), "ciphertext");
        requireText(command.recordedBy(), "recordedBy");
        if (registering) {
            apply(new DataSubjectRegistered(command.subjectId(), command.actingProvider(), command.recordedBy()));
        }
        apply(new PersonalDataRecorded(command.subjectId(), command.recordId(), command.kind(), command.keyId(), command.nonce(),
                command.ciphertext(), command.recordedBy()));
    }

    /**
     * Ownership, checked before anything else so that a refusal tells another provider nothing of the
     * subject: a provider attaches data to a new subject (and registers it), to a subject it
     * registered, or to one that has outcomes on its own contracts. {@code null} is a role that is not
     * a provider.
     */
    private void requireOwnSubject(RecordPersonalData command) {
        ProviderId acting = command.actingProvider();
        if (acting == null || subjectId == null || acting.equals(registeredBy) || command.actingProviderServesSubject()) {
            return;
        }
        throw new DomainException(ErrorCode.NOT_OWNER, "subjectId", "provider " + acting + " may attach personal data only to a data subject"
                + " it registered or that has outcomes on its own contracts");
    }

    /** Idempotent: erasing an erased subject records nothing more. */
    @CommandHandler
    public void handle(ErasePersonalData command) {
        requireText(command.basis(), "basis");
        if (!BASIS.matcher(command.basis()).matches()) {
            throw DomainException.invalid("basis", "basis must be a short code of capitals, digits, '.' or '-' (e.g. GDPR-ART-17)");
        }
        requireText(command.erasedBy(), "erasedBy");
        if (erased) {
            return;
        }
        apply(new PersonalDataErased(subjectId, command.basis(), command.erasedBy()));
    }

    @EventSourcingHandler
    void on(DataSubjectRegistered event) {
        subjectId = event.subjectId();
        registeredBy = event.providerId();
    }

    @EventSourcingHandler
    void on(PersonalDataRecorded event) {
        subjectId = event.subjectId();
        recordIds.add(event.recordId());
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        erased = true;
    }

    public boolean erased() {
        return erased;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
    }

    private static void requireBase64(String value, String field) {
        requireText(value, field);
        if (!BASE64.matcher(value).matches()) {
            throw DomainException.invalid(field, field + " must be Base64");
        }
    }
}
