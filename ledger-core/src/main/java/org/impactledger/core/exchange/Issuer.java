package org.impactledger.core.exchange;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.impactledger.core.exchange.Checks.required;
import static org.impactledger.core.exchange.Checks.requireAmount;
import static org.impactledger.core.exchange.Checks.requireNotBefore;
import static org.impactledger.core.exchange.Checks.requireText;
import static org.impactledger.core.exchange.Checks.samePrincipal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.impactledger.core.exchange.command.AdmitIssuer;
import org.impactledger.core.exchange.command.DepositIssuerCash;
import org.impactledger.core.exchange.command.ReinstateIssuer;
import org.impactledger.core.exchange.command.RejectIssuerOutcome;
import org.impactledger.core.exchange.command.ReportIssuerOutcome;
import org.impactledger.core.exchange.command.SuspendIssuer;
import org.impactledger.core.exchange.command.VerifyIssuerOutcome;
import org.impactledger.core.exchange.command.WithdrawIssuerCash;
import org.impactledger.core.exchange.event.IncomeFunded;
import org.impactledger.core.exchange.event.IncomePaid;
import org.impactledger.core.exchange.event.IssuerAdmitted;
import org.impactledger.core.exchange.event.IssuerCashDeposited;
import org.impactledger.core.exchange.event.IssuerCashWithdrawn;
import org.impactledger.core.exchange.event.IssuerOutcomeRejected;
import org.impactledger.core.exchange.event.IssuerOutcomeReported;
import org.impactledger.core.exchange.event.IssuerOutcomeVerified;
import org.impactledger.core.exchange.event.IssuerReinstated;
import org.impactledger.core.exchange.event.IssuerSuspended;
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.exchange.event.OfferingProceedsReceived;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.taxonomy.SdgTarget;

/**
 * A social enterprise admitted to the Social Impact Stock Exchange: its standing (suspended or
 * not), its SDG focus, the outcomes it reports, and its cash on the exchange.
 *
 * <p><b>Outcomes.</b> An issuer reports outcomes against the SDG targets of its focus; an
 * independent verifier (any principal but the reporter: four eyes) verifies all or part of the
 * quantity, or rejects the outcome. Only verified quantities count towards the holders' portfolio
 * impact ({@link PortfolioImpact}). Reporting and verification go on while the issuer is suspended:
 * suspension stops trading, not accountability.
 *
 * <p><b>Cash.</b> The issuer's cash account lives here, not in an {@link Account}: it receives the
 * proceeds of primary offerings and pays coupons and dividends, both decided by an
 * {@link Instrument} through {@link Settlement} in one unit of work with the investors' accounts;
 * the issuer tops it up and draws it down by bank transfer. It never goes negative.
 *
 * <p>State is held in plain fields and changed only in the {@code @EventSourcingHandler}s, so that
 * the aggregate can be snapshotted by field.
 */
public class Issuer {

    private static final Pattern METRIC_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,39}");
    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?");
    private static final int QUANTITY_DECIMALS = 2;

    @AggregateIdentifier
    private IssuerId issuerId;
    private String name;
    private String currency;
    /** Canonical SDG target codes, in the order given at admission. */
    private List<String> sdgFocus;
    private LocalDate admittedOn;
    private boolean suspended;
    /** The date of the last admission, suspension or reinstatement: the next change may not be dated before it. */
    private LocalDate standingSince;
    private Money cash;
    /** By outcome id. */
    private Map<String, IssuerOutcome> outcomes = new HashMap<>();

    /** For the framework (event sourcing and snapshots). */
    protected Issuer() {
    }

    // ---------------------------------------------------------------- admission and standing

    @CommandHandler
    public Issuer(AdmitIssuer command) {
        required(command.issuerId(), "issuerId");
        requireText(command.name(), "name");
        Money.validCurrency(command.currency(), "currency");
        List<String> focus = requireFocus(command.sdgFocus());
        required(command.admittedOn(), "admittedOn");
        apply(new IssuerAdmitted(command.issuerId(), command.name(), command.currency(), focus, command.admittedOn()));
    }

    @CommandHandler
    public void handle(SuspendIssuer command) {
        if (suspended) {
            throw DomainException.state("issuer " + issuerId + " is already suspended since " + standingSince);
        }
        requireText(command.reason(), "reason");
        required(command.suspendedOn(), "suspendedOn");
        requireNotBefore(command.suspendedOn(), standingSince, "suspendedOn", "when the standing of issuer " + issuerId + " last changed");
        apply(new IssuerSuspended(issuerId, command.reason(), command.suspendedOn()));
    }

    @CommandHandler
    public void handle(ReinstateIssuer command) {
        if (!suspended) {
            throw DomainException.state("issuer " + issuerId + " is not suspended");
        }
        requireText(command.reason(), "reason");
        required(command.reinstatedOn(), "reinstatedOn");
        requireNotBefore(command.reinstatedOn(), standingSince, "reinstatedOn", "when issuer " + issuerId + " was suspended");
        apply(new IssuerReinstated(issuerId, command.reason(), command.reinstatedOn()));
    }

    // ---------------------------------------------------------------- outcomes

    @CommandHandler
    public void handle(ReportIssuerOutcome command) {
        required(command.outcomeId(), "outcomeId");
        if (outcomes.containsKey(command.outcomeId().value())) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "outcomeId",
                    "outcome " + command.outcomeId() + " was already reported by issuer " + issuerId);
        }
        requireText(command.metricCode(), "metricCode");
        if (!METRIC_CODE.matcher(command.metricCode()).matches()) {
            throw DomainException.invalid("metricCode", "metricCode '" + command.metricCode()
                    + "' must be 1-40 upper-case letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        String target = SdgTarget.parse(command.sdgTarget(), "sdgTarget").code();
        if (!sdgFocus.contains(target)) {
            throw DomainException.invalid("sdgTarget", "SDG target " + target + " is not in the SDG focus of issuer " + issuerId
                    + " (" + String.join(", ", sdgFocus) + ")");
        }
        requireQuantity(command.quantity(), "quantity");
        requireText(command.period(), "period");
        if (!PERIOD.matcher(command.period()).matches()) {
            throw DomainException.invalid("period", "period '" + command.period() + "' must be a year (2025), a month (2025-03) or a quarter (2025-Q1)");
        }
        requireText(command.reportedBy(), "reportedBy");
        apply(new IssuerOutcomeReported(issuerId, command.outcomeId(), command.metricCode(), target, command.quantity(), command.period(),
                command.reportedBy()));
    }

    @CommandHandler
    public void handle(VerifyIssuerOutcome command) {
        IssuerOutcome outcome = reported(command.outcomeId(), "verified");
        requireText(command.verifiedBy(), "verifiedBy");
        if (samePrincipal(command.verifiedBy(), outcome.reportedBy())) {
            throw new DomainException(ErrorCode.FOUR_EYES_VIOLATION, "verifiedBy",
                    command.verifiedBy() + " reported outcome " + outcome.outcomeId() + " and cannot also verify it");
        }
        requireQuantity(command.verifiedQuantity(), "verifiedQuantity");
        if (command.verifiedQuantity().compareTo(outcome.quantity()) > 0) {
            throw DomainException.invalid("verifiedQuantity", "verifiedQuantity " + command.verifiedQuantity().toPlainString()
                    + " exceeds the reported quantity " + outcome.quantity().toPlainString());
        }
        apply(new IssuerOutcomeVerified(issuerId, outcome.outcomeId(), command.verifiedQuantity(), command.note(), command.verifiedBy()));
    }

    @CommandHandler
    public void handle(RejectIssuerOutcome command) {
        IssuerOutcome outcome = reported(command.outcomeId(), "rejected");
        requireText(command.rejectedBy(), "rejectedBy");
        if (samePrincipal(command.rejectedBy(), outcome.reportedBy())) {
            throw new DomainException(ErrorCode.FOUR_EYES_VIOLATION, "rejectedBy",
                    command.rejectedBy() + " reported outcome " + outcome.outcomeId() + " and cannot also reject it");
        }
        requireText(command.reason(), "reason");
        apply(new IssuerOutcomeRejected(issuerId, outcome.outcomeId(), command.reason(), command.rejectedBy()));
    }

    // ---------------------------------------------------------------- cash

    @CommandHandler
    public void handle(DepositIssuerCash command) {
        Money amount = requireAmount(command.amount(), currency, "issuer " + issuerId + " keeps its cash in", "amount");
        requireText(command.bankReference(), "bankReference");
        required(command.valueDate(), "valueDate");
        apply(new IssuerCashDeposited(issuerId, amount, command.bankReference(), command.valueDate()));
    }

    @CommandHandler
    public void handle(WithdrawIssuerCash command) {
        Money amount = requireAmount(command.amount(), currency, "issuer " + issuerId + " keeps its cash in", "amount");
        requireText(command.bankReference(), "bankReference");
        required(command.valueDate(), "valueDate");
        if (amount.greaterThan(cash)) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "amount",
                    "withdrawal of " + amount + " exceeds the cash of issuer " + issuerId + ", " + cash);
        }
        apply(new IssuerCashWithdrawn(issuerId, amount, command.bankReference(), command.valueDate()));
    }

    // ---------------------------------------------------------------- called through Settlement

    /** What an instrument needs to know about the issuer. */
    public IssuerStanding standing() {
        return new IssuerStanding(issuerId, name, currency, admittedOn, suspended);
    }

    /** Credits the proceeds of a closed offering of one of the issuer's instruments. */
    public void receiveOfferingProceeds(OfferingClosed closing) {
        requireOwn(closing.issuerId());
        Money amount = requireAmount(closing.proceeds(), currency, "issuer " + issuerId + " keeps its cash in", "proceeds");
        apply(new OfferingProceedsReceived(issuerId, closing.instrumentId(), closing.offeringId(), amount, closing.closedOn()));
    }

    /**
     * Pays a coupon or dividend out of the issuer's cash. Refused with {@code LIMIT_EXCEEDED} on
     * {@code field} if the cash does not cover the total.
     */
    public void fundIncome(IncomePaid payment, String field) {
        requireOwn(payment.issuerId());
        Money amount = requireAmount(payment.amount(), currency, "issuer " + issuerId + " keeps its cash in", field);
        if (amount.greaterThan(cash)) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, field, "paying " + payment.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + payment.paymentId() + " of " + amount + " exceeds the cash of issuer " + issuerId + ", " + cash
                    + "; the issuer must deposit " + amount.minus(cash) + " first");
        }
        apply(new IncomeFunded(issuerId, payment.instrumentId(), payment.paymentId(), payment.kind(), amount, payment.paymentDate()));
    }

    // ---------------------------------------------------------------- read-only views

    public IssuerId issuerId() {
        return issuerId;
    }

    public boolean suspended() {
        return suspended;
    }

    public Money cash() {
        return cash;
    }

    public List<String> sdgFocus() {
        return List.copyOf(sdgFocus);
    }

    public Optional<IssuerOutcome> findOutcome(OutcomeId outcomeId) {
        return Optional.ofNullable(outcomes.get(outcomeId.value()));
    }

    /** Verified outcomes in outcome id order, as {@link PortfolioImpact} takes them. */
    public List<PortfolioImpact.VerifiedOutcome> verifiedOutcomes() {
        List<PortfolioImpact.VerifiedOutcome> verified = new ArrayList<>();
        outcomes.values().stream()
                .filter(o -> o.status() == IssuerOutcomeStatus.VERIFIED)
                .sorted(Comparator.comparing(o -> o.outcomeId().value()))
                .forEach(o -> verified.add(new PortfolioImpact.VerifiedOutcome(o.metricCode(), o.sdgTarget(), o.period(), o.verifiedQuantity())));
        return verified;
    }

    // ---------------------------------------------------------------- event sourcing handlers

    @EventSourcingHandler
    void on(IssuerAdmitted event) {
        issuerId = event.issuerId();
        name = event.name();
        currency = event.currency();
        sdgFocus = new ArrayList<>(event.sdgFocus());
        admittedOn = event.admittedOn();
        suspended = false;
        standingSince = event.admittedOn();
        cash = Money.zero(event.currency());
        outcomes = new HashMap<>();
    }

    @EventSourcingHandler
    void on(IssuerSuspended event) {
        suspended = true;
        standingSince = event.suspendedOn();
    }

    @EventSourcingHandler
    void on(IssuerReinstated event) {
        suspended = false;
        standingSince = event.reinstatedOn();
    }

    @EventSourcingHandler
    void on(IssuerOutcomeReported event) {
        outcomes.put(event.outcomeId().value(), new IssuerOutcome(event.outcomeId(), event.metricCode(), event.sdgTarget(), event.quantity(),
                event.period(), event.reportedBy(), IssuerOutcomeStatus.REPORTED, null, null, null));
    }

    @EventSourcingHandler
    void on(IssuerOutcomeVerified event) {
        outcomes.put(event.outcomeId().value(), outcomes.get(event.outcomeId().value()).verified(event.verifiedQuantity(), event.verifiedBy()));
    }

    @EventSourcingHandler
    void on(IssuerOutcomeRejected event) {
        outcomes.put(event.outcomeId().value(), outcomes.get(event.outcomeId().value()).rejected(event.rejectedBy()));
    }

    @EventSourcingHandler
    void on(IssuerCashDeposited event) {
        cash = cash.plus(event.amount());
    }

    @EventSourcingHandler
    void on(IssuerCashWithdrawn event) {
        cash = cash.minus(event.amount());
    }

    @EventSourcingHandler
    void on(OfferingProceedsReceived event) {
        cash = cash.plus(event.amount());
    }

    @EventSourcingHandler
    void on(IncomeFunded event) {
        cash = cash.minus(event.amount());
    }

    // ---------------------------------------------------------------- guards

    private static List<String> requireFocus(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw DomainException.invalid("sdgFocus", "sdgFocus must name at least one SDG target");
        }
        List<String> canonical = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String field = "sdgFocus[" + i + "]";
            String code = SdgTarget.parse(codes.get(i), field).code();
            if (canonical.contains(code)) {
                throw DomainException.invalid(field, "SDG target " + code + " appears more than once in sdgFocus");
            }
            canonical.add(code);
        }
        return List.copyOf(canonical);
    }

    private IssuerOutcome reported(OutcomeId outcomeId, String becoming) {
        required(outcomeId, "outcomeId");
        IssuerOutcome outcome = outcomes.get(outcomeId.value());
        if (outcome == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "outcomeId", "issuer " + issuerId + " has reported no outcome " + outcomeId);
        }
        if (outcome.status() != IssuerOutcomeStatus.REPORTED) {
            throw DomainException.state("outcome " + outcomeId + " is " + outcome.status() + "; only a REPORTED outcome can be " + becoming);
        }
        return outcome;
    }

    private void requireOwn(IssuerId other) {
        if (!issuerId.equals(other)) {
            throw DomainException.state("the movement is for issuer " + other + ", not " + issuerId);
        }
    }

    private static void requireQuantity(BigDecimal quantity, String field) {
        required(quantity, field);
        if (quantity.signum() <= 0) {
            throw DomainException.invalid(field, field + " must be positive, was " + quantity.toPlainString());
        }
        if (quantity.stripTrailingZeros().scale() > QUANTITY_DECIMALS) {
            throw DomainException.invalid(field, field + " " + quantity.toPlainString() + " has more than " + QUANTITY_DECIMALS + " decimals");
        }
    }
}
