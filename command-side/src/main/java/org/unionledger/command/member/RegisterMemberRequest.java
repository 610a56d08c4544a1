package org.unionledger.command.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.unionledger.shared.member.Employment;
import org.unionledger.shared.member.Gender;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.PersonalDetails;
import org.unionledger.shared.member.RegisterMemberCommand;
import org.unionledger.shared.union.UnionId;

import java.time.LocalDate;

/**
 * The body of {@code POST /api/members}; its shape mirrors {@link RegisterMemberCommand} so that every error names
 * a field by the same path ({@code personal.nationalId}) whichever layer finds it. It checks the form of each
 * field; what the values mean together (the citizen ID against the birth date, the minimum age, ...) is
 * {@link MemberRegistrationPolicy}'s job.
 */
record RegisterMemberRequest(
        @NotBlank @Size(max = 200) String fullName,
        @NotNull Gender gender,
        @NotNull @Valid Personal personal,
        @NotNull @Valid Work employment,
        @NotBlank @Size(max = 64) String unionId,
        @NotNull LocalDate joinedOn,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as VN") String nationality,
        @NotNull Boolean declaredEligible) {

    record Personal(@NotBlank @Size(max = 20) String nationalId,
                    @NotNull LocalDate dateOfBirth,
                    @NotBlank @Pattern(regexp = "\\+?[0-9 .-]{9,16}", message = "must be a phone number") String phone) {
    }

    record Work(@NotBlank @Size(max = 200) String occupation,
                @NotBlank @Size(max = 300) String workplace,
                @Positive @Max(1200) Integer contractMonths) {
    }

    RegisterMemberCommand toCommand(MemberId memberId) {
        return new RegisterMemberCommand(memberId, fullName.strip(), gender,
                new PersonalDetails(personal.nationalId().strip(), personal.dateOfBirth(),
                        nationalMobileForm(personal.phone())),
                new Employment(employment.occupation().strip(), employment.workplace().strip(),
                        employment.contractMonths()),
                new UnionId(unionId.strip()), joinedOn,
                nationality == null ? MemberRegistrationPolicy.VIETNAM : nationality,
                declaredEligible);
    }

    /** {@code +84 912 345 678} and {@code 0912.345.678} both become {@code 0912345678}. */
    static String nationalMobileForm(String phone) {
        String digits = phone.replaceAll("[ .-]", "");
        return digits.startsWith("+84") ? "0" + digits.substring(3) : digits;
    }
}
