package org.impactledger.api.nrrp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.impactledger.api.nrrp.NrrpRequests.AllocateRequest;
import org.impactledger.api.nrrp.NrrpRequests.CommitRequest;
import org.impactledger.api.nrrp.NrrpRequests.MatchRequest;
import org.impactledger.api.nrrp.NrrpRequests.RegisterProjectRequest;
import org.impactledger.api.nrrp.NrrpRequests.ReportExpenditureRequest;
import org.impactledger.api.nrrp.NrrpRequests.SetTargetRequest;
import org.impactledger.api.web.CommandDispatcher.Dispatched;
import org.impactledger.api.web.CommandDispatcher;
import org.impactledger.api.web.DateWindows;
import org.impactledger.api.web.CommandResponse;
import org.impactledger.api.web.Ids;
import org.impactledger.api.web.QueryRunner;
import org.impactledger.api.web.RequestContext;
import org.impactledger.api.web.RequestContextResolver;
import org.impactledger.core.nrrp.BankEntry;
import org.impactledger.core.nrrp.NrrpPlanMeasure;
import org.impactledger.core.nrrp.NrrpProject;
import org.impactledger.core.nrrp.command.AllocateNrrpFunds;
import org.impactledger.core.nrrp.command.EnterNrrpCommitment;
import org.impactledger.core.nrrp.command.ImportBankStatement;
import org.impactledger.core.nrrp.command.ImportBankStatements;
import org.impactledger.core.nrrp.command.ImportNrrpMeasureList;
import org.impactledger.core.nrrp.command.MatchBankEntry;
import org.impactledger.core.nrrp.command.RegisterNrrpProject;
import org.impactledger.core.nrrp.command.ReportNrrpExpenditure;
import org.impactledger.core.nrrp.command.SetNrrpTarget;
import org.impactledger.core.nrrp.command.UnmatchBankEntry;
import org.impactledger.core.shared.BankStatementId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpPlanId;
import org.impactledger.core.shared.NrrpProjectId;
import org.impactledger.projections.nrrp.FindNrrpBankMatches;
import org.impactledger.projections.nrrp.FindNrrpPayment;
import org.impactledger.projections.nrrp.NrrpProjection;
import org.impactledger.projections.rebuild.ProjectionRebuilds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands of the city's NRRP bookkeeping: projects (allocations, commitments, reported
 * expenditure, targets), bank statement imports and the finance officers' manual matches.
 */
@RestController
@RequestMapping("/api/nrrp")
@Tag(name = "NRRP (commands)")
public class NrrpCommandController {

    private final CommandDispatcher dispatcher;
    private final RequestContextResolver contexts;
    private final QueryRunner queries;
    private final DateWindows dates;
    private final ProjectionRebuilds readModels;
    private final Object matching = new Object();

    private static final String NRRP_READ_MODEL = NrrpProjection.PROCESSING_GROUP;
    private static final Duration MATCH_WAIT = Duration.ofSeconds(10);

    public NrrpCommandController(CommandDispatcher dispatcher, RequestContextResolver contexts, QueryRunner queries, DateWindows dates,
                                 ProjectionRebuilds readModels) {
        this.readModels = readModels;
        this.dispatcher = dispatcher;
        this.contexts = contexts;
        this.queries = queries;
        this.dates = dates;
    }

    @PostMapping("/projects")
    @Operation(summary = "Register an NRRP project; its id is CUP:localProjectCode:subMeasureCode")
    public ResponseEntity<Map<String, Object>> register(@Valid @RequestBody RegisterProjectRequest body, HttpServletRequest request) {
        NrrpProjectId id = NrrpProject.idOf(body.cup(), body.localProjectCode(), body.measure());
        Dispatched d = dispatcher.send(new RegisterNrrpProject(id, body.cup().strip(), body.localProjectCode().strip(), body.measure().strip(),
                body.title().strip(), body.currency()), contexts.resolve(request));
        return CommandResponse.created(d, "/api/nrrp/projects/" + id, Map.of("projectId", id.value()));
    }

    @PostMapping("/projects/{projectId}/allocations")
    @Operation(summary = "Record NRRP money granted to the project by a decree or act")
    public ResponseEntity<Map<String, Object>> allocate(@PathVariable String projectId, @Valid @RequestBody AllocateRequest body,
                                                        HttpServletRequest request) {
        NrrpProjectId id = NrrpProjectId.of(projectId);
        String allocationId = Ids.orNew(body.allocationId(), "allocation");
        Dispatched d = dispatcher.send(new AllocateNrrpFunds(id, allocationId, body.amount().toMoney(), body.grantingAct(), body.grantedOn()),
                contexts.resolve(request));
        return CommandResponse.created(d, "/api/nrrp/projects/" + id, Map.of("projectId", id.value(), "allocationId", allocationId));
    }

    @PostMapping("/projects/{projectId}/commitments")
    @Operation(summary = "Record a legal commitment (contract with CIG), never beyond the allocation")
    public ResponseEntity<Map<String, Object>> commit(@PathVariable String projectId, @Valid @RequestBody CommitRequest body,
                                                      HttpServletRequest request) {
        NrrpProjectId id = NrrpProjectId.of(projectId);
        String commitmentId = Ids.orNew(body.commitmentId(), "commitment");
        Dispatched d = dispatcher.send(new EnterNrrpCommitment(id, commitmentId, body.cig(), body.counterparty(), body.amount().toMoney(),
                body.signedOn()), contexts.resolve(request));
        return CommandResponse.created(d, "/api/nrrp/projects/" + id, Map.of("projectId", id.value(), "commitmentId", commitmentId));
    }

    @PostMapping("/projects/{projectId}/expenditure-reports")
    @Operation(summary = "Record expenditure reported to the national monitoring system for a period (yyyy-MM or yyyy-Qn)")
    public ResponseEntity<Map<String, Object>> report(@PathVariable String projectId, @Valid @RequestBody ReportExpenditureRequest body,
                                                      HttpServletRequest request) {
        NrrpProjectId id = NrrpProjectId.of(projectId);
        String reportId = Ids.orNew(body.reportId(), "report");
        dates.requirePeriod(body.period(), "period");
        Dispatched d = dispatcher.send(new ReportNrrpExpenditure(id, reportId, body.period(), body.amount().toMoney(), body.reportedOn()),
                contexts.resolve(request));
        return CommandResponse.created(d, "/api/nrrp/projects/" + id, Map.of("projectId", id.value(), "reportId", reportId));
    }

    @PostMapping("/projects/{projectId}/targets")
    @Operation(summary = "Set a target of the measure, counted from a contract's verified outcomes of the given metrics")
    public ResponseEntity<Map<String, Object>> target(@PathVariable String projectId, @Valid @RequestBody SetTargetRequest body,
                                                      HttpServletRequest request) {
        NrrpProjectId id = NrrpProjectId.of(projectId);
        String targetId = Ids.orNew(body.targetId(), "target");
        Dispatched d = dispatcher.send(new SetNrrpTarget(id, targetId, body.description(), body.quantity(), body.dueDate(),
                ContractId.of(body.contractId()), body.metricCodes()), contexts.resolve(request));
        return CommandResponse.created(d, "/api/nrrp/projects/" + id, Map.of("projectId", id.value(), "targetId", targetId));
    }

    /**
     * Imports a bank statement file: camt.053 XML ({@code ?format=camt053}, or a {@code Content-Type}
     * naming xml) or the simple CSV ({@code ?format=csv}, or {@code text/csv}). The whole file is read
     * and checked first; only then is one command sent for all its statements, recorded in one unit
     * of work, so a refused file writes nothing. A statement imported before is a no-op.
     */
    @PostMapping("/bank-statements")
    @Operation(summary = "Import a bank statement (camt.053 XML or CSV); every entry becomes an event; re-import changes nothing")
    public ResponseEntity<Map<String, Object>> importStatement(@RequestParam(required = false) String format,
                                                               @RequestHeader(value = "Content-Type", required = false) String contentType,
                                                               HttpServletRequest request) throws IOException {
        boolean csv = isCsv(format, contentType);
        List<ParsedStatement> statements;
        try (InputStream in = request.getInputStream()) {
            statements = csv ? StatementCsvParser.parse(in, dates) : Camt053Parser.parse(in, dates);
        }
        List<ImportBankStatement> commands = new ArrayList<>();
        List<Map<String, Object>> imported = new ArrayList<>();
        for (ParsedStatement s : statements) {
            commands.add(new ImportBankStatement(BankStatementId.of(s.statementId()), s.account(), s.currency(), s.format(), s.entries()));
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("statementId", s.statementId());
            one.put("entries", s.entries().size());
            imported.add(one);
        }
        // one command for the whole file: its statements are recorded in one unit of work, or none is
        Dispatched d = dispatcher.send(new ImportBankStatements(commands), contexts.resolve(request));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("format", csv ? StatementCsvParser.FORMAT : Camt053Parser.FORMAT);
        body.put("statements", imported);
        return CommandResponse.ok(d, body);
    }

    /**
     * Imports the plan's reference list of measures for one plan revision (CSV: mission, component,
     * measure, subMeasure, amount; Italian numbers, N/D for missing). Every row is read and checked
     * against the taxonomy first; one unreadable row refuses the file, naming its line. Importing the
     * same list again is a no-op.
     */
    @PostMapping("/plans/{planId}/measures")
    @Operation(summary = "Import the plan's reference list of measures (CSV); re-import changes nothing")
    public ResponseEntity<Map<String, Object>> importMeasures(@PathVariable String planId,
                                                              @RequestParam(required = false, defaultValue = "EUR") String currency,
                                                              HttpServletRequest request) throws IOException {
        NrrpPlanId id = NrrpPlanId.of(planId);
        String validCurrency = Money.validCurrency(currency, "currency");
        List<NrrpPlanMeasure> measures;
        try (InputStream in = request.getInputStream()) {
            measures = MeasureListCsvParser.parse(in, validCurrency);
        }
        Dispatched d = dispatcher.send(new ImportNrrpMeasureList(id, measures), contexts.resolve(request));
        return CommandResponse.ok(d, Map.of("planId", id.value(), "measures", measures.size()));
    }

    @PostMapping("/bank-statements/{statementId}/entries/{entryReference}/match")
    @Operation(summary = "Match a bank entry by hand to a ledger payment (its event id), with a reason")
    public ResponseEntity<Map<String, Object>> match(@PathVariable String statementId, @PathVariable String entryReference,
                                                     @Valid @RequestBody MatchRequest body, HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        Dispatched d;
        // one manual match at a time, each checked against a reconciliation that has read every event stored
        // before it (the previous match's included): two matches of one payment from two statements, sent
        // together, were both recorded, and the report kept only one of them
        synchronized (matching) {
            awaitReconciliation();
            FindNrrpPayment.Payment payment = requireKnownPayment(body.paymentEventId(), true);
            requireUnmatchedElsewhere(statementId, entryReference, payment);
            d = dispatcher.send(new MatchBankEntry(BankStatementId.of(statementId), entryReference, payment.eventId(),
                    payment.currency(), body.reason(), context.principal()), context);
        }
        return CommandResponse.ok(d, Map.of("statementId", statementId, "entryReference", entryReference, "paymentEventId", body.paymentEventId()));
    }

    @PostMapping("/bank-statements/{statementId}/entries/{entryReference}/unmatch")
    @Operation(summary = "Undo a manual match, or reject an automatic one, with a reason")
    public ResponseEntity<Map<String, Object>> unmatch(@PathVariable String statementId, @PathVariable String entryReference,
                                                       @Valid @RequestBody MatchRequest body, HttpServletRequest request) {
        RequestContext context = contexts.resolve(request);
        requireKnownPayment(body.paymentEventId(), false);
        Dispatched d = dispatcher.send(new UnmatchBankEntry(BankStatementId.of(statementId), entryReference, body.paymentEventId(),
                body.reason(), context.principal()), context);
        return CommandResponse.ok(d, Map.of("statementId", statementId, "entryReference", entryReference, "paymentEventId", body.paymentEventId()));
    }

    /**
     * A bank entry can be matched only to a ledger payment the reconciliation knows: the event id of
     * an NRRP-funded payment (404 naming {@code paymentEventId} otherwise), and not one refunded since
     * (409). Unmatching names a payment too, so the same id rule applies; a refunded payment may be
     * unmatched.
     */
    private FindNrrpPayment.Payment requireKnownPayment(String paymentEventId, boolean matching) {
        List<FindNrrpPayment.Payment> found = queries.list(new FindNrrpPayment(paymentEventId.strip()), FindNrrpPayment.Payment.class);
        if (found.isEmpty()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "paymentEventId", "no NRRP-funded ledger payment has event id " + paymentEventId.strip()
                    + "; use an event id the reconciliation report lists for a payment");
        }
        if (matching && found.get(0).refunded()) {
            throw new DomainException(ErrorCode.INVALID_STATE, "paymentEventId", "payment " + found.get(0).reference()
                    + " was refunded; a refunded payment cannot be matched to a bank entry");
        }
        return found.get(0);
    }

    /**
     * A manual match pairs an entry and a payment that are both free, or already paired with each
     * other: a payment that another entry confirms (by bank reference, by CUP, amount and date, or by
     * hand on any statement), or an entry that confirms another payment, is refused with 409 naming
     * that match and the unmatch that undoes it, so that no match is silently taken away. Which
     * entry confirms a payment is a function of the whole ledger that only the reconciliation read
     * model evaluates, so it is asked here, as the payment itself is; the statement's own manual
     * matches are also checked by the {@code BankStatement} aggregate. An entry the read model knows
     * as a credit, or in another currency than the payment, is left to the aggregate, which refuses
     * it for that reason whatever the payment's matches (the officer is told the real obstacle first,
     * not asked to undo a match for a pairing that can never be made).
     */
    private void requireUnmatchedElsewhere(String statementId, String entryReference, FindNrrpPayment.Payment payment) {
        FindNrrpBankMatches.Answer answer = queries.one(new FindNrrpBankMatches(statementId, entryReference, payment.eventId()),
                FindNrrpBankMatches.Answer.class, "bank matches of entry", statementId + "/" + entryReference);
        if (answer.entryDirection() != null
                && (!BankEntry.DEBIT.equals(answer.entryDirection()) || !payment.currency().equals(answer.entryCurrency()))) {
            return;
        }
        for (FindNrrpBankMatches.Match m : answer.matches()) {
            boolean thisEntry = m.statementId().equals(statementId) && m.entryReference().equals(entryReference);
            if (m.paymentEventId().equals(payment.eventId()) && !thisEntry) {
                throw new DomainException(ErrorCode.INVALID_STATE, "paymentEventId", "payment " + payment.reference() + " (event "
                        + payment.eventId() + ") is matched to bank entry " + m.statementId() + "/" + m.entryReference() + " by " + m.rule()
                        + "; a payment is confirmed by one bank entry: undo that match first (POST " + entryPath(m)
                        + "/unmatch with this paymentEventId and a reason)");
            }
        }
        for (FindNrrpBankMatches.Match m : answer.matches()) {
            boolean thisEntry = m.statementId().equals(statementId) && m.entryReference().equals(entryReference);
            if (thisEntry && !m.paymentEventId().equals(payment.eventId())) {
                List<FindNrrpPayment.Payment> other = queries.list(new FindNrrpPayment(m.paymentEventId()), FindNrrpPayment.Payment.class);
                String name = other.isEmpty() ? m.paymentEventId() : other.get(0).reference();
                throw new DomainException(ErrorCode.INVALID_STATE, "entryReference", "bank entry " + statementId + "/" + entryReference
                        + " is matched to payment " + name + " (event " + m.paymentEventId() + ") by " + m.rule()
                        + "; an entry confirms one payment: undo that match first (POST " + entryPath(m) + "/unmatch with paymentEventId "
                        + m.paymentEventId() + " and a reason)");
            }
        }
    }

    /** Waits until the NRRP read model has read every event stored so far; a 409 to retry if it lags by more than 10 s. */
    private void awaitReconciliation() {
        if (!readModels.awaitProcessed(NRRP_READ_MODEL, readModels.headIndex(), MATCH_WAIT)) {
            throw new DomainException(ErrorCode.INVALID_STATE, "paymentEventId", "the reconciliation has not yet read the latest events"
                    + " (read model " + NRRP_READ_MODEL + " is behind), so a manual match cannot be checked against the others now; retry");
        }
    }

    private static String entryPath(FindNrrpBankMatches.Match m) {
        return "/api/nrrp/bank-statements/" + m.statementId() + "/entries/" + m.entryReference();
    }

    private static boolean isCsv(String format, String contentType) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "camt053", "camt.053", "xml" -> false;
                default -> throw DomainException.invalid("format", "format must be camt053 or csv, was '" + format + "'");
            };
        }
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("csv");
    }
}
