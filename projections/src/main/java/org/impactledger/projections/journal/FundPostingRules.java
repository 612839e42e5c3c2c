package org.impactledger.projections.journal;

import static org.impactledger.projections.journal.JournalLine.credit;
import static org.impactledger.projections.journal.JournalLine.debit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.impactledger.core.fund.event.ValuationRecorded;
import org.impactledger.core.fund.event.WorkingCapitalAdvanced;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.shared.ProviderId;

/**
 * The posting of every fund event, from the fund's point of view (account codes of {@link Account}).
 *
 * <table>
 *   <caption>Posting rules</caption>
 *   <tr><th>event</th><th>debit</th><th>credit</th><th>value date</th></tr>
 *   <tr><td>CapitalCommitted</td><td>1310 uncalled commitments (investor)</td><td>3100 commitments not paid in (investor)</td><td>its value date</td></tr>
 *   <tr><td>CapitalCalled</td><td>1320 capital called (investor)</td><td>1310 uncalled commitments (investor)</td><td>the command's business date (the call is made then; the due date is when cash is expected)</td></tr>
 *   <tr><td>CapitalReceived</td><td>1000 cash; 3100 commitments not paid in (investor)</td><td>1320 capital called (investor); 3200 paid-in capital (investor)</td><td>its value date</td></tr>
 *   <tr><td>WorkingCapitalAdvanced</td><td>1400 advances (provider)</td><td>1000 cash</td><td>its value date</td></tr>
 *   <tr><td>OutcomeBudgetCommitted</td><td>9100 budget available (budget)</td><td>9900 budget committed (budget)</td><td>its value date</td></tr>
 *   <tr><td>OutcomeBudgetReserved</td><td>1500 outcome receivable (budget); 9200 budget reserved (budget)</td><td>4100 outcome income (contract); 9100 budget available (budget)</td><td>the approval's business date</td></tr>
 *   <tr><td>OutcomePaymentReceived</td><td>1000 cash; 9300 budget consumed (budget)</td><td>1500 outcome receivable (budget); 9200 budget reserved (budget)</td><td>its value date</td></tr>
 *   <tr><td>OutcomeBudgetReleased</td><td>4100 outcome income (contract); 9100 budget available (budget)</td><td>1500 outcome receivable (budget); 9200 budget reserved (budget)</td><td>the reversal's business date</td></tr>
 *   <tr><td>OutcomePaymentRefunded</td><td>4900 refunds (contract); 9100 budget available (budget)</td><td>1000 cash; 9300 budget consumed (budget)</td><td>its value date</td></tr>
 *   <tr><td>DistributionMade</td><td>3300 return of capital and 3400 profit, one line per investor and tier with a non-zero share</td><td>1000 cash, the whole amount</td><td>its value date</td></tr>
 *   <tr><td>PropertyAcquisitionPaid</td><td>1600 investment property (property)</td><td>1000 cash</td><td>its value date (the acquisition date)</td></tr>
 *   <tr><td>RentIncomeReceived</td><td>1000 cash</td><td>4200 rent income (property)</td><td>its value date (the payment date)</td></tr>
 *   <tr><td>RentIncomeReversed</td><td>4200 rent income (property)</td><td>1000 cash</td><td>its value date (the reversal date)</td></tr>
 * </table>
 *
 * <h2>Why these entries</h2>
 * <ul>
 *   <li><b>Income is recognised at approval.</b> Once the payer approves verified quantity × price,
 *       the fund has an enforceable claim on the payer: {@code OutcomeBudgetReserved} books the
 *       receivable and the income; the transfer ({@code OutcomePaymentReceived}) only settles the
 *       receivable in cash. A reversal before payment ({@code OutcomeBudgetReleased}) takes the
 *       accrual back out of income; a reversal after payment ({@code OutcomePaymentRefunded}) pays
 *       the money back and shows it in its own contra-income account, so that gross outcome income
 *       and refunds stay visible separately.</li>
 *   <li><b>The memorandum book mirrors each budget</b>: committed (9900, credit) = available (9100)
 *       + reserved (9200) + consumed (9300), the same rule the fund aggregate enforces, so the
 *       memorandum balances per budget show what a payer can still approve.</li>
 *   <li><b>A distribution is one entry</b>, with one debit per investor and tier and one credit
 *       of the whole amount to cash. Since the shares come from the waterfall and the cash from the
 *       event's amount, the balance check also proves that the waterfall split the amount exactly.</li>
 * </ul>
 *
 * <h2>What posts nothing, and why</h2>
 * <ul>
 *   <li>{@code FundOpened} moves no money.</li>
 *   <li>{@code ValuationRecorded} is an estimate of the fund's net asset value, not a transaction:
 *       no money moves and no claim arises. The journal keeps transactions at cost; the valuation
 *       is used by the fund performance report (residual value, RVPI, TVPI). Booking it would need
 *       an unrealised gain or loss against the advances, whose split the event does not give.</li>
 *   <li>Contract events post nothing here. Their money effects reach the fund through the fund's
 *       own events in the same unit of work: an approval reserves the budget
 *       ({@code OutcomeBudgetReserved}), an execution records the payer's transfer
 *       ({@code OutcomePaymentReceived}), a reversal releases or refunds. Posting the contract's
 *       {@code OutcomePaymentApproved}, {@code …Executed} or {@code …Reversed} as well would book
 *       every payment twice; reports, verifications and rate cards move no money at all.</li>
 *   <li>Property events (Homes4All) post nothing here for the same reason: the acquisition price,
 *       rent collected and reversed collections reach the fund as {@code PropertyAcquisitionPaid},
 *       {@code RentIncomeReceived} and {@code RentIncomeReversed} in the same unit of work. Rent
 *       charged is not posted: rent is income when collected (see {@link Account}).</li>
 * </ul>
 *
 * <p>Amounts are taken as the events carry them (exact, two decimals); no rule divides or rounds.
 */
public class FundPostingRules implements PostingRule {

    /** Fund events that post an entry. */
    public static final Set<Class<? extends FundEvent>> POSTED = Set.of(CapitalCommitted.class, CapitalCalled.class,
            CapitalReceived.class, WorkingCapitalAdvanced.class, OutcomeBudgetCommitted.class, OutcomeBudgetReserved.class,
            OutcomePaymentReceived.class, OutcomeBudgetReleased.class, OutcomePaymentRefunded.class, DistributionMade.class,
            PropertyAcquisitionPaid.class, RentIncomeReceived.class, RentIncomeReversed.class);

    /** Fund events that deliberately post nothing (see the class comment). */
    public static final Set<Class<? extends FundEvent>> SILENT = Set.of(FundOpened.class, ValuationRecorded.class);

    /**
     * @throws IllegalStateException for a fund event type this class has no decision for, so that
     *                               a new money event cannot pass the journal unnoticed
     */
    @Override
    public Optional<Posting> post(FundEvent event) {
        if (event instanceof CapitalCommitted e) {
            return posting("Investor " + e.investorId() + " commits " + e.amount() + " (total commitment " + e.totalCommitted() + ")",
                    e.valueDate(),
                    debit(Account.UNCALLED_COMMITMENTS_RECEIVABLE, investor(e.investorId()), e.amount()),
                    credit(Account.INVESTOR_COMMITMENTS, investor(e.investorId()), e.amount()));
        }
        if (event instanceof CapitalCalled e) {
            return posting("Capital call " + e.callId() + " of " + e.amount() + " to investor " + e.investorId() + ", due " + e.dueDate(),
                    null,
                    debit(Account.CAPITAL_CALLED_RECEIVABLE, investor(e.investorId()), e.amount()),
                    credit(Account.UNCALLED_COMMITMENTS_RECEIVABLE, investor(e.investorId()), e.amount()));
        }
        if (event instanceof CapitalReceived e) {
            return posting("Capital of " + e.amount() + " received from investor " + e.investorId() + " against call " + e.callId()
                            + " (bank reference " + e.bankReference() + ")",
                    e.valueDate(),
                    debit(Account.FUND_CASH, null, e.amount()),
                    credit(Account.CAPITAL_CALLED_RECEIVABLE, investor(e.investorId()), e.amount()),
                    debit(Account.INVESTOR_COMMITMENTS, investor(e.investorId()), e.amount()),
                    credit(Account.INVESTOR_PAID_IN_CAPITAL, investor(e.investorId()), e.amount()));
        }
        if (event instanceof WorkingCapitalAdvanced e) {
            return posting("Working capital advance " + e.advanceId() + " of " + e.amount() + " to provider " + e.providerId()
                            + " under contract " + e.contractId(),
                    e.valueDate(),
                    debit(Account.PROVIDER_ADVANCES, provider(e.providerId()), e.amount()),
                    credit(Account.FUND_CASH, null, e.amount()));
        }
        if (event instanceof OutcomeBudgetCommitted e) {
            return posting("Payer " + e.payerId() + " commits outcome budget " + e.budgetId() + " of " + e.amount()
                            + (e.nrrp() == null ? "" : " (NRRP CUP " + e.nrrp().cup() + ", measure " + e.nrrp().measure() + ")"),
                    e.valueDate(),
                    debit(Account.PAYER_BUDGET_AVAILABLE, budget(e.budgetId()), e.amount()),
                    credit(Account.PAYER_BUDGET_COMMITTED, budget(e.budgetId()), e.amount()));
        }
        if (event instanceof OutcomeBudgetReserved e) {
            return posting("Payment of " + e.amount() + " for outcome " + e.outcomeId() + " under contract " + e.contractId()
                            + " approved; reserved on budget " + e.budgetId(),
                    null,
                    debit(Account.OUTCOME_PAYMENTS_RECEIVABLE, budget(e.budgetId()), e.amount()),
                    credit(Account.OUTCOME_PAYMENT_INCOME, contract(e.contractId()), e.amount()),
                    debit(Account.PAYER_BUDGET_RESERVED, budget(e.budgetId()), e.amount()),
                    credit(Account.PAYER_BUDGET_AVAILABLE, budget(e.budgetId()), e.amount()));
        }
        if (event instanceof OutcomePaymentReceived e) {
            return posting("Payer " + e.payerId() + " pays " + e.amount() + " for outcome " + e.outcomeId() + " under contract "
                            + e.contractId() + " (bank reference " + e.bankReference() + ")",
                    e.valueDate(),
                    debit(Account.FUND_CASH, null, e.amount()),
                    credit(Account.OUTCOME_PAYMENTS_RECEIVABLE, budget(e.budgetId()), e.amount()),
                    debit(Account.PAYER_BUDGET_CONSUMED, budget(e.budgetId()), e.amount()),
                    credit(Account.PAYER_BUDGET_RESERVED, budget(e.budgetId()), e.amount()));
        }
        if (event instanceof OutcomeBudgetReleased e) {
            return posting("Approval of " + e.amount() + " for outcome " + e.outcomeId() + " under contract " + e.contractId()
                            + " reversed before payment: " + e.reason(),
                    null,
                    debit(Account.OUTCOME_PAYMENT_INCOME, contract(e.contractId()), e.amount()),
                    credit(Account.OUTCOME_PAYMENTS_RECEIVABLE, budget(e.budgetId()), e.amount()),
                    debit(Account.PAYER_BUDGET_AVAILABLE, budget(e.budgetId()), e.amount()),
                    credit(Account.PAYER_BUDGET_RESERVED, budget(e.budgetId()), e.amount()));
        }
        if (event instanceof OutcomePaymentRefunded e) {
            return posting("Payment of " + e.amount() + " for outcome " + e.outcomeId() + " under contract " + e.contractId()
                            + " refunded to payer " + e.payerId() + ": " + e.reason(),
                    e.valueDate(),
                    debit(Account.OUTCOME_PAYMENT_REFUNDS, contract(e.contractId()), e.amount()),
                    credit(Account.FUND_CASH, null, e.amount()),
                    debit(Account.PAYER_BUDGET_AVAILABLE, budget(e.budgetId()), e.amount()),
                    credit(Account.PAYER_BUDGET_CONSUMED, budget(e.budgetId()), e.amount()));
        }
        if (event instanceof DistributionMade e) {
            return Optional.of(distribution(e));
        }
        if (event instanceof PropertyAcquisitionPaid e) {
            return posting("Property " + e.propertyId() + " acquired for " + e.amount(),
                    e.valueDate(),
                    debit(Account.INVESTMENT_PROPERTY, property(e.propertyId()), e.amount()),
                    credit(Account.FUND_CASH, null, e.amount()));
        }
        if (event instanceof RentIncomeReceived e) {
            return posting("Rent of " + e.amount() + " for " + e.period() + " on lease " + e.leaseId() + " of property " + e.propertyId()
                            + " (collection " + e.collectionId() + ", bank reference " + e.bankReference() + ")",
                    e.valueDate(),
                    debit(Account.FUND_CASH, null, e.amount()),
                    credit(Account.RENT_INCOME, property(e.propertyId()), e.amount()));
        }
        if (event instanceof RentIncomeReversed e) {
            return posting("Rent collection " + e.collectionId() + " of " + e.amount() + " for " + e.period() + " on lease " + e.leaseId()
                            + " of property " + e.propertyId() + " reversed: " + e.reason(),
                    e.valueDate(),
                    debit(Account.RENT_INCOME, property(e.propertyId()), e.amount()),
                    credit(Account.FUND_CASH, null, e.amount()));
        }
        if (event instanceof FundOpened || event instanceof ValuationRecorded) {
            return Optional.empty();
        }
        throw new IllegalStateException("no posting rule for fund event " + event.getClass().getName()
                + ": decide its posting in " + FundPostingRules.class.getSimpleName());
    }

    private static Posting distribution(DistributionMade e) {
        List<JournalLine> lines = new ArrayList<>();
        for (DistributionShare share : e.shares()) {
            if (!share.returnOfCapital().isZero()) {
                lines.add(debit(Account.DISTRIBUTIONS_RETURN_OF_CAPITAL, investor(share.investorId()), share.returnOfCapital()));
            }
            if (!share.profit().isZero()) {
                lines.add(debit(Account.DISTRIBUTIONS_PROFIT, investor(share.investorId()), share.profit()));
            }
        }
        lines.add(credit(Account.FUND_CASH, null, e.amount()));
        return new Posting("Distribution " + e.distributionId() + " of " + e.amount() + " to " + e.shares().size() + " investor"
                + (e.shares().size() == 1 ? "" : "s"), e.valueDate(), lines);
    }

    private static Optional<Posting> posting(String description, LocalDate valueDate, JournalLine... lines) {
        return Optional.of(new Posting(description, valueDate, List.of(lines)));
    }

    static String investor(InvestorId id) {
        return "investor:" + id.value();
    }

    static String budget(BudgetId id) {
        return "budget:" + id.value();
    }

    static String provider(ProviderId id) {
        return "provider:" + id.value();
    }

    static String property(PropertyId id) {
        return "property:" + id.value();
    }

    static String contract(ContractId id) {
        return "contract:" + id.value();
    }
}
