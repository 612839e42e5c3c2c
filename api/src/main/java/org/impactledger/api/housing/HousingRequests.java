package org.impactledger.api.housing;

import jakarta.validation.Valid;
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
import org.impactledger.api.web.DateWindow;
import org.impactledger.api.web.MoneyBody;
import org.impactledger.api.web.NrrpBody;
import org.impactledger.core.housing.LeaseEndReason;
import org.impactledger.core.shared.Identifier;

/**
 * Request bodies of the Homes4All endpoints (shape only: the property and the fund check the rules
 * that need state, and the district against Turin's eight).
 */
public final class HousingRequests {

    private HousingRequests() {
    }

    static final String ID = Identifier.PATTERN;
    static final String ID_MESSAGE = Identifier.RULE;
    static final String PERIOD = "[0-9]{4}-[0-9]{2}";
    static final String PERIOD_MESSAGE = "must be a month written yyyy-MM, e.g. 2026-03";

    public record UnitBody(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String unitId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 7, fraction = 2) BigDecimal areaSqm,
            @NotNull @Min(1) @Max(20) Integer rooms,
            @NotNull @Valid MoneyBody marketRent) {
    }

    public record AcquirePropertyRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String propertyId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String fundId,
            @NotBlank @Size(max = 200) String addressLabel,
            @NotBlank @Size(max = 40) String district,
            @NotNull @Valid MoneyBody acquisitionPrice,
            @NotNull @DateWindow LocalDate acquiredOn,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid UnitBody> units,
            @Valid NrrpBody nrrp,
            @Size(max = 64) String bankReference) {
    }

    public record PropertyValuationRequest(
            @NotNull @Valid MoneyBody value,
            @NotNull @DateWindow LocalDate asOf,
            @NotBlank @Size(max = 200) String method) {
    }

    public record SignLeaseRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String leaseId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String unitId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String householdId,
            @NotNull @Min(1) @Max(20) Integer householdSize,
            @NotNull @Valid MoneyBody monthlyRent,
            @NotNull @Valid MoneyBody marketRent,
            @NotNull @DateWindow(DateWindow.Reach.TERM) LocalDate startDate) {
    }

    public record ChargeRentRequest(
            @NotBlank @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE) String period) {
    }

    public record CollectRentRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String collectionId,
            @NotBlank @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE) String period,
            @NotNull @Valid MoneyBody amount,
            @NotNull @DateWindow LocalDate paymentDate,
            @NotBlank @Size(max = 200) String bankReference) {
    }

    public record ReverseCollectionRequest(
            @NotBlank @Size(max = 200) String reason,
            @NotNull @DateWindow LocalDate reversedOn) {
    }

    public record CancelChargeRequest(
            @NotBlank @Size(max = 200) String reason) {
    }

    public record EndLeaseRequest(
            @NotNull @DateWindow LocalDate endDate,
            @NotNull LeaseEndReason reason,
            @Size(max = 200) String note) {
    }
}
