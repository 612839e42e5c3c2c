package org.impactledger.core.contract;

import static org.impactledger.core.contract.ContractTestData.CONTRACT;
import static org.impactledger.core.contract.ContractTestData.END;
import static org.impactledger.core.contract.ContractTestData.MENTORING;
import static org.impactledger.core.contract.ContractTestData.PROVIDER;
import static org.impactledger.core.contract.ContractTestData.REPORTER;
import static org.impactledger.core.contract.ContractTestData.contractClosed;
import static org.impactledger.core.contract.ContractTestData.contractSigned;
import static org.impactledger.core.contract.ContractTestData.outcome;
import static org.impactledger.core.shared.Refusal.refusal;

import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.impactledger.core.contract.ContractTestData.OutcomeSpec;
import org.impactledger.core.contract.command.OutcomeReport;
import org.impactledger.core.contract.command.ReportOutcomes;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.ProviderId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch of a bulk outcome import: the same rules as one report, row by row; a refused row is listed
 * with its position and does not refuse the others; a row recorded before with the same values is
 * counted as already reported and records nothing; an open contract and the provider's ownership are
 * required for the whole batch.
 */
class ReportOutcomesTest {

    private FixtureConfiguration<Contract> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(ContractLimits.defaults());
    }

    private static ReportOutcomes batch(ProviderId acting, OutcomeSpec... specs) {
        return new ReportOutcomes(CONTRACT, List.of(specs).stream().map(s -> s.report().report()).toList(), REPORTER, acting);
    }

    @Test
    void records_one_event_per_accepted_row_and_lists_the_refused_rows_with_the_single_report_rules() {
        OutcomeSpec first = outcome("O-1").beneficiary("BEN-0001");
        OutcomeSpec outsideTerm = outcome("O-2").beneficiary("BEN-0002").on("2027-03-01");
        OutcomeSpec third = outcome("O-3").beneficiary("BEN-0003");
        OutcomeSpec unknownMetric = outcome("O-4").beneficiary("BEN-0004").metric("MEALS_SERVED");
        OutcomeSpec badSha = outcome("O-5").beneficiary("BEN-0005").evidence("evidence/x.pdf", "abc");
        fixture.given(contractSigned())
                .when(batch(PROVIDER, first, outsideTerm, third, unknownMetric, badSha))
                .expectEvents(first.reported(), third.reported())
                .expectResultMessagePayload(new ReportOutcomesResult(2, 0, List.of(
                        new ReportOutcomesResult.Refused(1, ErrorCode.DATE_OUT_OF_RANGE, "outcomeDate",
                                "outcomeDate 2027-03-01 is outside the contract term 2025-01-01 to 2026-12-31"),
                        new ReportOutcomesResult.Refused(3, ErrorCode.UNKNOWN_CODE, "metricCode",
                                "metric MEALS_SERVED is not on the rate card of contract C-HOUSING-FIRST-1"),
                        new ReportOutcomesResult.Refused(4, ErrorCode.INVALID_VALUE, "evidenceSha256",
                                "evidenceSha256 must be 64 hexadecimal characters (a SHA-256 digest), was 3 characters"))));
    }

    @Test
    void a_row_reported_before_with_the_same_values_records_nothing_and_another_with_that_id_is_refused() {
        OutcomeSpec same = outcome("O-1").beneficiary("BEN-0001");
        OutcomeSpec reusedId = outcome("O-2").beneficiary("BEN-0009");
        OutcomeSpec fresh = outcome("O-3").beneficiary("BEN-0003");
        fixture.given(contractSigned(), same.reported(), outcome("O-2").beneficiary("BEN-0002").reported())
                .when(batch(PROVIDER, same, reusedId, fresh))
                .expectEvents(fresh.reported())
                .expectResultMessagePayload(new ReportOutcomesResult(1, 1, List.of(new ReportOutcomesResult.Refused(1,
                        ErrorCode.ALREADY_EXISTS, "outcomeId", "outcome O-2 was already reported under contract C-HOUSING-FIRST-1"))));
    }

    @Test
    void rows_beyond_the_contract_capacity_are_refused_and_rows_already_recorded_still_count_as_such() {
        FixtureConfiguration<Contract> small = new AggregateTestFixture<>(Contract.class);
        small.registerInjectableResource(new ContractLimits(3));
        OutcomeSpec recorded = outcome("O-1").beneficiary("BEN-0001");
        OutcomeSpec second = outcome("O-2").beneficiary("BEN-0002");
        OutcomeSpec third = outcome("O-3").beneficiary("BEN-0003");
        OutcomeSpec fourth = outcome("O-4").beneficiary("BEN-0004");
        String full = "contract C-HOUSING-FIRST-1 already records 3 outcomes, the most one contract may hold (ledger.contracts.max-outcomes); "
                + "report further outcomes under another contract";
        small.given(contractSigned(), recorded.reported())
                .when(batch(PROVIDER, recorded, second, third, fourth, recorded))
                .expectEvents(second.reported(), third.reported())
                .expectResultMessagePayload(new ReportOutcomesResult(2, 2, List.of(
                        new ReportOutcomesResult.Refused(3, ErrorCode.LIMIT_EXCEEDED, "contractId", full))));
    }

    @Test
    void the_same_rows_twice_in_one_batch_record_once() {
        OutcomeSpec spec = outcome("O-1");
        fixture.given(contractSigned())
                .when(batch(null, spec, spec))
                .expectEvents(spec.reported())
                .expectResultMessagePayload(new ReportOutcomesResult(1, 1, List.of()));
    }

    @Test
    void a_beneficiary_already_paid_is_refused_as_a_duplicate_payment_row() {
        OutcomeSpec paid = outcome("O-1").beneficiary("BEN-0001");
        OutcomeSpec again = outcome("O-2").beneficiary("BEN-0001");
        OutcomeSpec otherMetric = outcome("O-3").beneficiary("BEN-0001").metric(MENTORING).period("2025-05").on("2025-05-30");
        fixture.given(contractSigned(), paid.reported(), paid.verified(), paid.approved())
                .when(batch(PROVIDER, again, otherMetric))
                .expectEvents(otherMetric.reported())
                .expectResultMessagePayload(new ReportOutcomesResult(1, 0, List.of(new ReportOutcomesResult.Refused(0,
                        ErrorCode.DUPLICATE_PAYMENT, "beneficiaryId", "beneficiary BEN-0001 already has a payment for metric HOUSED_6M "
                        + "(outcome O-1, APPROVED); the metric is paid once per beneficiary"))));
    }

    @Test
    void a_reversed_payment_frees_the_claim_again() {
        OutcomeSpec paid = outcome("O-1").beneficiary("BEN-0001");
        OutcomeSpec again = outcome("O-2").beneficiary("BEN-0001");
        fixture.given(contractSigned(), paid.reported(), paid.verified(), paid.approved(),
                        paid.reversed(ContractTestData.eur("1500.00"), false, "wrong beneficiary", ContractTestData.date("2025-07-01")))
                .when(batch(PROVIDER, again))
                .expectEvents(again.reported());
    }

    @Test
    void another_provider_is_refused_for_the_whole_batch() {
        fixture.given(contractSigned())
                .when(batch(ProviderId.of("P-OTHER"), outcome("O-1")))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.NOT_OWNER, "providerId", "provider P-OTHER may not report outcomes on contract "
                        + "C-HOUSING-FIRST-1, which is signed with another provider"));
    }

    @Test
    void a_closed_contract_refuses_the_whole_batch() {
        fixture.given(contractSigned(), contractClosed(END))
                .when(batch(PROVIDER, outcome("O-1")))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.CONTRACT_CLOSED, "contractId",
                        "contract C-HOUSING-FIRST-1 was closed on 2026-12-31 and accepts no more changes"));
    }

    @Test
    void a_large_batch_records_every_row() {
        List<OutcomeSpec> specs = IntStream.range(0, 1000).mapToObj(i -> outcome("O-" + i).beneficiary("BEN-" + i)).toList();
        fixture.given(contractSigned())
                .when(batch(PROVIDER, specs.toArray(OutcomeSpec[]::new)))
                .expectEvents(specs.stream().map(OutcomeSpec::reported).toArray())
                .expectResultMessagePayload(new ReportOutcomesResult(1000, 0, List.of()));
    }
}
