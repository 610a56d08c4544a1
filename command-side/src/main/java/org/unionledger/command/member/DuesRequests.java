package org.unionledger.command.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.unionledger.shared.member.DuesCollectionMethod;
import org.unionledger.shared.member.DuesExemptionReason;

import java.time.LocalDate;
import java.time.YearMonth;

/** Bodies of the dues endpoints; each checks the form of its fields. */
final class DuesRequests {

    private DuesRequests() {
    }

    record Payment(@NotNull YearMonth month,
                   @NotNull @PositiveOrZero Long amount,
                   @NotNull @Positive Long salaryBasis,
                   @NotBlank @Size(max = 64) String collectedBy,
                   @NotNull DuesCollectionMethod method,
                   @NotNull LocalDate paidOn) {
    }

    record Exemption(@NotNull YearMonth month, @NotNull DuesExemptionReason reason) {
    }
}
