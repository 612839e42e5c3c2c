package org.impactledger.projections.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.projections.state.LedgerHistory.CONTRACT;
import static org.impactledger.projections.state.LedgerHistory.FUND;
import static org.impactledger.projections.state.LedgerHistory.START;
import static org.impactledger.projections.state.LedgerHistory.outcome;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.impactledger.core.contract.event.ContractEvent;
import org.impactledger.core.contract.query.FindContract;
import org.impactledger.core.contract.query.FindOutcome;
import org.impactledger.core.contract.query.ListPayments;
import org.impactledger.core.fund.query.FindFund;
import org.impactledger.core.fund.query.FindFundBudgets;
import org.impactledger.core.fund.query.FindFundInvestors;
import org.impactledger.core.fund.query.ListFunds;
import org.impactledger.core.shared.FundId;
import org.impactledger.projections.state.contract.ContractStateProjection;
import org.impactledger.projections.state.contract.ContractView;
import org.impactledger.projections.state.contract.OutcomePage;
import org.impactledger.projections.state.contract.OutcomeView;
import org.impactledger.projections.state.fund.BudgetView;
import org.impactledger.projections.state.fund.FundInvestorView;
import org.impactledger.projections.state.fund.FundPage;
import org.impactledger.projections.state.fund.FundStateProjection;
import org.impactledger.projections.state.fund.FundView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handlers as Axon sees them: events arrive as domain event messages (Axon resolves the
 * sequence number and timestamp parameters), queries are answered through a query bus by their
 * type, and each read model names its processing group.
 */
class AxonMessagingTest {

    private static StateViews views;
    private static QueryGateway queries;

    @BeforeAll
    static void wiring() {
        views = new StateViews(TestDatabases.postgres());
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(views.fundQueries).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(views.contractQueries).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    @BeforeEach
    void emptyTables() {
        views.reset();
    }

    @Test
    void events_delivered_as_domain_event_messages_reach_the_handlers_with_their_sequence_number_and_timestamp() throws Exception {
        AnnotationEventHandlerAdapter fundHandlers = new AnnotationEventHandlerAdapter(views.fund);
        AnnotationEventHandlerAdapter contractHandlers = new AnnotationEventHandlerAdapter(views.contract);
        for (Recorded r : LedgerHistory.outcomeFund().events()) {
            boolean isContractEvent = r.payload() instanceof ContractEvent;
            GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>(isContractEvent ? "Contract" : "Fund",
                    r.aggregateId(), r.sequenceNumber(), r.payload(), Map.of(), UUID.randomUUID().toString(), r.timestamp());
            (isContractEvent ? contractHandlers : fundHandlers).handle(message);
        }

        Map<String, List<Map<String, Object>>> throughAxon = views.dump();
        FundView fund = views.fundQueries.handle(new FindFund(FUND));
        assertThat(fund.openedAt()).isEqualTo(START);
        assertThat(fund.lastEventIndex()).isEqualTo(19);
        assertThat(fund.cash()).isEqualByComparingTo("352400");

        views.reset();
        views.applyAll(LedgerHistory.outcomeFund().events());
        assertThat(views.dump()).isEqualTo(throughAxon);
    }

    @Test
    void the_typed_queries_are_answered_through_the_query_bus_and_an_unknown_id_gives_null() {
        views.applyAll(LedgerHistory.outcomeFund().events());

        FundView fund = queries.query(new FindFund(FUND), FundView.class).join();
        assertThat(fund.cash()).isEqualByComparingTo("352400");
        assertThat(queries.query(new FindFund(FundId.of("fund-nowhere")), FundView.class).join()).isNull();
        FundPage funds = queries.query(new ListFunds(0, 10), FundPage.class).join();
        assertThat(funds.total()).isEqualTo(2);
        assertThat(funds.items()).extracting(FundView::fundId).containsExactly("fund-bari", "fund-torino");
        Page<?> asAnyPage = queries.query(new ListFunds(0, 10), Page.class).join();
        assertThat(asAnyPage).isEqualTo(funds);
        List<FundInvestorView> investors = queries.query(new FindFundInvestors(FUND),
                ResponseTypes.multipleInstancesOf(FundInvestorView.class)).join();
        assertThat(investors).hasSize(2);
        List<BudgetView> budgets = queries.query(new FindFundBudgets(FUND), ResponseTypes.multipleInstancesOf(BudgetView.class)).join();
        assertThat(budgets).hasSize(1);
        ContractView contract = queries.query(new FindContract(CONTRACT), ContractView.class).join();
        assertThat(contract.rateCard()).hasSize(3);
        OutcomeView o1 = queries.query(new FindOutcome(CONTRACT, outcome("o-1")), OutcomeView.class).join();
        assertThat(o1.bankReference()).isEqualTo("BNK-OUT-1");
        OutcomePage payments = queries.query(new ListPayments(FUND, 0, 10), OutcomePage.class).join();
        assertThat(payments.items()).extracting(OutcomeView::outcomeId).containsExactly("o-1", "o-1");
    }

    @Test
    void each_read_model_is_built_by_its_own_named_processing_group() {
        assertThat(FundStateProjection.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("fund-state");
        assertThat(ContractStateProjection.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("contract-state");
    }
}
