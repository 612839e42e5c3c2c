package org.impactledger.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.impactledger.api.security.LedgerPrincipal;
import org.impactledger.core.shared.DomainException;
import org.impactledger.projections.audit.AuditChainBuilder;
import org.impactledger.projections.audit.AuditEventPage;
import org.impactledger.projections.audit.AuditExport;
import org.impactledger.projections.audit.AuditQueries;
import org.impactledger.projections.audit.AuditSigner;
import org.impactledger.projections.audit.AuditVerification;
import org.impactledger.projections.audit.BuildResult;
import org.impactledger.projections.audit.ChainHead;
import org.impactledger.projections.audit.CheckpointPage;
import org.impactledger.projections.audit.VerificationReport;
import org.impactledger.projections.report.TimeTravel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The verifiable audit trail: the hash chain over every stored event, its verification, signed
 * checkpoints, the public key that checks them, and the export an auditor verifies offline.
 *
 * <p>These endpoints call the audit services directly rather than through the query bus: verify
 * and export read the event store's own rows, and the export streams, which a query answer cannot.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit trail")
public class AuditController {

    /** NDJSON, one JSON object a line. */
    public static final String NDJSON = "application/x-ndjson";
    public static final String PEM = "application/x-pem-file";

    private static final Logger log = LoggerFactory.getLogger(AuditController.class);

    private final AuditChainBuilder builder;
    private final AuditVerification verification;
    private final AuditExport export;
    private final AuditQueries queries;
    private final AuditSigner signer;
    private final Clock clock;

    public AuditController(AuditChainBuilder builder, AuditVerification verification, AuditExport export, AuditQueries queries,
                           AuditSigner signer, Clock clock) {
        this.builder = builder;
        this.verification = verification;
        this.export = export;
        this.queries = queries;
        this.signer = signer;
        this.clock = clock;
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute every chained event's hash and the chain from the current event rows; name the first mismatch")
    public VerificationReport verify() {
        return verification.verify();
    }

    @GetMapping("/head")
    @Operation(summary = "Where the chain stands: last chained event, its chain hash, counts, newest checkpoint")
    public ChainHead head() {
        return builder.head();
    }

    @PostMapping("/build")
    @Operation(summary = "Extend the chain now (it also runs every ledger.audit.interval)")
    public BuildResult build() {
        return builder.build();
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Empty the chain and its checkpoints and chain every event again from the current rows; "
            + "refused while verification fails unless force=true, since it would make a tampered row look valid")
    public BuildResult rebuild(@RequestParam(defaultValue = "false") boolean force) {
        String actor = LedgerPrincipal.current().name();
        VerificationReport report = verification.verify();
        if (!report.valid() && !force) {
            VerificationReport.Mismatch m = report.firstMismatch();
            throw DomainException.state("the audit chain does not verify (" + m.reason() + " at global index " + m.globalIndex()
                    + "); a rebuild would chain the current rows as they are: investigate, or pass force=true");
        }
        log.warn("audit chain rebuild requested by {} (chain {}valid{})", actor,
                report.valid() ? "" : "in", force ? ", forced" : "");
        return builder.rebuild();
    }

    @GetMapping(value = "/public-key", produces = {PEM, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "The Ed25519 public key that verifies checkpoints, as PEM (SubjectPublicKeyInfo)")
    public String publicKeyPem() {
        return signer.publicKeyPem();
    }

    @GetMapping(value = "/public-key", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The Ed25519 public key that verifies checkpoints, as JSON")
    public Map<String, Object> publicKeyJson() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("algorithm", AuditSigner.ALGORITHM);
        key.put("keyId", signer.keyId());
        key.put("pem", signer.publicKeyPem());
        key.put("spki", java.util.Base64.getEncoder().encodeToString(signer.publicKey().getEncoded()));
        key.put("ephemeral", signer.ephemeral());
        return key;
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "Signed checkpoints, oldest first (page from 0, size up to 200)")
    public CheckpointPage checkpoints(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        checkPage(page, size);
        return queries.checkpoints(page, size);
    }

    @GetMapping("/events")
    @Operation(summary = "The audit trail: chained events in global order with metadata and hashes; asOf (business date) "
            + "and knownAt (recording time) limit it to what had happened / was known then")
    public AuditEventPage events(@RequestParam(defaultValue = "1") long from, @RequestParam(required = false) String asOf,
                                 @RequestParam(required = false) String knownAt, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        if (from < 1) {
            throw DomainException.invalid("from", "from must be a global index of at least 1, was " + from);
        }
        checkPage(page, size);
        return queries.events(from, TimeTravel.parse(asOf, knownAt, clock), page, size);
    }

    @GetMapping(value = "/export", produces = NDJSON)
    @Operation(summary = "Export the chain as NDJSON (events with every hashed column, gaps, signed checkpoints) for the "
            + "offline verifier; optional global index range from..to")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Long from,
                                                        @RequestParam(required = false) Long to) {
        AuditExport.checkRange(from, to);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(NDJSON))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-export.ndjson\"")
                .body(out -> export.write(out, from, to));
    }

    private static void checkPage(int page, int size) {
        if (page < 0) {
            throw DomainException.invalid("page", "page counts from 0, was " + page);
        }
        if (size < 1) {
            throw DomainException.invalid("size", "size must be at least 1, was " + size);
        }
    }
}
