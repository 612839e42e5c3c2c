package org.impactledger.api.exchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.api.web.CurrencyCode;
import org.impactledger.api.web.DateWindow;
import org.impactledger.api.web.MoneyBody;
import org.impactledger.core.exchange.BondTerms;
import org.impactledger.core.exchange.InstrumentType;
import org.impactledger.core.exchange.OrderSide;
import org.impactledger.core.shared.Identifier;

/**
 * Request bodies of the exchange endpoints (shape only; the aggregates check the rules). Ids may be
 * left out where the ledger can make one up; the date of an action ({@code placedOn},
 * {@code subscribedOn} ...) defaults to the request's business date ({@code X-Business-Date}, else
 * today) and becomes the business date of the command's events.
 */
public final class ExchangeRequests {

    private ExchangeRequests() {
    }

    static final String ID = Identifier.PATTERN;
    static final String ID_MESSAGE = Identifier.RULE;
    static final String CURRENCY = "[A-Z]{3}";
    static final String CURRENCY_MESSAGE = "must be an ISO 4217 code of three upper-case letters";
    /** The most units one order, offering or subscription may be for (the domain's limit). */
    static final long MAX_UNITS = 1_000_000_000L;

    // ---------------------------------------------------------------- issuers

    public record AdmitIssuerRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String issuerId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) @CurrencyCode String currency,
            @NotEmpty @Size(max = 30) List<@NotBlank String> sdgFocus,
            @DateWindow LocalDate admittedOn) {
    }

    public record SuspendIssuerRequest(@NotBlank @Size(max = 200) String reason, @DateWindow LocalDate suspendedOn) {
    }

    public record ReinstateIssuerRequest(@NotBlank @Size(max = 200) String reason, @DateWindow LocalDate reinstatedOn) {
    }

    public record ReportIssuerOutcomeRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String outcomeId,
            @NotBlank @Size(max = 40) String metricCode,
            @NotBlank @Size(max = 8) String sdgTarget,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal quantity,
            @NotBlank @Pattern(regexp = "\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?", message = "must be yyyy, yyyy-MM or yyyy-Qn") String period) {
    }

    public record VerifyIssuerOutcomeRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal verifiedQuantity,
            @Size(max = 1000) String note) {
    }

    public record RejectIssuerOutcomeRequest(@NotBlank @Size(max = 200) String reason) {
    }

    /** A bank transfer into or out of an issuer's or an investor's cash on the exchange. */
    public record CashTransferRequest(
            @NotNull @Valid MoneyBody amount,
            @NotBlank @Size(max = 64) String bankReference,
            @NotNull @DateWindow LocalDate valueDate) {
    }

    // ---------------------------------------------------------------- accounts

    public record OpenAccountRequest(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String investorId,
            @NotBlank @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) @CurrencyCode String currency,
            @DateWindow LocalDate openedOn) {
    }

    // ---------------------------------------------------------------- instruments and offerings

    public record BondTermsBody(
            @NotNull @Valid MoneyBody faceValue,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 6) BigDecimal couponRate,
            @NotNull Integer couponsPerYear,
            @NotNull @DateWindow(DateWindow.Reach.TERM) LocalDate maturity) {

        BondTerms toTerms() {
            return new BondTerms(faceValue.toMoney(), couponRate, couponsPerYear, maturity);
        }
    }

    public record ListInstrumentRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String instrumentId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String issuerId,
            @NotBlank @Size(max = 200) String name,
            @NotNull InstrumentType type,
            @Valid BondTermsBody bondTerms,
            @DateWindow LocalDate listedOn) {
    }

    public record DelistInstrumentRequest(@NotBlank @Size(max = 200) String reason, @DateWindow LocalDate delistedOn) {
    }

    public record OpenOfferingRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String offeringId,
            @NotNull @Min(1) @Max(MAX_UNITS) Long size,
            @NotNull @Valid MoneyBody price,
            @NotNull @DateWindow(DateWindow.Reach.TERM) LocalDate opensOn,
            @NotNull @DateWindow(DateWindow.Reach.TERM) LocalDate closesOn) {
    }

    public record SubscribeRequest(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String investorId,
            @NotNull @Min(1) @Max(MAX_UNITS) Long quantity,
            @DateWindow LocalDate subscribedOn) {
    }

    public record CloseOfferingRequest(@DateWindow LocalDate closedOn) {
    }

    public record CancelOfferingRequest(@NotBlank @Size(max = 200) String reason, @DateWindow LocalDate cancelledOn) {
    }

    // ---------------------------------------------------------------- orders

    public record PlaceOrderRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String orderId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String investorId,
            @NotNull OrderSide side,
            @NotNull @Min(1) @Max(MAX_UNITS) Long quantity,
            @NotNull @Valid MoneyBody limitPrice,
            @DateWindow LocalDate placedOn) {
    }

    public record CancelOrderRequest(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String investorId,
            @DateWindow LocalDate cancelledOn) {
    }

    // ---------------------------------------------------------------- income

    public record PayDividendRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String paymentId,
            @NotNull @Valid MoneyBody amount,
            @NotNull @DateWindow LocalDate recordDate,
            @NotNull @DateWindow LocalDate paymentDate) {
    }

    public record PayCouponRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String paymentId,
            @NotNull @DateWindow LocalDate recordDate,
            @NotNull @DateWindow LocalDate paymentDate) {
    }
}
