package org.impactledger.api.nrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.impactledger.api.web.DateWindows;
import org.impactledger.core.nrrp.BankEntry;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.Money;
import org.junit.jupiter.api.Test;

/** Reading camt.053 and CSV statements and Italian numbers, and refusing what cannot be read by its line. */
class StatementParsersTest {

    /** The default window on a clock stopped on 2026-11-29: dates from 1900-01-01 to 2027-11-29. */
    private static final DateWindows DATES = DateWindows.standard(Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String camt(String entries) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>MSG-1</MsgId></GrpHdr>
                    <Stmt>
                      <Id>STMT-T-1</Id>
                      <Acct><Id><IBAN>IT60X0542811101000000123456</IBAN></Id><Ccy>EUR</Ccy></Acct>
                """ + entries + """
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """;
    }

    private static final String ENTRY = """
                  <Ntry>
                    <NtryRef>E-1</NtryRef>
                    <Amt Ccy="EUR">4500.00</Amt>
                    <CdtDbtInd>DBIT</CdtDbtInd>
                    <Sts>BOOK</Sts>
                    <BookgDt><Dt>2026-03-03</Dt></BookgDt>
                    <ValDt><Dt>2026-03-04</Dt></ValDt>
                    <NtryDtls><TxDtls><Refs><EndToEndId>IT-1</EndToEndId></Refs>
                      <RmtInf><Ustrd>SAL 1 CUP C11H22000110001</Ustrd><Ustrd>CIG 9876543210</Ustrd></RmtInf></TxDtls></NtryDtls>
                  </Ntry>
            """;

    @Test
    void reads_a_camt053_statement_with_its_booked_entries_references_and_codes() {
        String pending = ENTRY.replace("E-1", "E-2").replace("BOOK", "PDNG");
        List<ParsedStatement> statements = Camt053Parser.parse(bytes(camt(ENTRY + pending)), DATES);
        assertThat(statements).containsExactly(new ParsedStatement("STMT-T-1", "IT60X0542811101000000123456", "EUR", "camt.053",
                List.of(new BankEntry("E-1", LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-04"), Money.of("4500.00", "EUR"),
                        "DBIT", "IT-1", "SAL 1 CUP C11H22000110001 CIG 9876543210", "C11H22000110001", "9876543210"))));
    }

    @Test
    void refuses_malformed_xml_naming_the_line() {
        assertThatThrownBy(() -> Camt053Parser.parse(bytes(camt(ENTRY.replace("</Amt>", "</Amount>"))), DATES))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("file"))
                .hasMessageStartingWith("line 10: not well-formed camt.053 XML");
    }

    @Test
    void refuses_an_amount_it_cannot_read_naming_the_line_and_element() {
        assertThatThrownBy(() -> Camt053Parser.parse(bytes(camt(ENTRY.replace("4500.00", "4.500,00"))), DATES))
                .isInstanceOf(DomainException.class)
                .hasMessage("line 10, element <Amt>: '4.500,00' is not an amount such as 4500.00");
    }

    @Test
    void refuses_an_entry_that_is_neither_debit_nor_credit() {
        assertThatThrownBy(() -> Camt053Parser.parse(bytes(camt(ENTRY.replace("<CdtDbtInd>DBIT", "<CdtDbtInd>OUT"))), DATES))
                .isInstanceOf(DomainException.class)
                .hasMessage("line 11, element <CdtDbtInd>: entry E-1 must say DBIT or CRDT; was 'OUT'");
    }

    @Test
    void refuses_a_file_that_is_not_a_camt053_document() {
        assertThatThrownBy(() -> Camt053Parser.parse(bytes("<?xml version=\"1.0\"?>\n<Invoice/>"), DATES))
                .isInstanceOf(DomainException.class)
                .hasMessage("line 2, element <Invoice>: a camt.053 file starts with <Document>");
    }

    private static final String CSV_HEADER = "statementId;account;currency;entryReference;bookingDate;valueDate;direction;amount;bankReference;remittance\n";

    @Test
    void reads_a_csv_statement_with_italian_amounts_and_dates() {
        List<ParsedStatement> statements = StatementCsvParser.parse(bytes(CSV_HEADER
                + "S-1;IT60X0542811101000000123456;EUR;E-1;03/03/2026;;DBIT;1.234,50;IT-9;\"Pagamento; CUP C11H22000110001\"\n"), DATES);
        assertThat(statements).containsExactly(new ParsedStatement("S-1", "IT60X0542811101000000123456", "EUR", "csv",
                List.of(new BankEntry("E-1", LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-03"), Money.of("1234.50", "EUR"), "DBIT",
                        "IT-9", "Pagamento; CUP C11H22000110001", "C11H22000110001", null))));
    }

    @Test
    void refuses_a_csv_line_it_cannot_read_naming_the_line() {
        assertThatThrownBy(() -> StatementCsvParser.parse(bytes(CSV_HEADER
                + "S-1;IT60;EUR;E-1;2026-03-03;;DBIT;10,00;;\n"
                + "S-1;IT60;EUR;E-2;2026-03-03;;DBIT;dieci;;\n"), DATES))
                .isInstanceOf(DomainException.class)
                .hasMessage("line 3: column amount: 'dieci' is not an amount such as 1.234,56 or 1234.56");
    }

    @Test
    void refuses_a_statement_date_outside_the_date_window_naming_the_line() {
        assertThatThrownBy(() -> StatementCsvParser.parse(bytes(CSV_HEADER
                + "S-1;IT60;EUR;E-1;2026-03-03;;DBIT;10,00;;\n"
                + "S-1;IT60;EUR;E-2;2026-03-03;9999-12-31;DBIT;10,00;;\n"), DATES))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATE_OUT_OF_RANGE))
                .hasMessage("line 3: column valueDate must be a date from 1900-01-01 to 2027-11-29 (the ledger's date window: at most 1 year "
                        + "after today), was 9999-12-31");
        assertThatThrownBy(() -> StatementCsvParser.parse(bytes(CSV_HEADER + "S-1;IT60;EUR;E-1;31/12/1899;;DBIT;10,00;;\n"), DATES))
                .hasMessageStartingWith("line 2: column bookingDate must be a date from 1900-01-01");
        assertThatThrownBy(() -> Camt053Parser.parse(bytes(camt(ENTRY.replace("<ValDt><Dt>2026-03-04", "<ValDt><Dt>9999-12-31"))), DATES))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATE_OUT_OF_RANGE))
                .hasMessageContaining("element <ValDt>: must be a date from 1900-01-01 to 2027-11-29");
    }

    @Test
    void refuses_a_csv_without_the_expected_columns() {
        assertThatThrownBy(() -> StatementCsvParser.parse(bytes("statementId;amount\nS-1;1\n"), DATES))
                .isInstanceOf(DomainException.class)
                .hasMessageStartingWith("line 1: the header lacks the column(s) [account, currency, entryreference");
    }

    private static final String MEASURES_HEADER = "mission;component;measure;subMeasure;amount\n";

    @Test
    void reads_the_plans_measure_list_with_italian_amounts_sub_measures_and_n_d() {
        List<org.impactledger.core.nrrp.NrrpPlanMeasure> rows = MeasureListCsvParser.parse(bytes(MEASURES_HEADER
                + "M5;M5C2;M5C2I1.3;;1.234.567,89\n"
                + "M5;M5C2;M5C2I1.3;M5C2I1.03.01;N/D\n"), "EUR");
        assertThat(rows).containsExactly(
                new org.impactledger.core.nrrp.NrrpPlanMeasure("M5", "M5C2", "M5C2I1.3", Money.of("1234567.89", "EUR")),
                new org.impactledger.core.nrrp.NrrpPlanMeasure("M5", "M5C2", "M5C2I1.03.01", null));
    }

    @Test
    void refuses_a_measure_list_row_it_cannot_read_naming_the_line() {
        assertThatThrownBy(() -> MeasureListCsvParser.parse(bytes(MEASURES_HEADER
                + "M5;M5C2;M5C2I1.3;;10\n"
                + "M5;M5C2;M5C2I1.3;;dieci\n"), "EUR"))
                .isInstanceOf(DomainException.class)
                .hasMessage("line 3: column amount: 'dieci' is not an amount such as 1.234.567,89 or N/D");
        assertThatThrownBy(() -> MeasureListCsvParser.parse(bytes(MEASURES_HEADER + "M5;M5C1;M5C2I1.3;;10\n"), "EUR"))
                .isInstanceOf(DomainException.class)
                .hasMessage("line 2: column measure: measure M5C2I1.3 is not in mission M5 and component M5C1");
        assertThatThrownBy(() -> MeasureListCsvParser.parse(bytes(MEASURES_HEADER + "M5;M5C2;M5C2X1.3;;10\n"), "EUR"))
                .isInstanceOf(DomainException.class)
                .hasMessageStartingWith("line 2: column measure: NRRP measure must be written like M5C2I1.3");
    }

    @Test
    void reads_italian_and_plain_numbers_and_n_d_as_missing() {
        assertThat(ItalianNumbers.parse("1.234.567,89")).isEqualByComparingTo(new BigDecimal("1234567.89"));
        assertThat(ItalianNumbers.parse("500.000.000,00")).isEqualByComparingTo(new BigDecimal("500000000"));
        assertThat(ItalianNumbers.parse("1.234,5")).isEqualByComparingTo(new BigDecimal("1234.5"));
        assertThat(ItalianNumbers.parse("1234,56")).isEqualByComparingTo(new BigDecimal("1234.56"));
        assertThat(ItalianNumbers.parse("€ 4.500,00")).isEqualByComparingTo(new BigDecimal("4500"));
        assertThat(ItalianNumbers.parse("1.234.567")).isEqualByComparingTo(new BigDecimal("1234567")); // two dots: a decimal point cannot repeat
        assertThat(ItalianNumbers.parse("1234.5")).isEqualByComparingTo(new BigDecimal("1234.5"));
        assertThat(ItalianNumbers.parse("1234567.89")).isEqualByComparingTo(new BigDecimal("1234567.89"));
        assertThat(ItalianNumbers.parse("10")).isEqualByComparingTo(new BigDecimal("10"));
        assertThat(ItalianNumbers.parse("N/D")).isNull();
        assertThat(ItalianNumbers.parse(" ")).isNull();
        assertThatThrownBy(() -> ItalianNumbers.parse("1.23,4.5")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void refuses_a_number_whose_single_dot_may_be_a_decimal_point_or_a_thousands_separator() {
        assertThatThrownBy(() -> ItalianNumbers.parse("10.001")).isInstanceOf(NumberFormatException.class)
                .hasMessage("'10.001' is ambiguous: a single '.' followed by three digits may be a decimal point or an Italian thousands"
                        + " separator (10001); write it without a thousands separator (10001) or with a decimal comma (10.001,00)");
        assertThatThrownBy(() -> ItalianNumbers.parse("1.234")).isInstanceOf(NumberFormatException.class)
                .hasMessageStartingWith("'1.234' is ambiguous");
    }

    @Test
    void refuses_a_number_with_more_than_two_decimals_rather_than_guess_a_thousands_separator() {
        assertThatThrownBy(() -> ItalianNumbers.parse("1,000")).isInstanceOf(NumberFormatException.class)
                .hasMessage("'1,000' has 3 decimals, an amount at most two; if its ',' separates thousands, write 1000 or 1.000,00");
        assertThatThrownBy(() -> ItalianNumbers.parse("0.001")).isInstanceOf(NumberFormatException.class)
                .hasMessage("'0.001' has 3 decimals, an amount at most two; if its '.' separates thousands, write 1 or 1,00");
        assertThatThrownBy(() -> ItalianNumbers.parse("10.0010")).isInstanceOf(NumberFormatException.class)
                .hasMessage("'10.0010' has 4 decimals, an amount at most two");
        assertThatThrownBy(() -> ItalianNumbers.parse("1.234,567")).isInstanceOf(NumberFormatException.class)
                .hasMessage("'1.234,567' has 3 decimals, an amount at most two");
    }

    @Test
    void refuses_a_csv_statement_line_whose_amount_is_ambiguous_naming_the_line_the_column_and_the_rule() {
        // the tester's case: 10.001 was read as 10,001.00, a thousand times the ten euro it may have meant
        assertThatThrownBy(() -> StatementCsvParser.parse(bytes(CSV_HEADER
                + "S-1;IT60;EUR;E-1;2026-03-03;;DBIT;1.234,56;;\n"
                + "S-1;IT60;EUR;E-2;2026-03-03;;DBIT;10.001;;\n"), DATES))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("file"))
                .hasMessage("line 3: column amount: '10.001' is ambiguous: a single '.' followed by three digits may be a decimal point"
                        + " or an Italian thousands separator (10001); write it without a thousands separator (10001) or with a decimal"
                        + " comma (10.001,00)");
        assertThatThrownBy(() -> MeasureListCsvParser.parse(bytes(MEASURES_HEADER + "M5;M5C2;M5C2I1.3;;500.000\n"), "EUR"))
                .isInstanceOf(DomainException.class)
                .hasMessageStartingWith("line 2: column amount: '500.000' is ambiguous");
    }
}
