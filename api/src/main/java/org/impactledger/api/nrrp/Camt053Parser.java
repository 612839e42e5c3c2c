package org.impactledger.api.nrrp;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.impactledger.api.web.DateWindow;
import org.impactledger.api.web.DateWindows;
import org.impactledger.core.nrrp.BankEntry;
import org.impactledger.core.nrrp.RemittanceCodes;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.Identifier;
import org.impactledger.core.shared.Money;

/**
 * Reads ISO 20022 camt.053 (bank-to-customer statement) files with the JDK's StAX, element by
 * element, so a large file is never held in memory as a tree; only the entries read so far are.
 *
 * <p>What is read, per {@code Stmt}: {@code Id} (the statement id: importing it again is a no-op),
 * {@code Acct/Id/IBAN} (or {@code Acct/Id/Othr/Id}) and {@code Acct/Ccy}; per {@code Ntry}:
 * {@code NtryRef} (else {@code AcctSvcrRef}, else the entry's position, as the entry reference),
 * {@code Amt} with its {@code Ccy}, {@code CdtDbtInd}, {@code Sts} (only booked entries, {@code BOOK},
 * are recorded: a pending entry may still change), {@code BookgDt} and {@code ValDt} ({@code Dt} or
 * {@code DtTm}), the first {@code EndToEndId} of its transaction details as the bank reference
 * ({@code NOTPROVIDED} counts as none) and the {@code Ustrd} remittance lines joined by a space, in
 * which the CUP and CIG are looked for. Namespaces and versions are not checked: element names are
 * the same in every camt.053 version in use.
 *
 * <p>Any problem refuses the whole file, naming the line and the element; DTDs and external
 * entities are switched off (no XXE).
 */
final class Camt053Parser {

    static final String FORMAT = "camt.053";

    private Camt053Parser() {
    }

    static List<ParsedStatement> parse(InputStream in, DateWindows dates) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            return read(xml, dates);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            String message = e.getMessage() == null ? "unreadable XML" : e.getMessage().replaceAll("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            throw ImportRefusal.atLine(line, "not well-formed camt.053 XML: " + message.strip());
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // the refusal or the result is already decided
                }
            }
        }
    }

    /** The statement being read. */
    private static final class Stmt {
        int line;
        String id;
        String account;
        String currency;
        List<BankEntry> entries = new ArrayList<>();
        Set<String> references = new HashSet<>();
        int position;
    }

    /** The entry being read. */
    private static final class Ntry {
        int line;
        String ntryRef;
        String acctSvcrRef;
        String amount;
        int amountLine;
        String amountCurrency;
        String direction;
        int directionLine;
        String status;
        String bookingDate;
        int bookingLine;
        String valueDate;
        int valueLine;
        String endToEndId;
        StringBuilder remittance = new StringBuilder();
    }

    private static List<ParsedStatement> read(XMLStreamReader xml, DateWindows dates) throws XMLStreamException {
        List<ParsedStatement> statements = new ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        Stmt stmt = null;
        Ntry ntry = null;
        StringBuilder text = new StringBuilder();
        String amountCurrency = null;
        boolean sawDocument = false;
        while (xml.hasNext()) {
            int event = xml.next();
            int line = xml.getLocation().getLineNumber();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = xml.getLocalName();
                    if (path.isEmpty()) {
                        if (!name.equals("Document")) {
                            throw ImportRefusal.atElement(line, name, "a camt.053 file starts with <Document>");
                        }
                        sawDocument = true;
                    }
                    path.push(name);
                    text.setLength(0);
                    if (name.equals("Stmt")) {
                        stmt = new Stmt();
                        stmt.line = line;
                    } else if (name.equals("Ntry") && stmt != null) {
                        ntry = new Ntry();
                        ntry.line = line;
                        stmt.position++;
                    } else if (name.equals("Amt") && ntry != null && parent(path).equals("Ntry")) {
                        amountCurrency = xml.getAttributeValue(null, "Ccy");
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    String name = path.pop();
                    String value = text.toString().strip();
                    text.setLength(0);
                    String parent = path.isEmpty() ? "" : path.peek();
                    if (ntry != null) {
                        if (name.equals("Ntry")) {
                            BankEntry entry = entry(stmt, ntry, dates);
                            if (entry != null) {
                                if (!stmt.references.add(entry.entryReference())) {
                                    throw ImportRefusal.atElement(ntry.line, "Ntry", "entry reference " + entry.entryReference()
                                            + " appears twice in statement " + stmt.id);
                                }
                                stmt.entries.add(entry);
                            }
                            ntry = null;
                        } else if (name.equals("NtryRef") && parent.equals("Ntry")) {
                            ntry.ntryRef = value;
                        } else if (name.equals("AcctSvcrRef") && parent.equals("Ntry")) {
                            ntry.acctSvcrRef = value;
                        } else if (name.equals("Amt") && parent.equals("Ntry")) {
                            ntry.amount = value;
                            ntry.amountLine = line;
                            ntry.amountCurrency = amountCurrency;
                        } else if (name.equals("CdtDbtInd") && parent.equals("Ntry")) {
                            ntry.direction = value;
                            ntry.directionLine = line;
                        } else if ((name.equals("Sts") && parent.equals("Ntry") && !value.isEmpty())
                                || (name.equals("Cd") && parent.equals("Sts"))) {
                            ntry.status = value;
                        } else if ((name.equals("Dt") || name.equals("DtTm")) && parent.equals("BookgDt")) {
                            ntry.bookingDate = value;
                            ntry.bookingLine = line;
                        } else if ((name.equals("Dt") || name.equals("DtTm")) && parent.equals("ValDt")) {
                            ntry.valueDate = value;
                            ntry.valueLine = line;
                        } else if (name.equals("EndToEndId") && ntry.endToEndId == null && !value.equalsIgnoreCase("NOTPROVIDED")) {
                            ntry.endToEndId = value;
                        } else if (name.equals("Ustrd")) {
                            if (!ntry.remittance.isEmpty()) {
                                ntry.remittance.append(' ');
                            }
                            ntry.remittance.append(value);
                        }
                    } else if (stmt != null) {
                        if (name.equals("Stmt")) {
                            statements.add(statement(stmt));
                            stmt = null;
                        } else if (name.equals("Id") && parent.equals("Stmt")) {
                            stmt.id = value;
                        } else if ((name.equals("IBAN") && path.contains("Acct")) || (name.equals("Id") && parent.equals("Othr") && path.contains("Acct"))) {
                            stmt.account = value;
                        } else if (name.equals("Ccy") && parent.equals("Acct")) {
                            stmt.currency = value;
                        }
                    }
                }
                default -> {
                    // comments, processing instructions, whitespace between elements
                }
            }
        }
        if (!sawDocument) {
            throw ImportRefusal.atLine(1, "empty file: a camt.053 file starts with <Document>");
        }
        if (statements.isEmpty()) {
            throw ImportRefusal.atLine(xml.getLocation().getLineNumber(), "no <Stmt> in the file: is it a camt.053 statement?");
        }
        return statements;
    }

    private static String parent(Deque<String> path) {
        var it = path.iterator();
        it.next();
        return it.hasNext() ? it.next() : "";
    }

    private static ParsedStatement statement(Stmt stmt) {
        if (stmt.id == null || stmt.id.isEmpty()) {
            throw ImportRefusal.atElement(stmt.line, "Stmt", "the statement has no <Id>");
        }
        try {
            Identifier.requireValid(stmt.id, "statementId");
        } catch (DomainException e) {
            throw ImportRefusal.atElement(stmt.line, "Id", e.getMessage());
        }
        if (stmt.account == null || stmt.account.isEmpty()) {
            throw ImportRefusal.atElement(stmt.line, "Acct", "statement " + stmt.id + " names no account (<Acct><Id><IBAN>)");
        }
        String currency = stmt.currency;
        if (currency == null) {
            currency = stmt.entries.isEmpty() ? null : stmt.entries.get(0).amount().currency();
        }
        if (currency == null) {
            throw ImportRefusal.atElement(stmt.line, "Acct", "statement " + stmt.id + " has no <Ccy> and no booked entry to take it from");
        }
        if (stmt.entries.isEmpty()) {
            throw ImportRefusal.atElement(stmt.line, "Stmt", "statement " + stmt.id + " has no booked entry (<Ntry> with <Sts> BOOK)");
        }
        return new ParsedStatement(stmt.id, stmt.account, currency, FORMAT, List.copyOf(stmt.entries));
    }

    /** The booked entry, or null for a pending or informational one. */
    private static BankEntry entry(Stmt stmt, Ntry ntry, DateWindows dates) {
        if (ntry.status != null && !ntry.status.equalsIgnoreCase("BOOK")) {
            return null;
        }
        String reference = ntry.ntryRef != null && !ntry.ntryRef.isEmpty() ? ntry.ntryRef
                : ntry.acctSvcrRef != null && !ntry.acctSvcrRef.isEmpty() ? ntry.acctSvcrRef : "NTRY-" + stmt.position;
        try {
            Identifier.requireValid(reference, "entryReference");
        } catch (DomainException e) {
            throw ImportRefusal.atElement(ntry.line, "NtryRef", e.getMessage());
        }
        if (ntry.amount == null) {
            throw ImportRefusal.atElement(ntry.line, "Ntry", "entry " + reference + " has no <Amt>");
        }
        Money amount;
        try {
            BigDecimal value = new BigDecimal(ntry.amount);
            amount = Money.of(value, ntry.amountCurrency == null ? stmt.currency : ntry.amountCurrency);
            amount.requirePositive("Amt");
        } catch (NumberFormatException e) {
            throw ImportRefusal.atElement(ntry.amountLine, "Amt", "'" + ntry.amount + "' is not an amount such as 4500.00");
        } catch (DomainException e) {
            throw ImportRefusal.atElement(ntry.amountLine, "Amt", e.getMessage());
        }
        if (ntry.direction == null || !(ntry.direction.equals(BankEntry.DEBIT) || ntry.direction.equals(BankEntry.CREDIT))) {
            throw ImportRefusal.atElement(ntry.direction == null ? ntry.line : ntry.directionLine, "CdtDbtInd",
                    "entry " + reference + " must say DBIT or CRDT; was " + (ntry.direction == null ? "missing" : "'" + ntry.direction + "'"));
        }
        if (ntry.bookingDate == null) {
            throw ImportRefusal.atElement(ntry.line, "BookgDt", "entry " + reference + " has no booking date");
        }
        LocalDate booking = date(ntry.bookingDate, ntry.bookingLine, "BookgDt", dates);
        LocalDate valueDate = ntry.valueDate == null ? booking : date(ntry.valueDate, ntry.valueLine, "ValDt", dates);
        String remittance = ntry.remittance.isEmpty() ? null : ntry.remittance.toString();
        return new BankEntry(reference, booking, valueDate, amount, ntry.direction, ntry.endToEndId, remittance,
                RemittanceCodes.cupIn(remittance), RemittanceCodes.cigIn(remittance));
    }

    private static LocalDate date(String value, int line, String element, DateWindows dates) {
        LocalDate date;
        try {
            date = value.length() > 10 ? OffsetDateTime.parse(value).toLocalDate() : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ImportRefusal.atElement(line, element, "'" + value + "' is not a date (yyyy-MM-dd) or date-time");
        }
        if (!dates.contains(date, DateWindow.Reach.FACT)) {
            throw ImportRefusal.outOfWindow(ImportRefusal.atElement(line, element, dates.violation(date, DateWindow.Reach.FACT)));
        }
        return date;
    }
}
