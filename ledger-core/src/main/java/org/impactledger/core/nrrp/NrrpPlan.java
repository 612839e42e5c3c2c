package org.impactledger.core.nrrp;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.impactledger.core.nrrp.command.ImportNrrpMeasureList;
import org.impactledger.core.nrrp.event.NrrpMeasureListed;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpPlanId;
import org.impactledger.core.taxonomy.NrrpComponent;
import org.impactledger.core.taxonomy.NrrpMeasure;
import org.impactledger.core.taxonomy.NrrpMission;

/**
 * One revision of the NRRP plan's reference list of measures, as the national open data publishes
 * it. Each row is validated against the taxonomy (mission, component, measure code, and that they
 * agree) and becomes an event; the same list imported again records nothing, because rows are keyed
 * by their canonical code. A row that comes back with another amount is refused: a new revision of
 * the plan is a new plan id, so what a report once read from a revision never changes.
 */
public class NrrpPlan {

    @AggregateIdentifier
    private NrrpPlanId planId;
    /** Canonical code → amount (null: N/D), to tell a re-import from a conflicting one. */
    private Map<String, Money> listed = new HashMap<>();

    /** For the framework (event sourcing, snapshots and create-if-missing). */
    public NrrpPlan() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ImportNrrpMeasureList command) {
        if (command.planId() == null) {
            throw DomainException.invalid("planId", "planId is required");
        }
        if (command.measures() == null || command.measures().isEmpty()) {
            throw DomainException.invalid("measures", "the list needs at least one measure");
        }
        List<NrrpMeasureListed> fresh = new ArrayList<>();
        Map<String, Money> seen = new HashMap<>();
        for (int i = 0; i < command.measures().size(); i++) {
            String field = "measures[" + i + "]";
            NrrpPlanMeasure row = command.measures().get(i);
            if (row == null) {
                throw DomainException.invalid(field, field + " is required");
            }
            NrrpMission mission = NrrpMission.of(row.mission(), field + ".mission");
            NrrpComponent component = NrrpComponent.of(row.component(), field + ".component");
            NrrpMeasure measure = NrrpMeasure.parse(row.measure(), field + ".measure");
            if (measure.nrrpMission() != mission || measure.nrrpComponent() != component) {
                throw DomainException.invalid(field + ".measure", "measure " + measure + " belongs to " + measure.component()
                        + ", not to the row's mission " + mission.code() + " and component " + component.code());
            }
            if (row.amount() != null && row.amount().isNegative()) {
                throw DomainException.invalid(field + ".amount", field + ".amount must not be negative, was " + row.amount());
            }
            String code = measure.toString();
            if (seen.containsKey(code) && !Objects.equals(seen.get(code), row.amount())) {
                throw DomainException.invalid(field + ".measure", "measure " + code + " appears twice in the list with different amounts");
            }
            if (listed.containsKey(code) && !Objects.equals(listed.get(code), row.amount())) {
                throw new DomainException(ErrorCode.INVALID_STATE, field + ".amount", "measure " + code + " is listed in plan " + planId
                        + " with amount " + listed.get(code) + "; a new revision of the plan needs a new plan id");
            }
            if (!listed.containsKey(code) && !seen.containsKey(code)) {
                fresh.add(new NrrpMeasureListed(command.planId(), code, measure.uniqueCode(), mission.code(), component.code(), row.amount()));
            }
            seen.put(code, row.amount());
        }
        fresh.forEach(e -> apply(e));
    }

    @EventSourcingHandler
    void on(NrrpMeasureListed event) {
        planId = event.planId();
        listed.put(event.measure(), event.amount());
    }

    public int size() {
        return listed.size();
    }
}
