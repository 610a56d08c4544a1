package org.unionledger.command.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.unionledger.shared.member.EndReason;

import java.time.LocalDate;

/** Bodies of the member command endpoints other than registration; each checks the form of its fields. */
final class MemberRequests {

    private MemberRequests() {
    }

    record IssueCard(@NotNull LocalDate issuedOn) {
    }

    record ReissueCard(@NotBlank @Size(max = 200) String reason, @NotNull LocalDate issuedOn) {
    }

    record UpdateProfile(@NotBlank @Size(max = 200) String fullName,
                         @NotBlank @Pattern(regexp = "\\+?[0-9 .-]{9,16}", message = "must be a phone number") String phone,
                         @NotNull @Valid RegisterMemberRequest.Work employment) {
    }

    record Reasoned(@NotBlank @Size(max = 500) String reason, @NotNull LocalDate effectiveOn) {
    }

    record End(@NotNull EndReason reason, @NotNull LocalDate endedOn) {
    }

    record RequestTransfer(@NotBlank @Size(max = 64) String toUnionId,
                           @Size(max = 300) String newWorkplace,
                           @NotBlank @Size(max = 500) String reason,
                           @NotNull LocalDate requestedOn) {
    }

    record AcceptTransfer(@NotBlank @Size(max = 64) String receivingUnionId, @NotNull LocalDate acceptedOn) {
    }

    record RejectTransfer(@NotBlank @Size(max = 64) String receivingUnionId, @NotBlank @Size(max = 500) String reason) {
    }

    record CancelTransfer(@NotBlank @Size(max = 500) String reason) {
    }
}
