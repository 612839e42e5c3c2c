package org.impactledger.core.nrrp;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.impactledger.core.nrrp.command.ImportBankStatement;
import org.impactledger.core.nrrp.command.MatchBankEntry;
import org.impactledger.core.nrrp.command.UnmatchBankEntry;
import org.impactledger.core.nrrp.event.BankEntryMatched;
import org.impactledger.core.nrrp.event.BankEntryRecorded;
import org.impactledger.core.nrrp.event.BankEntryUnmatched;
import org.impactledger.core.nrrp.event.BankStatementImported;
import org.impactledger.core.shared.BankStatementId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.Identifier;
import org.impactledger.core.shared.Money;
import org.impactledger.core.taxonomy.Cig;
import org.impactledger.core.taxonomy.Cup;

/**
 * A bank statement of the city's NRRP account, imported from camt.053 or CSV, and the finance
 * officers' manual decisions about its entries.
 *
 * <p><b>Idempotent import.</b> The aggregate is keyed by the bank's statement id, and each entry
 * by its reference within the statement. Importing a statement records the entries it does not
 * hold yet; an entry it holds already, with the same content, is skipped, so importing the same
 * file again appends nothing. An entry reference that comes back with different content is refused
 * (the bank does not rewrite a booked entry), and since the whole statement is one command, a
 * refusal writes nothing of it; a file of several statements is imported in one unit of work by
 * {@link BankStatementImportHandler}, so it too is all-or-nothing.
 *
 * <p><b>Who matches.</b> Automatic matching (by bank reference, then by CUP, amount and date
 * window; see {@link BankMatcher}) is not recorded here: it is a deterministic function of the
 * ledger's facts that the reconciliation read model evaluates, so a payment recorded after its
 * bank entry was imported is matched without anyone sending a command, and a rebuild gives the
 * same matches. What is recorded here are the human decisions that override it: a manual match
 * (entry to payment, with a reason) and an unmatch (undoing a manual match, or rejecting an
 * automatic one, with a reason). Both are events, so the audit trail shows who decided what and why.
 * Only a debit can be matched: a credit is money coming in, never the bank's confirmation of a
 * payment going out. A manual match takes a payment the statement has not matched by hand to
 * another of its entries, in the statement's own currency; that the payment is not matched
 * elsewhere (automatically, or by hand on another statement) is a question about the whole ledger,
 * which the API asks the reconciliation read model before it sends the command.
 */
public class BankStatement {

    static final int MAX_TEXT = 200;
    static final int MAX_REMITTANCE = 500;

    @AggregateIdentifier
    private BankStatementId statementId;
    private String currency;
    /** Entry reference → the entry as recorded, to tell a re-import from a conflicting one. */
    private Map<String, BankEntry> entries = new LinkedHashMap<>();
    /** Entry reference → payment event id it is matched to by hand. */
    private Map<String, String> manualMatches = new HashMap<>();
    /** "entryReference payment-event-id" pairs rejected by an officer; the automatic matcher skips them. */
    private Set<String> rejected = new HashSet<>();

    /** For the framework (event sourcing, snapshots and create-if-missing). */
    public BankStatement() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ImportBankStatement command) {
        Identifier.requireValid(command.statementId() == null ? null : command.statementId().value(), "statementId");
        requireText(command.account(), "account", MAX_TEXT);
        String statementCurrency = Money.validCurrency(command.currency(), "currency");
        requireText(command.format(), "format", MAX_TEXT);
        if (command.entries() == null || command.entries().isEmpty()) {
            throw DomainException.invalid("entries", "a statement needs at least one entry");
        }
        if (statementId != null && !currency.equals(statementCurrency)) {
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH, "currency", "statement " + statementId + " was imported in " + currency
                    + "; it cannot come back in " + statementCurrency);
        }
        List<BankEntry> fresh = new java.util.ArrayList<>();
        Map<String, BankEntry> seen = new HashMap<>();
        for (int i = 0; i < command.entries().size(); i++) {
            BankEntry entry = valid(command.entries().get(i), "entries[" + i + "]", statementCurrency);
            BankEntry earlier = seen.put(entry.entryReference(), entry);
            if (earlier != null && !earlier.equals(entry)) {
                throw DomainException.invalid("entries[" + i + "].entryReference", "entry reference " + entry.entryReference()
                        + " appears twice in the statement with different content");
            }
            BankEntry recorded = entries.get(entry.entryReference());
            if (recorded == null) {
                if (earlier == null) {
                    fresh.add(entry);
                }
            } else if (!recorded.equals(entry)) {
                throw new DomainException(ErrorCode.INVALID_STATE, "entries[" + i + "]", "entry " + entry.entryReference() + " of statement "
                        + command.statementId() + " was imported before with different content; a booked entry does not change");
            }
        }
        if (statementId == null) {
            apply(new BankStatementImported(command.statementId(), command.account().strip(), statementCurrency, command.format().strip()));
        }
        for (BankEntry entry : fresh) {
            apply(new BankEntryRecorded(command.statementId(), entry.entryReference(), entry.bookingDate(), entry.valueDate(), entry.amount(),
                    entry.direction(), entry.bankReference(), entry.remittance(), entry.cup(), entry.cig()));
        }
    }

    @CommandHandler
    public void handle(MatchBankEntry command) {
        String entry = entry(command.entryReference());
        Identifier.requireValid(command.paymentEventId(), "paymentEventId");
        requireText(command.reason(), "reason", MAX_TEXT);
        requireText(command.matchedBy(), "matchedBy", MAX_TEXT);
        if (!BankEntry.DEBIT.equals(entries.get(entry).direction())) {
            throw new DomainException(ErrorCode.INVALID_STATE, "entryReference", "entry " + entry + " of statement " + statementId
                    + " is a credit (CRDT, money coming in): only a debit (DBIT, money going out) can confirm a ledger payment,"
                    + " so a credit is never matched");
        }
        String paymentCurrency = Money.validCurrency(command.paymentCurrency(), "paymentCurrency");
        if (!paymentCurrency.equals(currency)) {
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH, "paymentEventId", "payment " + command.paymentEventId() + " is in "
                    + paymentCurrency + " and statement " + statementId + " in " + currency
                    + ": a bank entry confirms only a payment in its statement's currency");
        }
        String current = manualMatches.get(entry);
        if (command.paymentEventId().equals(current)) {
            throw new DomainException(ErrorCode.INVALID_STATE, "entryReference", "entry " + entry + " is already matched by hand to payment "
                    + current);
        }
        if (current != null) {
            throw new DomainException(ErrorCode.INVALID_STATE, "entryReference", "entry " + entry + " is matched by hand to payment " + current
                    + "; unmatch it first");
        }
        for (Map.Entry<String, String> other : manualMatches.entrySet()) {
            if (other.getValue().equals(command.paymentEventId())) {
                throw new DomainException(ErrorCode.INVALID_STATE, "paymentEventId", "payment " + command.paymentEventId() + " is matched by hand"
                        + " to entry " + other.getKey() + " of statement " + statementId
                        + "; a payment is confirmed by one bank entry: unmatch it there first");
            }
        }
        apply(new BankEntryMatched(statementId, entry, command.paymentEventId(), command.reason().strip(), command.matchedBy()));
    }

    @CommandHandler
    public void handle(UnmatchBankEntry command) {
        String entry = entry(command.entryReference());
        Identifier.requireValid(command.paymentEventId(), "paymentEventId");
        requireText(command.reason(), "reason", MAX_TEXT);
        requireText(command.unmatchedBy(), "unmatchedBy", MAX_TEXT);
        boolean manual = command.paymentEventId().equals(manualMatches.get(entry));
        if (!manual && rejected.contains(pair(entry, command.paymentEventId()))) {
            throw new DomainException(ErrorCode.INVALID_STATE, "paymentEventId", "entry " + entry + " is already unmatched from payment "
                    + command.paymentEventId());
        }
        apply(new BankEntryUnmatched(statementId, entry, command.paymentEventId(), command.reason().strip(), command.unmatchedBy()));
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(BankStatementImported event) {
        statementId = event.statementId();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(BankEntryRecorded event) {
        entries.put(event.entryReference(), new BankEntry(event.entryReference(), event.bookingDate(), event.valueDate(), event.amount(),
                event.direction(), event.bankReference(), event.remittance(), event.cup(), event.cig()));
    }

    @EventSourcingHandler
    void on(BankEntryMatched event) {
        manualMatches.put(event.entryReference(), event.paymentEventId());
        rejected.remove(pair(event.entryReference(), event.paymentEventId()));
    }

    /** Undoing a manual match also rejects the pair, so the automatic matcher does not bring it straight back. */
    @EventSourcingHandler
    void on(BankEntryUnmatched event) {
        manualMatches.remove(event.entryReference(), event.paymentEventId());
        rejected.add(pair(event.entryReference(), event.paymentEventId()));
    }

    // ---------------------------------------------------------------- checks

    private static String pair(String entry, String payment) {
        return entry + " " + payment;
    }

    private String entry(String reference) {
        if (reference == null || reference.isBlank()) {
            throw DomainException.invalid("entryReference", "entryReference is required");
        }
        if (!entries.containsKey(reference)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "entryReference", "statement " + statementId + " has no entry " + reference);
        }
        return reference;
    }

    /** The entry in canonical form (codes upper-cased, text trimmed), or a refusal naming the entry's field. */
    private static BankEntry valid(BankEntry entry, String field, String currency) {
        if (entry == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        Identifier.requireValid(entry.entryReference(), field + ".entryReference");
        if (entry.bookingDate() == null) {
            throw DomainException.invalid(field + ".bookingDate", field + ".bookingDate is required");
        }
        if (entry.amount() == null) {
            throw DomainException.invalid(field + ".amount", field + ".amount is required");
        }
        entry.amount().requirePositive(field + ".amount").requireCurrency(currency, field + ".amount");
        if (!BankEntry.DEBIT.equals(entry.direction()) && !BankEntry.CREDIT.equals(entry.direction())) {
            throw DomainException.invalid(field + ".direction", field + ".direction must be DBIT or CRDT; was "
                    + (entry.direction() == null ? "missing" : "'" + entry.direction() + "'"));
        }
        String bankReference = blankToNull(entry.bankReference());
        if (bankReference != null && bankReference.length() > MAX_TEXT) {
            throw DomainException.invalid(field + ".bankReference", field + ".bankReference must be at most " + MAX_TEXT + " characters");
        }
        String remittance = blankToNull(entry.remittance());
        if (remittance != null && remittance.length() > MAX_REMITTANCE) {
            throw DomainException.invalid(field + ".remittance", field + ".remittance must be at most " + MAX_REMITTANCE + " characters");
        }
        String cup = blankToNull(entry.cup()) == null ? null : Cup.parse(entry.cup(), field + ".cup").value();
        String cig = blankToNull(entry.cig()) == null ? null : Cig.parse(entry.cig(), field + ".cig").value();
        return new BankEntry(entry.entryReference(), entry.bookingDate(), Objects.requireNonNullElse(entry.valueDate(), entry.bookingDate()),
                entry.amount(), entry.direction(), bankReference, remittance, cup, cig);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void requireText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        if (value.length() > max) {
            throw DomainException.invalid(field, field + " must be at most " + max + " characters");
        }
    }

    // ---------------------------------------------------------------- read access for tests

    public int entryCount() {
        return entries.size();
    }
}
