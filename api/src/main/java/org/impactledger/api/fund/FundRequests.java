package org.impactledger.api.fund;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.impactledger.api.web.CurrencyCode;
import org.impactledger.api.web.DateWindow;
import org.impactledger.api.web.MoneyBody;
import org.impactledger.api.web.NrrpBody;
import org.impactledger.core.shared.Identifier;

/** Request bodies of the fund endpoints (shape only: the domain checks the rules that need state). */
public final class FundRequests {

    private FundRequests() {
    }

    static final String ID = Identifier.PATTERN;
    static final String ID_MESSAGE = Identifier.RULE;

    public record OpenFundRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String fundId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of three upper-case letters") @CurrencyCode String currency,
            @NotBlank @Size(max = 200) String manager,
            @NotNull @DecimalMin("1.00") @DecimalMax("10.00") @Digits(integer = 2, fraction = 4) BigDecimal returnCapMultiple) {
    }

    public record CommitCapitalRequest(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String investorId,
            @NotNull @Valid MoneyBody amount,
            @NotNull @DateWindow LocalDate valueDate) {
    }

    public record CallCapitalRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String callId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String investorId,
            @NotNull @Valid MoneyBody amount,
            @NotNull @DateWindow(DateWindow.Reach.TERM) LocalDate dueDate) {
    }

    public record ReceiveCapitalRequest(
            @NotNull @Valid MoneyBody amount,
            @NotNull @DateWindow LocalDate valueDate,
            @NotBlank @Size(max = 64) String bankReference) {
    }

    public record AdvanceRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String advanceId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String providerId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String contractId,
            @NotNull @Valid MoneyBody amount,
            @NotNull @DateWindow LocalDate valueDate) {
    }

    public record CommitBudgetRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String budgetId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String payerId,
            @NotNull @Valid MoneyBody amount,
            @Valid NrrpBody nrrp,
            @NotNull @DateWindow LocalDate valueDate) {
    }

    public record DistributeRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String distributionId,
            @NotNull @Valid MoneyBody amount,
            @NotNull @DateWindow LocalDate valueDate) {
    }

    public record ValuationRequest(
            @NotNull @Valid MoneyBody netAssetValue,
            @NotNull @DateWindow LocalDate asOf,
            @NotBlank @Size(max = 200) String method) {
    }
}
