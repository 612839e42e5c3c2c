package org.impactledger.api.nrrp;

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
import org.impactledger.api.web.CurrencyCode;
import org.impactledger.api.web.DateWindow;
import org.impactledger.api.web.MoneyBody;
import org.impactledger.core.shared.Identifier;

/** Request bodies of the NRRP endpoints (shape only: codes are checked by the taxonomy, rules by the aggregates). */
public final class NrrpRequests {

    private NrrpRequests() {
    }

    static final String ID = Identifier.PATTERN;
    static final String ID_MESSAGE = Identifier.RULE;

    public record RegisterProjectRequest(
            @NotBlank String cup,
            @NotBlank @Size(max = 20) String localProjectCode,
            @NotBlank String measure,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of three upper-case letters") @CurrencyCode String currency) {
    }

    public record AllocateRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String allocationId,
            @NotNull @Valid MoneyBody amount,
            @NotBlank @Size(max = 200) String grantingAct,
            @NotNull @DateWindow LocalDate grantedOn) {
    }

    public record CommitRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String commitmentId,
            @NotBlank String cig,
            @NotBlank @Size(max = 200) String counterparty,
            @NotNull @Valid MoneyBody amount,
            @NotNull @DateWindow LocalDate signedOn) {
    }

    public record ReportExpenditureRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String reportId,
            @NotBlank String period,
            @NotNull @Valid MoneyBody amount,
            @NotNull @DateWindow LocalDate reportedOn) {
    }

    public record SetTargetRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String targetId,
            @NotBlank @Size(max = 200) String description,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6) BigDecimal quantity,
            @NotNull @DateWindow(DateWindow.Reach.TERM) LocalDate dueDate,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String contractId,
            @NotEmpty List<@NotBlank @Size(max = 64) String> metricCodes) {
    }

    public record MatchRequest(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String paymentEventId,
            @NotBlank @Size(max = 200) String reason) {
    }
}
