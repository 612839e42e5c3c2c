package org.impactledger.api.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.impactledger.api.security.LedgerPrincipal;
import org.impactledger.api.web.CommandDispatcher;
import org.impactledger.api.web.CommandDispatcher.Dispatched;
import org.impactledger.api.web.CommandResponse;
import org.impactledger.api.web.Ids;
import org.impactledger.api.web.RequestContext;
import org.impactledger.api.web.QueryRunner;
import org.impactledger.api.web.RequestContextResolver;
import org.impactledger.core.contract.query.ProviderServesSubject;
import org.impactledger.core.privacy.command.ErasePersonalData;
import org.impactledger.core.privacy.command.RecordPersonalData;
import org.impactledger.core.privacy.event.DataSubjectEvent;
import org.impactledger.core.privacy.event.DataSubjectRegistered;
import org.impactledger.core.privacy.event.PersonalDataErased;
import org.impactledger.core.privacy.event.PersonalDataRecorded;
import org.impactledger.core.shared.DataSubjectId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.Identifier;
import org.impactledger.core.shared.ProviderId;
import org.impactledger.infra.privacy.PersonalDataCipher;
import org.impactledger.infra.privacy.SubjectKeys;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal data of data subjects (beneficiaries, households), kept encrypted per person so that it
 * can be erased from an immutable ledger: each subject has its own AES-256 key (table
 * {@code subject_key}); the data is sealed with AES-GCM in the API and only the ciphertext, nonce
 * and key id reach the event. Erasure deletes the key: the events stay (the audit chain over them
 * still verifies, no report reads them), and the data reads as erased for good.
 *
 * <p>Reads come straight from the subject's own event stream, so a record is readable the moment it
 * is accepted. Who may call what is in the security configuration: admin and verifier read, admin
 * and provider (and verifier) attach, admin erases. A provider attaches to and reads only the subjects
 * it registered (it attached the first data) or that have outcomes on its own contracts.
 */
@RestController
@RequestMapping("/api/data-subjects")
@Tag(name = "Data subjects (personal data, erasure)")
public class DataSubjectController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Personal data to attach: a kind (e.g. {@code contact}) and named text fields. */
    public record PersonalDataRequest(
            @Size(max = 128) String recordId,
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,39}") String kind,
            @NotEmpty @Size(max = 20) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 2000) String> data) {
    }

    /** The legal ground of an erasure, as a short code (free text could itself hold personal data). */
    public record ErasureRequest(@NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9.-]{0,39}") String basis) {
    }

    private final CommandDispatcher dispatcher;
    private final RequestContextResolver contexts;
    private final SubjectKeys keys;
    private final PersonalDataCipher cipher;
    private final EventStore eventStore;
    private final QueryRunner queries;

    public DataSubjectController(CommandDispatcher dispatcher, RequestContextResolver contexts, SubjectKeys keys, PersonalDataCipher cipher,
                                 EventStore eventStore, QueryRunner queries) {
        this.queries = queries;
        this.dispatcher = dispatcher;
        this.contexts = contexts;
        this.keys = keys;
        this.cipher = cipher;
        this.eventStore = eventStore;
    }

    @PostMapping("/{subjectId}/personal-data")
    @Operation(summary = "Attach personal data to a data subject, encrypted under the subject's own key (AES-GCM)")
    public ResponseEntity<Map<String, Object>> attach(@PathVariable String subjectId, @Valid @RequestBody PersonalDataRequest body,
                                                      HttpServletRequest request) {
        DataSubjectId id = DataSubjectId.of(subjectId);
        RequestContext context = contexts.resolve(request);
        String recordId = Ids.orNew(body.recordId(), "record");
        Identifier.requireValid(recordId, "recordId");
        ProviderId provider = LedgerPrincipal.current().personalDataOnlyAsProvider();
        boolean serves = provider != null && serves(provider, id);
        List<DomainEventMessage<?>> known = provider == null ? List.of() : events(id);
        if (provider != null && !known.isEmpty() && !serves && !registeredBy(provider, known)) {
            // refused before the subject's key is touched, so that the answer tells nothing of the subject (not even an erasure);
            // the DataSubject aggregate checks the same, so a subject registered meanwhile by another provider is refused too
            throw notOwner(provider);
        }
        SubjectKeys.SubjectKey key;
        try {
            key = keys.keyFor(id.value());
        } catch (SubjectKeys.SubjectErasedException e) {
            throw DomainException.state("the personal data of subject " + id + " was erased; nothing new is recorded for it");
        }
        PersonalDataCipher.Sealed sealed = cipher.encrypt(key.key(), JSON.writeValueAsString(body.data()), id.value(), recordId);
        Dispatched d = dispatcher.send(new RecordPersonalData(id, recordId, body.kind(), key.keyId(), sealed.nonce(), sealed.ciphertext(),
                context.principal(), provider, serves), context);
        return CommandResponse.created(d, "/api/data-subjects/" + id + "/personal-data", Map.of("subjectId", id.value(), "recordId", recordId));
    }

    @GetMapping("/{subjectId}/personal-data")
    @Operation(summary = "The subject's personal data in clear, or marked as erased once its key is deleted")
    public Map<String, Object> read(@PathVariable String subjectId) {
        DataSubjectId id = DataSubjectId.of(subjectId);
        List<DomainEventMessage<?>> events = events(id);
        ProviderId provider = LedgerPrincipal.current().personalDataOnlyAsProvider();
        if (provider != null && !registeredBy(provider, events) && !serves(provider, id)) {
            throw notOwner(provider);
        }
        if (events.isEmpty()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "subjectId", "no personal data is held for subject " + id);
        }
        boolean erased = keys.isErased(id.value()) || events.stream().anyMatch(e -> e.getPayload() instanceof PersonalDataErased);
        Optional<SubjectKeys.SubjectKey> key = erased ? Optional.empty() : keys.find(id.value());
        List<Map<String, Object>> records = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof PersonalDataRecorded r) {
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("recordId", r.recordId());
                record.put("kind", r.kind());
                record.put("recordedBy", r.recordedBy());
                record.put("recordedAt", event.getTimestamp().toString());
                record.put("erased", key.isEmpty());
                record.put("data", key.filter(k -> k.keyId().equals(r.keyId()))
                        .map(k -> JSON.readValue(cipher.decrypt(k.key(), new PersonalDataCipher.Sealed(r.nonce(), r.ciphertext()), id.value(),
                                r.recordId()), new TypeReference<Map<String, String>>() { }))
                        .orElse(null));
                records.add(record);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectId", id.value());
        body.put("status", erased ? "ERASED" : "AVAILABLE");
        body.put("records", records);
        return body;
    }

    @PostMapping("/{subjectId}/erasure")
    @Operation(summary = "Erase the subject's personal data: delete its key, and record that it was erased (without personal data)")
    public ResponseEntity<Map<String, Object>> erase(@PathVariable String subjectId, @Valid @RequestBody ErasureRequest body,
                                                     HttpServletRequest request) {
        DataSubjectId id = DataSubjectId.of(subjectId);
        RequestContext context = contexts.resolve(request);
        if (events(id).isEmpty()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "subjectId", "no personal data is held for subject " + id);
        }
        // the key goes first: that is the erasure; the event records it, and a retry after a failure finds the key gone and completes
        boolean keyDeleted = keys.erase(id.value());
        Dispatched d = dispatcher.send(new ErasePersonalData(id, body.basis(), context.principal()), context);
        return CommandResponse.ok(d, Map.of("subjectId", id.value(), "status", "ERASED", "keyDeleted", keyDeleted));
    }

    /** Whether the subject has outcomes on the provider's contracts (from the contract read model). */
    private boolean serves(ProviderId provider, DataSubjectId id) {
        return Boolean.TRUE.equals(queries.one(new ProviderServesSubject(provider, id), Boolean.class, "subject", id.value()));
    }

    private static boolean registeredBy(ProviderId provider, List<DomainEventMessage<?>> events) {
        return events.stream().anyMatch(e -> e.getPayload() instanceof DataSubjectRegistered r && provider.equals(r.providerId()));
    }

    private static DomainException notOwner(ProviderId provider) {
        // the subject is not echoed, nor whether it exists: a prober learns nothing of it
        return new DomainException(ErrorCode.NOT_OWNER, "subjectId", "provider " + provider
                + " handles personal data only of data subjects it registered or that have outcomes on its own contracts");
    }

    private List<DomainEventMessage<?>> events(DataSubjectId id) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(id.value(), 0).asStream()
                .filter(e -> e.getPayload() instanceof DataSubjectEvent)
                .forEach(events::add);
        return events;
    }
}
