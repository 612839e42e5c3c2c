package org.impactledger.core.nrrp;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.impactledger.core.shared.Money;

/**
 * Pairs bank entries with ledger payments, deterministically: the same entries, payments and
 * officer decisions always give the same matches, whatever order they were recorded in. The rules,
 * applied in this order, each pairing an entry and a payment at most once:
 * <ol>
 *   <li>{@link Rule#MANUAL}: an officer's manual match of a debit entry stands (if the payment is
 *       known). The {@link BankStatement} refuses to match a credit by hand; one recorded before it
 *       did is ignored here, so a credit never counts as a payment's confirmation.</li>
 *   <li>{@link Rule#BANK_REFERENCE}: a debit entry whose bank reference (end-to-end id) equals a
 *       payment's bank reference, ignoring case and surrounding spaces. Amounts need not agree:
 *       a difference is then a discrepancy to show, not a reason to look elsewhere.</li>
 *   <li>{@link Rule#CUP_AMOUNT_DATE}: a debit entry quoting the payment's CUP, for exactly the same
 *       amount, with value dates at most {@link #DATE_WINDOW_DAYS} days apart.</li>
 * </ol>
 * An entry and a payment in different currencies are never paired (an amount in dollars does not
 * confirm one in euro). Entries are taken in order of value date then key; among several candidate
 * payments the one with the nearest value date wins, then the earlier, then the smaller event id. A pair an officer
 * unmatched (rejected) is never made automatically. Credits (money coming in) are not payments and
 * are never matched, automatically or by hand.
 */
public final class BankMatcher {

    /** How far apart a bank entry's and a payment's value dates may be for a CUP + amount match (bank holidays, cut-off times). */
    public static final int DATE_WINDOW_DAYS = 5;

    public enum Rule { MANUAL, BANK_REFERENCE, CUP_AMOUNT_DATE }

    /** A bank entry; {@code key} identifies it across statements (statement id and entry reference). */
    public record Line(String key, LocalDate valueDate, Money amount, String direction, String bankReference, String cup,
                       String manualPaymentEventId) {
    }

    /** A ledger payment, identified by the id of the event that recorded it. */
    public record Payment(String eventId, String cup, LocalDate valueDate, Money amount, String bankReference) {
    }

    public record Match(String lineKey, String paymentEventId, Rule rule) {
    }

    private BankMatcher() {
    }

    /**
     * @param rejected pairs an officer unmatched, written {@code lineKey + " " + paymentEventId}
     */
    public static List<Match> match(List<Line> lines, List<Payment> payments, Set<String> rejected) {
        Map<String, Payment> byId = new HashMap<>();
        payments.forEach(p -> byId.put(p.eventId(), p));
        List<Line> ordered = new ArrayList<>(lines);
        ordered.sort(Comparator.comparing(Line::valueDate).thenComparing(Line::key));
        List<Payment> orderedPayments = new ArrayList<>(payments);
        orderedPayments.sort(Comparator.comparing(Payment::valueDate).thenComparing(Payment::eventId));

        Set<String> usedLines = new HashSet<>();
        Set<String> usedPayments = new HashSet<>();
        List<Match> matches = new ArrayList<>();
        for (Line line : ordered) {
            String manual = line.manualPaymentEventId();
            if (manual != null && BankEntry.DEBIT.equals(line.direction()) && byId.containsKey(manual) && !usedPayments.contains(manual)
                    && sameCurrency(line, byId.get(manual))) {
                take(matches, usedLines, usedPayments, line, manual, Rule.MANUAL);
            }
        }
        for (Line line : ordered) {
            if (usedLines.contains(line.key()) || !BankEntry.DEBIT.equals(line.direction()) || line.bankReference() == null) {
                continue;
            }
            String reference = normal(line.bankReference());
            orderedPayments.stream()
                    .filter(p -> !usedPayments.contains(p.eventId()) && !rejected.contains(line.key() + " " + p.eventId()))
                    .filter(p -> p.bankReference() != null && normal(p.bankReference()).equals(reference) && sameCurrency(line, p))
                    .min(nearest(line))
                    .ifPresent(p -> take(matches, usedLines, usedPayments, line, p.eventId(), Rule.BANK_REFERENCE));
        }
        for (Line line : ordered) {
            if (usedLines.contains(line.key()) || !BankEntry.DEBIT.equals(line.direction()) || line.cup() == null) {
                continue;
            }
            orderedPayments.stream()
                    .filter(p -> !usedPayments.contains(p.eventId()) && !rejected.contains(line.key() + " " + p.eventId()))
                    .filter(p -> line.cup().equals(p.cup()) && line.amount().equals(p.amount()))
                    .filter(p -> Math.abs(ChronoUnit.DAYS.between(line.valueDate(), p.valueDate())) <= DATE_WINDOW_DAYS)
                    .min(nearest(line))
                    .ifPresent(p -> take(matches, usedLines, usedPayments, line, p.eventId(), Rule.CUP_AMOUNT_DATE));
        }
        return matches;
    }

    private static Comparator<Payment> nearest(Line line) {
        return Comparator.<Payment>comparingLong(p -> Math.abs(ChronoUnit.DAYS.between(line.valueDate(), p.valueDate())))
                .thenComparing(Payment::valueDate)
                .thenComparing(Payment::eventId);
    }

    private static void take(List<Match> matches, Set<String> usedLines, Set<String> usedPayments, Line line, String payment, Rule rule) {
        matches.add(new Match(line.key(), payment, rule));
        usedLines.add(line.key());
        usedPayments.add(payment);
    }

    private static boolean sameCurrency(Line line, Payment payment) {
        return line.amount().currency().equals(payment.amount().currency());
    }

    private static String normal(String reference) {
        return reference.strip().toUpperCase(Locale.ROOT);
    }
}
