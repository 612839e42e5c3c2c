package org.impactledger.api.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.impactledger.api.web.DateWindow;
import org.impactledger.api.web.MoneyBody;
import org.impactledger.core.contract.PaymentRule;
import org.impactledger.core.contract.RateCardEntry;
import org.impactledger.core.contract.command.OutcomeReport;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.Identifier;

/** Request bodies of the contract and outcome endpoints (shape only; the domain checks the rules). */
public final class ContractRequests {

    private ContractRequests() {
    }

    static final String ID = Identifier.PATTERN;
    static final String ID_MESSAGE = Identifier.RULE;

    public record RateCardLine(
            @NotBlank @Size(max = 40) String metricCode,
            @NotBlank @Size(max = 200) String description,
            @NotNull @Valid MoneyBody unitPrice,
            @NotEmpty @Size(max = 30) List<@NotBlank String> sdgTargets,
            @NotNull PaymentRule rule) {

        RateCardEntry toEntry() {
            return new RateCardEntry(metricCode.trim(), description.trim(), unitPrice.toMoney(), sdgTargets.stream().map(String::trim).toList(), rule);
        }
    }

    public record SignContractRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String contractId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String fundId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String providerId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String budgetId,
            @NotBlank @Size(max = 200) String title,
            @NotNull @DateWindow(DateWindow.Reach.TERM) LocalDate startDate,
            @NotNull @DateWindow(DateWindow.Reach.TERM) LocalDate endDate,
            @NotNull @Valid MoneyBody cap,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull RateCardLine> rateCard) {
    }

    public record AmendRateCardRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String amendmentId,
            @NotNull @DateWindow(DateWindow.Reach.TERM) LocalDate effectiveFrom,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull RateCardLine> entries) {
    }

    public record CloseContractRequest(@NotNull @DateWindow LocalDate closedOn, @NotBlank @Size(max = 500) String reason) {
    }

    public record ReportOutcomeRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String outcomeId,
            @NotBlank @Pattern(regexp = ID, message = "must be a pseudonymous id: " + ID_MESSAGE) String beneficiaryId,
            @NotBlank @Size(max = 40) String metricCode,
            @NotBlank @Pattern(regexp = "\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?", message = "must be yyyy, yyyy-MM or yyyy-Qn") String period,
            @NotNull @DateWindow LocalDate outcomeDate,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 2) BigDecimal quantity,
            @NotBlank @Size(max = 500) String evidenceReference,
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a SHA-256 digest: 64 hexadecimal characters") String evidenceSha256) {

        /** The report the contract checks, for one outcome report and for each row of a bulk import alike. */
        public OutcomeReport toReport(OutcomeId outcomeId) {
            return new OutcomeReport(outcomeId, BeneficiaryId.of(beneficiaryId), metricCode.trim(), period, outcomeDate, quantity,
                    evidenceReference.trim(), evidenceSha256.toLowerCase(Locale.ROOT));
        }
    }

    public record VerifyOutcomeRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 2) BigDecimal verifiedQuantity,
            @Size(max = 1000) String note) {
    }

    public record RejectOutcomeRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    public record ExecutePaymentRequest(@NotBlank @Size(max = 64) String bankReference, @NotNull @DateWindow LocalDate valueDate) {
    }

    public record ReversePaymentRequest(@NotBlank @Size(max = 1000) String reason, @NotNull @DateWindow LocalDate valueDate) {
    }

    public record WithdrawOutcomeRequest(@NotBlank @Size(max = 1000) String reason) {
    }
}
