package org.impactledger.core.nrrp;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.impactledger.core.nrrp.command.AllocateNrrpFunds;
import org.impactledger.core.nrrp.command.EnterNrrpCommitment;
import org.impactledger.core.nrrp.command.RegisterNrrpProject;
import org.impactledger.core.nrrp.command.ReportNrrpExpenditure;
import org.impactledger.core.nrrp.command.SetNrrpTarget;
import org.impactledger.core.nrrp.event.NrrpCommitmentEntered;
import org.impactledger.core.nrrp.event.NrrpExpenditureReported;
import org.impactledger.core.nrrp.event.NrrpFundsAllocated;
import org.impactledger.core.nrrp.event.NrrpProjectRegistered;
import org.impactledger.core.nrrp.event.NrrpTargetSet;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.Identifier;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpProjectId;
import org.impactledger.core.taxonomy.Cig;
import org.impactledger.core.taxonomy.Cup;
import org.impactledger.core.taxonomy.NrrpMeasure;

/**
 * One local NRRP project of the city, keyed by CUP, local project code and sub-measure (a CUP can
 * cover several local projects): what was granted to it, what the city legally committed, what it
 * reported to the national monitoring system, and the targets of its measure.
 *
 * <p>Rules, and why:
 * <ul>
 *   <li>A legal commitment may not take the total committed beyond the total allocated
 *       ({@code LIMIT_EXCEEDED}): an Italian authority may not sign a contract without financial
 *       cover, so a commitment beyond the grant is an input error to stop, not a fact to record.</li>
 *   <li>Reported expenditure is <em>not</em> limited by the allocation or by what was paid: it
 *       records what the city told the monitoring system, right or wrong, so that the
 *       reconciliation can show where it disagrees with payments and the bank.</li>
 *   <li>Every amount is in the project's currency; ids of allocations, commitments, reports and
 *       targets are unique within the project.</li>
 * </ul>
 * Payments are not recorded here: they are the Outcome Fund's (and Homes4All's) money movements,
 * tied to the project by the CUP and measure they carry; the reconciliation read model joins them.
 */
public class NrrpProject {

    static final int MAX_TEXT = 200;
    private static final Pattern LOCAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,19}");
    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-((0[1-9]|1[0-2])|Q[1-4])");

    @AggregateIdentifier
    private NrrpProjectId projectId;
    private String cup;
    private String measure;
    private String currency;
    private Money allocated;
    private Money committed;
    private Set<String> ids = new HashSet<>();

    /** For the framework (event sourcing and snapshots). */
    protected NrrpProject() {
    }

    /**
     * The project key: the CUP (canonical, upper case), the local project code and the sub-measure
     * code (a measure given without a sub-measure counts as sub-measure 00, as national open data
     * writes it).
     */
    public static NrrpProjectId idOf(String cup, String localProjectCode, String measure) {
        Cup validCup = Cup.parse(cup, "cup");
        String local = localCode(localProjectCode);
        return NrrpProjectId.of(validCup.value() + ":" + local + ":" + subMeasure(measure).subMeasureCode());
    }

    private static NrrpMeasure subMeasure(String measure) {
        NrrpMeasure parsed = NrrpMeasure.parse(measure, "measure");
        return parsed.subMeasure() != null ? parsed
                : new NrrpMeasure(parsed.mission(), parsed.component(), parsed.kind(), parsed.number(), parsed.subNumber(), 0);
    }

    private static String localCode(String raw) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.invalid("localProjectCode", "localProjectCode is required");
        }
        String local = raw.strip();
        if (!LOCAL_CODE.matcher(local).matches()) {
            throw DomainException.invalid("localProjectCode",
                    "localProjectCode must be 1-20 letters, digits, '.', '_' or '-', starting with a letter or digit; was '" + raw + "'");
        }
        return local;
    }

    @CommandHandler
    public NrrpProject(RegisterNrrpProject command) {
        required(command.projectId(), "projectId");
        NrrpProjectId expected = idOf(command.cup(), command.localProjectCode(), command.measure());
        if (!expected.equals(command.projectId())) {
            throw DomainException.invalid("projectId", "projectId must be CUP:localProjectCode:subMeasureCode, " + expected
                    + "; was " + command.projectId());
        }
        requireText(command.title(), "title");
        String currency = Money.validCurrency(command.currency(), "currency");
        apply(new NrrpProjectRegistered(expected, Cup.parse(command.cup(), "cup").value(), command.localProjectCode().strip(),
                subMeasure(command.measure()).subMeasureCode(), command.title().strip(), currency));
    }

    @CommandHandler
    public void handle(AllocateNrrpFunds command) {
        String allocationId = newId(command.allocationId(), "allocationId");
        Money amount = amount(command.amount(), "amount");
        requireText(command.grantingAct(), "grantingAct");
        required(command.grantedOn(), "grantedOn");
        apply(new NrrpFundsAllocated(projectId, cup, measure, allocationId, amount, command.grantingAct().strip(), command.grantedOn()));
    }

    @CommandHandler
    public void handle(EnterNrrpCommitment command) {
        String commitmentId = newId(command.commitmentId(), "commitmentId");
        Cig cig = Cig.parse(command.cig(), "cig");
        requireText(command.counterparty(), "counterparty");
        Money amount = amount(command.amount(), "amount");
        required(command.signedOn(), "signedOn");
        Money after = committed.plus(amount);
        if (after.greaterThan(allocated)) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "amount", "commitment of " + amount + " would take the committed total to "
                    + after + ", beyond the " + allocated + " allocated to project " + projectId
                    + ": a legal commitment needs financial cover, so allocate first");
        }
        apply(new NrrpCommitmentEntered(projectId, cup, measure, commitmentId, cig.value(), command.counterparty().strip(), amount,
                command.signedOn()));
    }

    @CommandHandler
    public void handle(ReportNrrpExpenditure command) {
        String reportId = newId(command.reportId(), "reportId");
        String period = command.period() == null ? null : command.period().strip();
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw DomainException.invalid("period", "period must be a month (yyyy-MM) or a quarter (yyyy-Qn); was "
                    + (command.period() == null ? "missing" : "'" + command.period() + "'"));
        }
        Money amount = amount(command.amount(), "amount");
        required(command.reportedOn(), "reportedOn");
        apply(new NrrpExpenditureReported(projectId, cup, measure, reportId, period, amount, command.reportedOn()));
    }

    @CommandHandler
    public void handle(SetNrrpTarget command) {
        String targetId = newId(command.targetId(), "targetId");
        requireText(command.description(), "description");
        BigDecimal quantity = required(command.quantity(), "quantity");
        if (quantity.signum() <= 0) {
            throw DomainException.invalid("quantity", "quantity must be positive; was " + quantity.toPlainString());
        }
        required(command.dueDate(), "dueDate");
        required(command.contractId(), "contractId");
        if (command.metricCodes() == null || command.metricCodes().isEmpty()) {
            throw DomainException.invalid("metricCodes", "at least one outcome metric code is required");
        }
        List<String> metrics = new ArrayList<>();
        for (int i = 0; i < command.metricCodes().size(); i++) {
            String code = command.metricCodes().get(i);
            requireText(code, "metricCodes[" + i + "]");
            if (!metrics.contains(code.strip())) {
                metrics.add(code.strip());
            }
        }
        apply(new NrrpTargetSet(projectId, cup, measure, targetId, command.description().strip(), quantity, command.dueDate(),
                command.contractId(), List.copyOf(metrics)));
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(NrrpProjectRegistered event) {
        projectId = event.projectId();
        cup = event.cup();
        measure = event.measure();
        currency = event.currency();
        allocated = Money.zero(currency);
        committed = Money.zero(currency);
    }

    @EventSourcingHandler
    void on(NrrpFundsAllocated event) {
        ids.add(event.allocationId());
        allocated = allocated.plus(event.amount());
    }

    @EventSourcingHandler
    void on(NrrpCommitmentEntered event) {
        ids.add(event.commitmentId());
        committed = committed.plus(event.amount());
    }

    @EventSourcingHandler
    void on(NrrpExpenditureReported event) {
        ids.add(event.reportId());
    }

    @EventSourcingHandler
    void on(NrrpTargetSet event) {
        ids.add(event.targetId());
    }

    // ---------------------------------------------------------------- checks

    /** Ids of allocations, commitments, reports and targets share one namespace: each names one fact of the project. */
    private String newId(String id, String field) {
        Identifier.requireValid(id, field);
        if (ids.contains(id)) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, field, field + " " + id + " already exists in project " + projectId);
        }
        return id;
    }

    private Money amount(Money amount, String field) {
        return required(amount, field).requirePositive(field).requireCurrency(currency, field);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        return value;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        if (value.length() > MAX_TEXT) {
            throw DomainException.invalid(field, field + " must be at most " + MAX_TEXT + " characters");
        }
    }

    // ---------------------------------------------------------------- read access for tests

    public Money allocated() {
        return allocated;
    }

    public Money committed() {
        return committed;
    }
}
