package org.impactledger.projections.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.projections.payments.FindPaymentChain;
import org.impactledger.projections.payments.ListOutcomePayments;
import org.impactledger.projections.performance.FindFundPerformance;
import org.impactledger.projections.performance.FindInvestorPerformance;
import org.impactledger.projections.sdg.SdgImpactQuery;
import org.impactledger.projections.state.LedgerHistory;
import org.junit.jupiter.api.Test;

/**
 * The report migrations and every report statement are portable: on H2 in PostgreSQL mode (the
 * embedded default) the same history answers every report query exactly as on PostgreSQL, also
 * when asked as of a date and as known at a moment, and the same events twice change nothing.
 */
class ReportsOnPostgresAndH2Test {

    @Test
    void the_same_history_gives_the_same_reports_on_h2_as_on_postgresql() {
        // with FastReportsTest's re-approvals: o-7's approval back-dated before its first one has no business date in the list
        List<TrackedEventMessage<?>> events = FastReportsTest.history().events();
        ReportViews postgres = new ReportViews(ReportDatabases.postgres());
        postgres.reset();
        postgres.applyAll(events);
        ReportViews h2 = new ReportViews(ReportDatabases.h2("proj_reports_portable"));
        h2.applyAll(events);

        List<Object> onPostgres = answers(postgres, events);
        assertThat(onPostgres).doesNotContainNull();
        assertThat(answers(h2, events)).isEqualTo(onPostgres);

        h2.applyAll(events);
        assertThat(answers(h2, events)).isEqualTo(onPostgres);
    }

    private static List<Object> answers(ReportViews views, List<TrackedEventMessage<?>> events) {
        List<Object> answers = new ArrayList<>();
        Instant middle = events.get(events.size() / 2).getTimestamp();
        for (TimeTravel time : List.of(new TimeTravel(null, Instant.parse("2030-01-01T00:00:00Z")),
                new TimeTravel(LocalDate.parse("2026-05-19"), Instant.parse("2030-01-01T00:00:00Z")), new TimeTravel(null, middle),
                new TimeTravel(LocalDate.parse("2026-11-30"), Instant.parse("2030-01-01T00:00:00Z")))) {
            answers.add(views.sdgQueries.handle(new SdgImpactQuery(null, null, null, null, null, null, time)));
            answers.add(views.sdgQueries.handle(new SdgImpactQuery(null, LedgerHistory.FUND, null, null, null, null, time)));
            answers.add(views.sdgQueries.handle(SdgImpactQuery.parse("OUTCOME_FUND", LedgerHistory.FUND.value(), null,
                    LedgerHistory.PAYER.value(), "2026-Q1", "2026-Q2", time)));
            answers.add(views.performanceQueries.handle(new FindFundPerformance(LedgerHistory.FUND, time)));
            answers.add(views.performanceQueries.handle(new FindInvestorPerformance(LedgerHistory.FUND, LedgerHistory.INVESTOR_B, time)));
            answers.add(views.auditQueries.handle(new ListOutcomePayments(null, null, 0, 10, time)));
            answers.add(views.auditQueries.handle(new ListOutcomePayments(LedgerHistory.FUND, LedgerHistory.CONTRACT, 1, 2, time)));
            answers.add(views.auditQueries.handle(new ListOutcomePayments(LedgerHistory.FUND, null, null, 0, 10, time)));
            answers.add(views.auditQueries.handle(new FindPaymentChain(LedgerHistory.CONTRACT, OutcomeId.of("o-1"), time)));
        }
        return answers;
    }
}
