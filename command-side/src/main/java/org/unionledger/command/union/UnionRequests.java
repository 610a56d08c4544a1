package org.unionledger.command.union;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.unionledger.shared.union.UnionKind;
import org.unionledger.shared.union.UnionLevel;

import java.time.LocalDate;

/** Bodies of the union command endpoints; each checks the form of its fields. */
final class UnionRequests {

    private UnionRequests() {
    }

    record Establish(@NotBlank @Size(max = 200) String name,
                     @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,39}",
                             message = "must be 1 to 40 letters, digits, '_', '.' or '-'") String code,
                     @NotNull UnionLevel level,
                     @NotNull UnionKind kind,
                     @Size(max = 64) String parentId,
                     @Size(max = 300) String address,
                     @NotNull LocalDate establishedOn) {
    }

    record Rename(@NotBlank @Size(max = 200) String name, @NotNull LocalDate effectiveOn) {
    }

    record Move(@NotBlank @Size(max = 64) String parentId, @NotNull LocalDate effectiveOn) {
    }

    record Merge(@NotBlank @Size(max = 64) String survivorId, @NotNull LocalDate effectiveOn) {
    }

    record Dissolve(@NotNull LocalDate dissolvedOn, @NotBlank @Size(max = 500) String reason) {
    }
}
