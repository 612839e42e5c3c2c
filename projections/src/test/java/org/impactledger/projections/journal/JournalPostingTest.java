package org.impactledger.projections.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.projections.state.LedgerHistory.BUDGET;
import static org.impactledger.projections.state.LedgerHistory.CONTRACT;
import static org.impactledger.projections.state.LedgerHistory.FUND;
import static org.impactledger.projections.state.LedgerHistory.INVESTOR_A;
import static org.impactledger.projections.state.LedgerHistory.INVESTOR_B;
import static org.impactledger.projections.state.LedgerHistory.PAYER;
import static org.impactledger.projections.state.LedgerHistory.PROVIDER;
import static org.impactledger.projections.state.LedgerHistory.eur;
import static org.impactledger.projections.state.LedgerHistory.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.impactledger.core.contract.event.OutcomePaymentExecuted;
import org.impactledger.core.contract.event.OutcomePaymentReversed;
import org.impactledger.core.fund.NrrpTag;
import org.impactledger.core.fund.event.CapitalCalled;
import org.impactledger.core.fund.event.CapitalCommitted;
import org.impactledger.core.fund.event.CapitalReceived;
import org.impactledger.core.fund.event.DistributionMade;
import org.impactledger.core.fund.event.DistributionShare;
import org.impactledger.core.fund.event.FundEvent;
import org.impactledger.core.fund.event.FundOpened;
import org.impactledger.core.fund.event.OutcomeBudgetCommitted;
import org.impactledger.core.fund.event.OutcomeBudgetReleased;
import org.impactledger.core.fund.event.OutcomeBudgetReserved;
import org.impactledger.core.fund.event.OutcomePaymentReceived;
import org.impactledger.core.fund.event.OutcomePaymentRefunded;
import org.impactledger.core.fund.event.PropertyAcquisitionPaid;
import org.impactledger.core.fund.event.RentIncomeReceived;
import org.impactledger.core.fund.event.RentIncomeReversed;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.fund.event.ValuationRecorded;
import org.impactledger.core.fund.event.WorkingCapitalAdvanced;
import org.impactledger.core.fund.query.FindUnbalancedJournalEntries;
import org.impactledger.infra.messaging.LedgerMetaData;
import org.impactledger.projections.state.LedgerHistory;
import org.impactledger.projections.state.Recorded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each fund event posts the lines the chart of accounts prescribes, written on PostgreSQL and read
 * back as stored: account, sub-ledger, debit, credit (the expectations are written out by hand,
 * not derived from the rules). Events that move no money post nothing.
 */
class JournalPostingTest {

    private static final String COMMAND_DATE = "2026-03-31";
    private static JournalTables tables;
    private final LedgerHistory history = new LedgerHistory();

    @BeforeAll
    static void database() {
        tables = new JournalTables(JournalDatabases.postgres());
    }

    @BeforeEach
    void emptyTables() {
        tables.reset();
    }

    @Test
    void a_commitment_is_a_claim_on_the_investor_against_capital_not_yet_paid_in() {
        Recorded r = post(new CapitalCommitted(FUND, INVESTOR_A, eur("600000"), eur("600000"), date("2026-01-10")));

        assertThat(tables.lines(JournalTables.eventId(r))).containsExactly(
                "1310 investor:inv-fondazione 600000.00 0.00",
                "3100 investor:inv-fondazione 0.00 600000.00");
        assertEntry(r, "CapitalCommitted", "2026-01-10");
    }

    @Test
    void a_call_moves_the_claim_from_uncalled_to_called_on_the_business_date_of_the_call() {
        Recorded r = post(new CapitalCalled(FUND, "call-1", INVESTOR_B, eur("200000"), date("2026-04-30")));

        assertThat(tables.lines(JournalTables.eventId(r))).containsExactly(
                "1320 investor:inv-banca 200000.00 0.00",
                "1310 investor:inv-banca 0.00 200000.00");
        assertEntry(r, "CapitalCalled", COMMAND_DATE);
    }

    @Test
    void a_receipt_settles_the_call_in_cash_and_turns_committed_capital_into_paid_in_capital() {
        Recorded r = post(new CapitalReceived(FUND, "call-1", INVESTOR_A, eur("300000"), date("2026-01-30"), "BNK-IN-1"));

        assertThat(tables.lines(JournalTables.eventId(r))).containsExactly(
                "1000 null 300000.00 0.00",
                "1320 investor:inv-fondazione 0.00 300000.00",
                "3100 investor:inv-fondazione 300000.00 0.00",
                "3200 investor:inv-fondazione 0.00 300000.00");
        assertEntry(r, "CapitalReceived", "2026-01-30");
    }

    @Test
    void an_advance_moves_cash_to_the_provider() {
        Recorded r = post(new WorkingCapitalAdvanced(FUND, "adv-1", PROVIDER, CONTRACT, eur("100000"), date("2026-02-10")));

        assertThat(tables.lines(JournalTables.eventId(r))).containsExactly(
                "1400 provider:prov-coop-lavoro 100000.00 0.00",
                "1000 null 0.00 100000.00");
        assertEntry(r, "WorkingCapitalAdvanced", "2026-02-10");
    }

    @Test
    void a_payer_budget_is_posted_in_the_memorandum_book_only() {
        Recorded r = post(new OutcomeBudgetCommitted(FUND, BUDGET, PAYER, eur("250000"), new NrrpTag("D11B21000190006", "M5C2I1.3"),
                date("2026-02-05")));

        assertThat(tables.lines(JournalTables.eventId(r))).containsExactly(
                "9100 budget:budget-comune 250000.00 0.00",
                "9900 budget:budget-comune 0.00 250000.00");
        assertThat(tables.jdbc.sql("SELECT DISTINCT book FROM journal_line").query(String.class).list()).containsExactly("MEMORANDUM");
        assertEntry(r, "OutcomeBudgetCommitted", "2026-02-05");
        assertThat(description(r)).contains("D11B21000190006");
    }

    @Test
    void an_approval_books_the_receivable_and_the_income_and_reserves_the_budget() {
        Recorded r = post(new OutcomeBudgetReserved(FUND, BUDGET, CONTRACT, outcome("o-1"), eur("2400")));

        assertThat(tables.lines(JournalTables.eventId(r))).containsExactly(
                "1500 budget:budget-comune 2400.00 0.00",
                "4100 contract:contract-employment 0.00 2400.00",
                "9200 budget:budget-comune 2400.00 0.00",
                "9100 budget:budget-comune 0.00 2400.00");
        assertEntry(r, "OutcomeBudgetReserved", COMMAND_DATE);
    }

    @Test
    void the_payers_transfer_settles_the_receivable_in_cash_and_consumes_the_reservation() {
        Recorded r = post(new OutcomePaymentReceived(FUND, BUDGET, PAYER, CONTRACT, outcome("o-1"), eur("2400"), "BNK-OUT-1",
                date("2026-04-10")));

        assertThat(tables.lines(JournalTables.eventId(r))).containsExactly(
                "1000 null 2400.00 0.00",
                "1500 budget:budget-comune 0.00 2400.00",
                "9300 budget:budget-comune 2400.00 0.00",
                "9200 budget:budget-comune 0.00 2400.00");
        assertEntry(r, "OutcomePaymentReceived", "2026-04-10");
    }

    @Test
    void a_reversal_before_payment_takes_the_accrual_back_and_frees_the_budget() {
        Recorded r = post(new OutcomeBudgetReleased(FUND, BUDGET, CONTRACT, outcome("o-2"), eur("800"), "approved in error"));

        assertThat(tables.lines(JournalTables.eventId(r))).containsExactly(
                "4100 contract:contract-employment 800.00 0.00",
                "1500 budget:budget-comune 0.00 800.00",
                "9100 budget:budget-comune 800.00 0.00",
                "9200 budget:budget-comune 0.00 800.00");
        assertEntry(r, "OutcomeBudgetReleased", COMMAND_DATE);
        assertThat(description(r)).contains("approved in error");
    }

    @Test
    void a_refund_pays_the_money_back_as_a_refund_and_frees_the_consumed_budget() {
        Recorded r = post(new OutcomePaymentRefunded(FUND, BUDGET, PAYER, CONTRACT, outcome("o-3"), eur("1600"),
                "job lost within six months", date("2026-05-20")));

        assertThat(tables.lines(JournalTables.eventId(r))).containsExactly(
                "4900 contract:contract-employment 1600.00 0.00",
                "1000 null 0.00 1600.00",
                "9100 budget:budget-comune 1600.00 0.00",
                "9300 budget:budget-comune 0.00 1600.00");
        assertEntry(r, "OutcomePaymentRefunded", "2026-05-20");
    }

    @Test
    void a_distribution_has_one_line_per_investor_and_tier_and_one_cash_line_and_omits_empty_tiers() {
        Recorded r = post(new DistributionMade(FUND, "dist-1", eur("48000.01"), date("2026-06-30"), List.of(
                new DistributionShare(INVESTOR_A, eur("27000"), eur("3000.01")),
                new DistributionShare(INVESTOR_B, eur("18000"), eur("0")))));

        assertThat(tables.lines(JournalTables.eventId(r))).containsExactly(
                "3300 investor:inv-fondazione 27000.00 0.00",
                "3400 investor:inv-fondazione 3000.01 0.00",
                "3300 investor:inv-banca 18000.00 0.00",
                "1000 null 0.00 48000.01");
        assertEntry(r, "DistributionMade", "2026-06-30");
    }

    @Test
    void a_property_acquisition_turns_cash_into_investment_property_at_cost() {
        Recorded r = post(new PropertyAcquisitionPaid(FUND, PropertyId.of("prop-cigna-14"), eur("420000"), date("2026-02-20")));

        assertThat(tables.lines(JournalTables.eventId(r))).containsExactly(
                "1600 property:prop-cigna-14 420000.00 0.00",
                "1000 null 0.00 420000.00");
        assertEntry(r, "PropertyAcquisitionPaid", "2026-02-20");
    }

    @Test
    void rent_collected_is_cash_and_rent_income_of_the_property_on_the_payment_date() {
        Recorded r = post(new RentIncomeReceived(FUND, PropertyId.of("prop-cigna-14"), LeaseId.of("lease-1"), "coll-1", "2026-03",
                eur("400"), date("2026-03-05"), "SEPA-R-1"));

        assertThat(tables.lines(JournalTables.eventId(r))).containsExactly(
                "1000 null 400.00 0.00",
                "4200 property:prop-cigna-14 0.00 400.00");
        assertEntry(r, "RentIncomeReceived", "2026-03-05");
        assertThat(description(r)).contains("2026-03", "lease-1", "SEPA-R-1");
    }

    @Test
    void a_reversed_rent_collection_takes_the_income_back_out_of_cash() {
        Recorded r = post(new RentIncomeReversed(FUND, PropertyId.of("prop-cigna-14"), LeaseId.of("lease-1"), "coll-1", "2026-03",
                eur("400"), "returned by the bank", date("2026-03-20")));

        assertThat(tables.lines(JournalTables.eventId(r))).containsExactly(
                "4200 property:prop-cigna-14 400.00 0.00",
                "1000 null 0.00 400.00");
        assertEntry(r, "RentIncomeReversed", "2026-03-20");
        assertThat(description(r)).contains("returned by the bank");
    }

    @Test
    void opening_a_fund_a_valuation_and_contract_events_post_nothing() {
        post(new FundOpened(FUND, "Fondo Esiti Torino", "EUR", "Impact SGR", new BigDecimal("1.30")));
        post(new ValuationRecorded(FUND, eur("460000"), date("2026-06-30"), "NAV at cost"));
        post(new OutcomePaymentExecuted(CONTRACT, outcome("o-1"), FUND, eur("2400"), "BNK-OUT-1", date("2026-04-10"), "treasurer"));
        post(new OutcomePaymentReversed(CONTRACT, outcome("o-1"), FUND, eur("2400"), true, "error", date("2026-04-12"), "payer"));

        assertThat(tables.count("journal_entry")).isZero();
        assertThat(tables.count("journal_line")).isZero();
    }

    @Test
    void every_fund_event_type_is_either_posted_or_deliberately_silent() {
        Set<Class<?>> decided = new HashSet<>(FundPostingRules.POSTED);
        decided.addAll(FundPostingRules.SILENT);

        assertThat(decided).containsExactlyInAnyOrderElementsOf(Arrays.asList(FundEvent.class.getPermittedSubclasses()));
        assertThat(FundPostingRules.POSTED).doesNotContainAnyElementsOf(FundPostingRules.SILENT);
    }

    @Test
    void the_entry_keeps_who_acted_and_when_it_was_recorded() {
        Recorded r = post(new CapitalCalled(FUND, "call-1", INVESTOR_B, eur("200000"), date("2026-04-30")));

        Map<String, Object> row = tables.jdbc.sql("SELECT * FROM journal_entry WHERE entry_id = :id")
                .param("id", JournalTables.eventId(r)).query().singleRow();
        assertThat(row.get("principal")).isEqualTo("manager-anna");
        assertThat(row.get("fund_id")).isEqualTo("fund-torino");
        assertThat(row.get("currency")).isEqualTo("EUR");
        assertThat(row.get("recorded_at").toString()).isEqualTo("2026-03-02 08:30:00.123456");
    }

    private Recorded post(Object event) {
        history.then(event);
        Recorded r = history.last();
        tables.apply(r, Map.of(LedgerMetaData.BUSINESS_DATE, COMMAND_DATE, LedgerMetaData.PRINCIPAL, "manager-anna"));
        return r;
    }

    private void assertEntry(Recorded r, String eventType, String businessDate) {
        Map<String, Object> row = tables.jdbc.sql("SELECT event_type, business_date FROM journal_entry WHERE entry_id = :id")
                .param("id", JournalTables.eventId(r)).query().singleRow();
        assertThat(row.get("event_type")).isEqualTo(eventType);
        assertThat(row.get("business_date").toString()).isEqualTo(businessDate);
        assertThat(tables.queries.handle(new FindUnbalancedJournalEntries()).balanced()).isTrue();
    }

    private String description(Recorded r) {
        return tables.jdbc.sql("SELECT description FROM journal_entry WHERE entry_id = :id")
                .param("id", JournalTables.eventId(r)).query(String.class).single();
    }

    private static LocalDate date(String value) {
        return LocalDate.parse(value);
    }
}
