package org.unionledger.command.complaint;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.unionledger.shared.complaint.ComplaintCategory;
import org.unionledger.shared.complaint.ComplaintChannel;
import org.unionledger.shared.complaint.ResolutionOutcome;

/** Bodies of the complaint command endpoints; each checks the form of its fields. */
final class ComplaintRequests {

    static final int MAX_DESCRIPTION = 4000;

    private ComplaintRequests() {
    }

    record File(@NotBlank @Size(max = 64) String memberId,
                @NotNull ComplaintCategory category,
                @NotBlank @Size(max = MAX_DESCRIPTION) String description,
                @Size(max = 300) String employer,
                @NotNull ComplaintChannel channel) {
    }

    record Assign(@NotBlank @Size(max = 200) String officer) {
    }

    record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    record Resolve(@NotNull ResolutionOutcome outcome, @NotBlank @Size(max = MAX_DESCRIPTION) String resolution) {
    }

    record Rate(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 1000) String comment) {
    }
}
