package org.impactledger.projections.journal;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Outcome Fund's chart of accounts, seen from the fund: what the fund holds (cash, claims on
 * investors and payers, advances to providers), what it owes its investors (their capital, less
 * what it has distributed), what it earns (outcome payments), and, in a memorandum book, the
 * payers' budgets it administers.
 *
 * <h2>Why commitments are on the balance sheet</h2>
 * An investor's commitment is posted when it is made: the uncalled part is a claim on the investor
 * ({@link #UNCALLED_COMMITMENTS_RECEIVABLE}) against subscribed capital not yet paid in
 * ({@link #INVESTOR_COMMITMENTS}), as Italian company accounts present subscribed capital (civil
 * code art. 2424, "crediti verso soci per versamenti ancora dovuti"). A call moves the claim to
 * {@link #CAPITAL_CALLED_RECEIVABLE}; the receipt settles it in cash and moves the investor's capital
 * from "committed" to {@link #INVESTOR_PAID_IN_CAPITAL}. So the balance of 3100 always equals
 * 1310 + 1320: what investors still owe. A reader who keeps commitments off the balance sheet
 * (IFRS) drops those three balances together.
 *
 * <h2>Why advances are an asset and budgets are memorandum</h2>
 * Working capital advanced to a provider is the fund's money put to work under a contract; it is
 * not repaid by the provider but earned back through outcome payments, and its recoverability is a
 * matter of valuation ({@code ValuationRecorded}), not of posting, so it stays at cost in
 * {@link #PROVIDER_ADVANCES}. A payer's budget is a promise by the payer, not the fund's asset:
 * only an approved payment becomes the fund's claim ({@link #OUTCOME_PAYMENTS_RECEIVABLE}) and
 * income. The budget itself is followed in memorandum accounts that mirror the fund aggregate's
 * rule committed = available + reserved + consumed.
 *
 * <h2>Why property is at cost and rent is booked when collected</h2>
 * A Homes4All fund that buys a flat exchanges cash for an asset of the same value: the price goes to
 * {@link #INVESTMENT_PROPERTY} at cost, per property, and stays there; the property's later
 * valuations are estimates for the housing report and the fund's net asset value, not postings,
 * as for the fund's own valuations. Rent is income when the household pays it
 * ({@link #RENT_INCOME}), not when it falls due: the tenants are households in housing hardship,
 * and booking every charged month as a receivable would show as income money that may never come.
 * What is charged and not collected (the arrears) is in the housing report. A reversed collection
 * (returned by the bank, recorded in error) takes the income back out, since the rent was never
 * really received.
 *
 * <p>Contra accounts carry their balance on the side opposite to their class's usual one:
 * distributions (debit, reducing equity), refunds (debit, reducing income) and the memorandum
 * contra of committed budgets (credit).
 */
public enum Account {
    FUND_CASH("1000", "Fund cash", AccountType.ASSET, Side.DEBIT),
    UNCALLED_COMMITMENTS_RECEIVABLE("1310", "Uncalled commitments receivable from investors", AccountType.ASSET, Side.DEBIT),
    CAPITAL_CALLED_RECEIVABLE("1320", "Capital called receivable from investors", AccountType.ASSET, Side.DEBIT),
    PROVIDER_ADVANCES("1400", "Working-capital advances to providers", AccountType.ASSET, Side.DEBIT),
    OUTCOME_PAYMENTS_RECEIVABLE("1500", "Outcome payments receivable from payers", AccountType.ASSET, Side.DEBIT),
    INVESTMENT_PROPERTY("1600", "Investment property at cost (Homes4All)", AccountType.ASSET, Side.DEBIT),
    INVESTOR_COMMITMENTS("3100", "Investor commitments not yet paid in", AccountType.EQUITY, Side.CREDIT),
    INVESTOR_PAID_IN_CAPITAL("3200", "Investor paid-in capital", AccountType.EQUITY, Side.CREDIT),
    DISTRIBUTIONS_RETURN_OF_CAPITAL("3300", "Distributions – return of capital", AccountType.EQUITY, Side.DEBIT),
    DISTRIBUTIONS_PROFIT("3400", "Distributions – profit", AccountType.EQUITY, Side.DEBIT),
    OUTCOME_PAYMENT_INCOME("4100", "Outcome payment income", AccountType.INCOME, Side.CREDIT),
    RENT_INCOME("4200", "Rent income (Homes4All)", AccountType.INCOME, Side.CREDIT),
    OUTCOME_PAYMENT_REFUNDS("4900", "Outcome payments refunded to payers", AccountType.INCOME, Side.DEBIT),
    PAYER_BUDGET_AVAILABLE("9100", "Payer budgets – available", AccountType.MEMORANDUM, Side.DEBIT),
    PAYER_BUDGET_RESERVED("9200", "Payer budgets – reserved by approved payments", AccountType.MEMORANDUM, Side.DEBIT),
    PAYER_BUDGET_CONSUMED("9300", "Payer budgets – consumed by payments received", AccountType.MEMORANDUM, Side.DEBIT),
    PAYER_BUDGET_COMMITTED("9900", "Payer budgets – committed (contra)", AccountType.MEMORANDUM, Side.CREDIT);

    private static final Map<String, Account> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Account::code, Function.identity()));

    private final String code;
    private final String title;
    private final AccountType type;
    private final Side normalSide;

    Account(String code, String title, AccountType type, Side normalSide) {
        this.code = code;
        this.title = title;
        this.type = type;
        this.normalSide = normalSide;
    }

    /** The account for a stored code, or {@code null} if the chart has no such account. */
    public static Account ofCode(String code) {
        return BY_CODE.get(code);
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public AccountType type() {
        return type;
    }

    public Side normalSide() {
        return normalSide;
    }

    public Book book() {
        return type.book();
    }
}
