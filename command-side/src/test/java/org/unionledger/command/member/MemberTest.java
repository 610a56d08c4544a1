package org.unionledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.command.common.RuleViolationException;
import org.unionledger.shared.common.RuleViolation;
import org.unionledger.shared.member.Employment;
import org.unionledger.shared.member.Gender;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.PersonalDetails;
import org.unionledger.shared.member.RegisterMemberCommand;
import org.unionledger.shared.union.UnionId;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;


class MemberTest {

    private static final Clock TODAY_2025_09_01 = Clock.fixed(Instant.parse("2025-09-01T03:00:00Z"), ZoneOffset.UTC);
    private static final MemberId MEMBER = new MemberId("m-1");
    private static final UnionId UNION = new UnionId("u-steel");

    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(TODAY_2025_09_01);
    }

    @Test
    void registersVietnameseMemberWhoseCitizenIdMatchesBirthDateAndGender() {
        fixture.givenNoPriorActivity()
               .when(vietnamese("001090123456", LocalDate.of(1990, 5, 17), Gender.MALE))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new MemberRegisteredEvent(MEMBER, "Nguyễn Văn An", Gender.MALE,
                       new PersonalDetails("001090123456", LocalDate.of(1990, 5, 17), "0912345678"),
                       new Employment("Welder", "Hanoi Steel Co.", null), UNION, LocalDate.of(2025, 8, 1), "VN"));
    }

    @Test
    void registersWomanBornIn2003WithCenturyDigitThree() {
        fixture.givenNoPriorActivity()
               .when(vietnamese("079303000123", LocalDate.of(2003, 2, 1), Gender.FEMALE))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesCitizenIdWhoseGenderDigitDisagrees() {
        expectRefusal(vietnamese("001090123456", LocalDate.of(1990, 5, 17), Gender.FEMALE),
                RuleViolation.Kind.INVALID, "NATIONAL_ID_MISMATCH", "personal.nationalId");
    }

    @Test
    void refusesCitizenIdWhoseYearDigitsDisagree() {
        expectRefusal(vietnamese("001091123456", LocalDate.of(1990, 5, 17), Gender.MALE),
                RuleViolation.Kind.INVALID, "NATIONAL_ID_MISMATCH", "personal.nationalId");
    }

    @Test
    void refusesCitizenIdWithUnknownProvinceCode() {
        expectRefusal(vietnamese("003090123456", LocalDate.of(1990, 5, 17), Gender.MALE),
                RuleViolation.Kind.INVALID, "NATIONAL_ID_MISMATCH", "personal.nationalId");
    }

    @Test
    void refusesMemberYoungerThanFifteenOnTheJoiningDate() {
        // Turns 15 on 2 August 2025, one day after joining.
        expectRefusal(vietnamese("001210123456", LocalDate.of(2010, 8, 2), Gender.MALE),
                RuleViolation.Kind.CONFLICT, "UNDER_MINIMUM_AGE", "personal.dateOfBirth");
    }

    @Test
    void acceptsMemberWhoTurnsFifteenOnTheJoiningDate() {
        fixture.givenNoPriorActivity()
               .when(vietnamese("001210123456", LocalDate.of(2010, 8, 1), Gender.MALE))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesApplicantWhoDidNotDeclareEligibility() {
        RegisterMemberCommand owner = new RegisterMemberCommand(MEMBER, "Trần Thị Bình", Gender.FEMALE,
                new PersonalDetails("001185000001", LocalDate.of(1985, 1, 1), "0987654321"),
                new Employment("Director", "Binh Trading", null), UNION, LocalDate.of(2025, 8, 1), "VN", false);
        expectRefusal(owner, RuleViolation.Kind.CONFLICT, "NOT_ELIGIBLE", "declaredEligible");
    }

    @Test
    void refusesJoiningDateInTheFuture() {
        RegisterMemberCommand command = vietnamese("001090123456", LocalDate.of(1990, 5, 17), Gender.MALE, LocalDate.of(2025, 9, 2));
        expectRefusal(command, RuleViolation.Kind.INVALID, "JOINING_DATE_IN_FUTURE", "joinedOn");
    }

    @Test
    void refusesPhoneThatIsNotAVietnameseMobileNumber() {
        RegisterMemberCommand landline = new RegisterMemberCommand(MEMBER, "Nguyễn Văn An", Gender.MALE,
                new PersonalDetails("001090123456", LocalDate.of(1990, 5, 17), "0243456789"),
                new Employment("Welder", "Hanoi Steel Co.", null), UNION, LocalDate.of(2025, 8, 1), "VN", true);
        expectRefusal(landline, RuleViolation.Kind.INVALID, "INVALID_PHONE", "personal.phone");
    }

    @Test
    void registersForeignWorkerWithContractOfTwelveMonthsFromJuly2025() {
        fixture.givenNoPriorActivity()
               .when(foreign(12, LocalDate.of(2025, 7, 1)))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesForeignWorkerWithContractShorterThanTwelveMonths() {
        expectRefusal(foreign(11, LocalDate.of(2025, 8, 1)),
                RuleViolation.Kind.CONFLICT, "FOREIGN_CONTRACT_TOO_SHORT", "employment.contractMonths");
    }

    @Test
    void refusesForeignWorkerJoiningBeforeJuly2025() {
        expectRefusal(foreign(24, LocalDate.of(2025, 6, 30)),
                RuleViolation.Kind.CONFLICT, "FOREIGN_WORKER_NOT_YET_ADMITTED", "joinedOn");
    }

    private void expectRefusal(RegisterMemberCommand command, RuleViolation.Kind kind, String code, String field) {
        fixture.givenNoPriorActivity()
               .when(command)
               .expectNoEvents()
               .expectException(refusal(kind, code, field));
    }

    static Matcher<RuleViolationException> refusal(RuleViolation.Kind kind, String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolationException e) {
                RuleViolation violation = e.violation();
                return violation.kind() == kind && violation.code().equals(code)
                        && java.util.Objects.equals(violation.field(), field) && !violation.message().isBlank();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refusal " + kind + " " + code + " on " + field);
            }

            @Override
            protected void describeMismatchSafely(RuleViolationException e, Description mismatch) {
                mismatch.appendText("was " + e.violation());
            }
        };
    }

    private static RegisterMemberCommand vietnamese(String nationalId, LocalDate dateOfBirth, Gender gender) {
        return vietnamese(nationalId, dateOfBirth, gender, LocalDate.of(2025, 8, 1));
    }

    private static RegisterMemberCommand vietnamese(String nationalId, LocalDate dateOfBirth, Gender gender,
                                                    LocalDate joinedOn) {
        return new RegisterMemberCommand(MEMBER, "Nguyễn Văn An", gender,
                new PersonalDetails(nationalId, dateOfBirth, "0912345678"),
                new Employment("Welder", "Hanoi Steel Co.", null), UNION, joinedOn, "VN", true);
    }

    private static RegisterMemberCommand foreign(int contractMonths, LocalDate joinedOn) {
        return new RegisterMemberCommand(MEMBER, "Kim Min-jun", Gender.MALE,
                new PersonalDetails("M12345678", LocalDate.of(1988, 3, 3), "0377123456"),
                new Employment("Engineer", "Samsung Display Vietnam", contractMonths), UNION, joinedOn, "KR", true);
    }
}
