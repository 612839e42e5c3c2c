package org.impactledger.projections.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.projections.state.LedgerHistory.CONTRACT;
import static org.impactledger.projections.state.LedgerHistory.FUND;
import static org.impactledger.projections.state.LedgerHistory.SECOND_CONTRACT;

import java.util.ArrayList;
import java.util.List;
import org.impactledger.core.contract.query.FindContract;
import org.impactledger.core.contract.query.ListContracts;
import org.impactledger.core.contract.query.ListOutcomes;
import org.impactledger.core.contract.query.ListPayments;
import org.impactledger.core.fund.query.FindFund;
import org.impactledger.core.fund.query.FindFundBudgets;
import org.impactledger.core.fund.query.FindFundInvestors;
import org.impactledger.core.fund.query.ListFunds;
import org.junit.jupiter.api.Test;

/**
 * The migration and every statement are portable: on H2 in PostgreSQL mode (the embedded default)
 * the same history answers every query exactly as on PostgreSQL, and the same event twice changes
 * nothing there either.
 */
class PostgresAndH2Test {

    @Test
    void the_same_history_gives_the_same_answers_on_h2_as_on_postgresql() {
        List<Recorded> events = LedgerHistory.outcomeFund().closed(SECOND_CONTRACT, "2026-12-31").events();
        StateViews postgres = new StateViews(TestDatabases.postgres());
        postgres.reset();
        postgres.applyAll(events);
        StateViews h2 = new StateViews(TestDatabases.h2("proj_state_portable"));
        h2.applyAll(events);

        List<Object> onPostgres = answers(postgres);
        assertThat(onPostgres).doesNotContainNull();
        assertThat(answers(h2)).isEqualTo(onPostgres);

        h2.applyAll(events);
        assertThat(answers(h2)).isEqualTo(onPostgres);
    }

    private static List<Object> answers(StateViews views) {
        List<Object> answers = new ArrayList<>();
        answers.add(views.fundQueries.handle(new FindFund(FUND)));
        answers.add(views.fundQueries.handle(new ListFunds(0, 10)));
        answers.add(views.fundQueries.handle(new FindFundInvestors(FUND)));
        answers.add(views.fundQueries.handle(new FindFundBudgets(FUND)));
        answers.add(views.contractQueries.handle(new FindContract(CONTRACT)));
        answers.add(views.contractQueries.handle(new ListContracts(null, 0, 10)));
        answers.add(views.contractQueries.handle(new ListOutcomes(CONTRACT, null, 0, 10)));
        answers.add(views.contractQueries.handle(new ListOutcomes(SECOND_CONTRACT, "approved", 0, 10)));
        answers.add(views.contractQueries.handle(new ListPayments(FUND, 0, 10)));
        return answers;
    }
}
