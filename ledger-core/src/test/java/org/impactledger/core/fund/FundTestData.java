package org.impactledger.core.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.impactledger.core.fund.command.OpenFund;
import org.impactledger.core.fund.event.CapitalCalled;
import org.impactledger.core.fund.event.CapitalCommitted;
import org.impactledger.core.fund.event.CapitalReceived;
import org.impactledger.core.fund.event.FundOpened;
import org.impactledger.core.fund.event.OutcomeBudgetCommitted;
import org.impactledger.core.fund.event.OutcomeBudgetReserved;
import org.impactledger.core.fund.event.OutcomePaymentReceived;
import org.impactledger.core.fund.event.WorkingCapitalAdvanced;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.ProviderId;

/** Shared test data for the fund: one fund in EUR with a 1.30 return cap, its investors, payer and budget. */
final class FundTestData {

    static final FundId FUND_ID = FundId.of("fund-1");
    static final String EUR = "EUR";
    static final String NAME = "Torino Outcome Fund";
    static final String MANAGER = "Torino Social Impact";
    static final BigDecimal CAP_MULTIPLE = new BigDecimal("1.30");

    static final InvestorId INV_1 = InvestorId.of("inv-1");
    static final InvestorId INV_2 = InvestorId.of("inv-2");
    static final InvestorId INV_3 = InvestorId.of("inv-3");

    static final ProviderId PROVIDER = ProviderId.of("coop-homes4all");
    static final ContractId CONTRACT = ContractId.of("contract-1");
    static final PayerId CITY = PayerId.of("city-of-turin");
    static final BudgetId BUDGET = BudgetId.of("b-1");
    static final OutcomeId OUTCOME_1 = OutcomeId.of("o-1");
    static final OutcomeId OUTCOME_2 = OutcomeId.of("o-2");
    static final NrrpTag NRRP = new NrrpTag("C12D24000150006", "M5C2I1.3");

    static final LocalDate DAY = LocalDate.of(2025, 3, 3);
    static final LocalDate DUE = LocalDate.of(2025, 3, 31);

    private FundTestData() {
    }

    static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    static OpenFund openFund() {
        return new OpenFund(FUND_ID, NAME, EUR, MANAGER, CAP_MULTIPLE);
    }

    static OpenFund openFundWithCap(String multiple) {
        return new OpenFund(FUND_ID, NAME, EUR, MANAGER, new BigDecimal(multiple));
    }

    static FundOpened fundOpened() {
        return new FundOpened(FUND_ID, NAME, EUR, MANAGER, CAP_MULTIPLE);
    }

    /** A first commitment (its total is the amount). */
    static CapitalCommitted committed(InvestorId investor, String amount) {
        return new CapitalCommitted(FUND_ID, investor, eur(amount), eur(amount), DAY);
    }

    static CapitalCalled called(String callId, InvestorId investor, String amount) {
        return new CapitalCalled(FUND_ID, callId, investor, eur(amount), DUE);
    }

    static CapitalReceived received(String callId, InvestorId investor, String amount) {
        return new CapitalReceived(FUND_ID, callId, investor, eur(amount), DAY, "SEPA-" + callId);
    }

    /** An investor commits, is called and pays in the whole amount (call id {@code call-<investor>}). */
    static List<Object> paidIn(InvestorId investor, String amount) {
        String callId = "call-" + investor.value();
        return List.of(committed(investor, amount), called(callId, investor, amount), received(callId, investor, amount));
    }

    static WorkingCapitalAdvanced advanced(String advanceId, String amount) {
        return new WorkingCapitalAdvanced(FUND_ID, advanceId, PROVIDER, CONTRACT, eur(amount), DAY);
    }

    static OutcomeBudgetCommitted budgetCommitted(String amount) {
        return new OutcomeBudgetCommitted(FUND_ID, BUDGET, CITY, eur(amount), null, DAY);
    }

    static OutcomeBudgetReserved reserved(OutcomeId outcome, String amount) {
        return new OutcomeBudgetReserved(FUND_ID, BUDGET, CONTRACT, outcome, eur(amount));
    }

    static OutcomePaymentReceived paymentReceived(OutcomeId outcome, String amount) {
        return new OutcomePaymentReceived(FUND_ID, BUDGET, CITY, CONTRACT, outcome, eur(amount), "SEPA-" + outcome.value(), DAY);
    }

    /** A payer's budget with one outcome reserved and paid: adds {@code amount} to fund cash. */
    static List<Object> outcomePaid(OutcomeId outcome, String budget, String amount) {
        return List.of(budgetCommitted(budget), reserved(outcome, amount), paymentReceived(outcome, amount));
    }

    /** The fund opened, followed by the given events and (nested) lists of events, flattened. */
    static List<Object> fundWith(Object... eventsOrLists) {
        return fundWithCap(CAP_MULTIPLE.toPlainString(), eventsOrLists);
    }

    /** As {@link #fundWith}, for a fund opened with another return cap multiple. */
    static List<Object> fundWithCap(String multiple, Object... eventsOrLists) {
        List<Object> events = new ArrayList<>();
        events.add(new FundOpened(FUND_ID, NAME, EUR, MANAGER, new BigDecimal(multiple)));
        flatten(List.of(eventsOrLists), events);
        return events;
    }

    private static void flatten(Collection<?> items, List<Object> into) {
        for (Object item : items) {
            if (item instanceof Collection<?> many) {
                flatten(many, into);
            } else {
                into.add(item);
            }
        }
    }

    /** Matches a {@link DomainException} with this code and field. */
    static Matcher<Throwable> refused(ErrorCode code, String field) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item, Description mismatch) {
                if (!(item instanceof DomainException e)) {
                    mismatch.appendText("was ").appendValue(item);
                    return false;
                }
                if (e.code() != code || !Objects.equals(e.field(), field)) {
                    mismatch.appendText("was a DomainException with code ").appendValue(e.code())
                            .appendText(" on field ").appendValue(e.field()).appendText(": ").appendText(e.getMessage());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException with code ").appendValue(code).appendText(" on field ").appendValue(field);
            }
        };
    }
}
