package org.impactledger.core.nrrp;

import static org.impactledger.core.shared.Refusal.refusal;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.impactledger.core.nrrp.command.ImportNrrpMeasureList;
import org.impactledger.core.nrrp.event.NrrpMeasureListed;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpPlanId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Importing the plan's reference list of measures: validated rows become events, once. */
class NrrpPlanTest {

    private static final NrrpPlanId PLAN = NrrpPlanId.of("PNRR-2023-12");
    private static final NrrpPlanMeasure HOUSING_FIRST = new NrrpPlanMeasure("M5", "M5C2", "M5C2I1.3", Money.of("450000000.00", "EUR"));
    private static final NrrpPlanMeasure SUB = new NrrpPlanMeasure("M5", "M5C2", "M5C2I1.03.01", null);

    private FixtureConfiguration<NrrpPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NrrpPlan.class);
    }

    private static NrrpMeasureListed listed(String measure, String amount) {
        return new NrrpMeasureListed(PLAN, measure, "M5C2I1.03", "M5", "M5C2", amount == null ? null : Money.of(amount, "EUR"));
    }

    @Test
    void lists_each_measure_and_sub_measure_in_canonical_form_with_n_d_as_no_amount() {
        fixture.givenNoPriorActivity()
                .when(new ImportNrrpMeasureList(PLAN, List.of(HOUSING_FIRST, SUB)))
                .expectEvents(listed("M5C2I1.3", "450000000.00"), listed("M5C2I1.03.01", null));
    }

    @Test
    void importing_the_same_list_again_records_nothing() {
        fixture.given(listed("M5C2I1.3", "450000000.00"), listed("M5C2I1.03.01", null))
                .when(new ImportNrrpMeasureList(PLAN, List.of(new NrrpPlanMeasure("M5", "M5C2", "M5C2I1.03", Money.of("450000000.00", "EUR")), SUB)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refuses_a_measure_listed_before_with_another_amount() {
        fixture.given(listed("M5C2I1.3", "450000000.00"))
                .when(new ImportNrrpMeasureList(PLAN, List.of(new NrrpPlanMeasure("M5", "M5C2", "M5C2I1.3", Money.of("1.00", "EUR")))))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.INVALID_STATE, "measures[0].amount", "measure M5C2I1.3 is listed in plan PNRR-2023-12 with"
                        + " amount 450000000.00 EUR; a new revision of the plan needs a new plan id"));
    }

    @Test
    void refuses_a_row_whose_measure_is_not_in_its_component() {
        fixture.givenNoPriorActivity()
                .when(new ImportNrrpMeasureList(PLAN, List.of(new NrrpPlanMeasure("M5", "M5C1", "M5C2I1.3", null))))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.INVALID_VALUE, "measures[0].measure",
                        "measure M5C2I1.3 belongs to M5C2, not to the row's mission M5 and component M5C1"));
    }
}
