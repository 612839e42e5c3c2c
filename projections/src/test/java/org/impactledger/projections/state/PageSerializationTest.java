package org.impactledger.projections.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.projections.state.LedgerHistory.FUND;

import org.impactledger.core.contract.query.ListContracts;
import org.impactledger.core.contract.query.ListPayments;
import org.impactledger.core.fund.query.ListFunds;
import org.impactledger.projections.state.contract.ContractPage;
import org.impactledger.projections.state.contract.OutcomePage;
import org.impactledger.projections.state.fund.FundPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Query answers survive a trip through JSON (as when a query is answered on another node): each
 * page type names its item type, so items come back as views, not as maps.
 */
class PageSerializationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static StateViews views;

    @BeforeAll
    static void history() {
        views = new StateViews(TestDatabases.postgres());
        views.reset();
        views.applyAll(LedgerHistory.outcomeFund().events());
    }

    @Test
    void a_page_of_funds_reads_back_equal_from_its_json() {
        FundPage page = views.fundQueries.handle(new ListFunds(0, 10));

        assertThat(JSON.readValue(JSON.writeValueAsString(page), FundPage.class)).isEqualTo(page);
    }

    @Test
    void a_page_of_contracts_with_their_rate_cards_reads_back_equal_from_its_json() {
        ContractPage page = views.contractQueries.handle(new ListContracts(FUND, 0, 10));

        assertThat(page.items()).isNotEmpty();
        assertThat(JSON.readValue(JSON.writeValueAsString(page), ContractPage.class)).isEqualTo(page);
    }

    @Test
    void a_page_of_payments_reads_back_equal_from_its_json() {
        OutcomePage page = views.contractQueries.handle(new ListPayments(FUND, 0, 10));

        assertThat(page.items()).isNotEmpty();
        assertThat(JSON.readValue(JSON.writeValueAsString(page), OutcomePage.class)).isEqualTo(page);
    }
}
