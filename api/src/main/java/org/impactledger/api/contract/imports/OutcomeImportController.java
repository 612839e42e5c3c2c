package org.impactledger.api.contract.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.impactledger.api.contract.ContractQueryController;
import org.impactledger.api.web.Ids;
import org.impactledger.api.web.RequestContext;
import org.impactledger.api.web.RequestContextResolver;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.Identifier;
import org.impactledger.core.shared.Paging;
import org.impactledger.infra.imports.OutcomeImports.Status;
import org.impactledger.infra.imports.OutcomeImports.Summary;
import org.impactledger.infra.imports.OutcomeImports;
import org.impactledger.projections.state.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Bulk outcome import: many outcome reports of one contract in a CSV or NDJSON file, streamed (see
 * {@link OutcomeImporter}), and the record of each import with its progress and rejected rows.
 * Who may import is who may report one outcome: the contract's own provider, or an administrator.
 */
@RestController
@RequestMapping("/api/contracts/{contractId}/outcomes/imports")
@Tag(name = "Contracts and outcomes (commands)")
public class OutcomeImportController {

    /** Rejected rows shown in the answer to the import itself; the GET pages through all of them. */
    static final int REJECTIONS_IN_ANSWER = 100;

    private final OutcomeImporter importer;
    private final OutcomeImports imports;
    private final RequestContextResolver contexts;
    private final ContractQueryController contracts;

    public OutcomeImportController(OutcomeImporter importer, OutcomeImports imports, RequestContextResolver contexts,
                                   ContractQueryController contracts) {
        this.importer = importer;
        this.imports = imports;
        this.contexts = contexts;
        this.contracts = contracts;
    }

    @PostMapping
    @Operation(summary = "Import many outcome reports from a CSV (text/csv) or NDJSON (application/x-ndjson) body, streamed; "
            + "rejected rows come back with line and reason; the same file again records nothing")
    public ResponseEntity<Map<String, Object>> importOutcomes(@PathVariable String contractId, @RequestParam(required = false) String importId,
                                                              @RequestHeader(value = "Content-Type", required = false) String contentType,
                                                              HttpServletRequest request) throws IOException {
        ContractId id = ContractId.of(contractId);
        OutcomeImporter.Format format = OutcomeImporter.Format.of(contentType);
        String chosenId = Identifier.requireValid(Ids.orNew(importId, "import"), "importId");
        RequestContext context = contexts.resolve(request);
        Optional<Summary> existing = imports.find(chosenId);
        if (existing.isPresent()) {
            // the same import id again (a retried request): its record, without reading the body again
            Summary earlier = existing.get();
            if (!earlier.contractId().equals(id.value()) || !earlier.importedBy().equals(context.principal())) {
                throw new DomainException(ErrorCode.ALREADY_EXISTS, "importId", "import id " + chosenId + " is taken by another import");
            }
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(body(earlier));
        }
        Summary summary;
        try (InputStream in = request.getInputStream()) {
            summary = importer.run(id, chosenId, format, in, context);
        }
        HttpStatus status = summary.status() == Status.ALREADY_IMPORTED ? HttpStatus.OK : HttpStatus.CREATED;
        return ResponseEntity.status(status)
                .location(URI.create(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + path(summary)))
                .body(body(summary));
    }

    @GetMapping
    @Operation(summary = "The contract's outcome imports, newest first, with their counters (running ones show their progress)")
    public Map<String, Object> list(@PathVariable String contractId, @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        contracts.contract(contractId);
        int capped = Page.cappedSize(size);
        int from = page;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", imports.list(contractId, from, capped).stream().map(OutcomeImportController::summary).toList());
        answer.put("page", from);
        answer.put("size", capped);
        answer.put("total", imports.count(contractId));
        return answer;
    }

    @GetMapping("/{importId}")
    @Operation(summary = "One import: status (RUNNING, COMPLETED, ALREADY_IMPORTED, FAILED), rows read, accepted, already reported, "
            + "rejected, and a page of its rejected rows (line, field, code, reason)")
    public Map<String, Object> one(@PathVariable String contractId, @PathVariable String importId, @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "100") int size) {
        Paging.check(page, size);
        contracts.contract(contractId);
        Summary summary = imports.find(importId).filter(s -> s.contractId().equals(contractId))
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "importId", "no outcome import " + importId + " of contract " + contractId));
        Map<String, Object> answer = summary(summary);
        int capped = Page.cappedSize(size);
        int from = page;
        answer.put("rejections", Map.of("items", imports.rejections(importId, from, capped), "page", from, "size", capped,
                "total", summary.rejected()));
        return answer;
    }

    private Map<String, Object> body(Summary summary) {
        Map<String, Object> answer = summary(summary);
        List<OutcomeImports.Rejection> first = imports.rejections(summary.importId(), 0, REJECTIONS_IN_ANSWER);
        answer.put("rejections", Map.of("items", first, "page", 0, "size", REJECTIONS_IN_ANSWER, "total", summary.rejected()));
        return answer;
    }

    static String path(Summary summary) {
        return "/api/contracts/" + summary.contractId() + "/outcomes/imports/" + summary.importId();
    }

    static Map<String, Object> summary(Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("importId", s.importId());
        m.put("contractId", s.contractId());
        m.put("status", s.status().name());
        m.put("format", s.format());
        m.put("importedBy", s.importedBy());
        m.put("rowsRead", s.rowsRead());
        m.put("accepted", s.accepted());
        m.put("alreadyReported", s.alreadyReported());
        m.put("rejected", s.rejected());
        m.put("contentSha256", s.contentSha256());
        if (s.duplicateOf() != null) {
            m.put("alreadyImportedAs", s.duplicateOf());
        }
        if (s.failure() != null) {
            m.put("failure", s.failure());
        }
        m.put("startedAt", s.startedAt());
        m.put("updatedAt", s.updatedAt());
        m.put("finishedAt", s.finishedAt());
        m.put("href", path(s));
        return m;
    }
}
