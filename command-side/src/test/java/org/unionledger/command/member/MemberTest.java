package org.unionledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.command.CommandSideTestKit;
import org.unionledger.command.common.EventHistory;
import org.unionledger.shared.common.RuleViolation;
import org.unionledger.shared.member.AcceptTransferCommand;
import org.unionledger.shared.member.CancelTransferCommand;
import org.unionledger.shared.member.Employment;
import org.unionledger.shared.member.EndMembershipCommand;
import org.unionledger.shared.member.EndReason;
import org.unionledger.shared.member.Gender;
import org.unionledger.shared.member.IssueMembershipCardCommand;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MemberMovedOnMergerEvent;
import org.unionledger.shared.member.MemberProfileUpdatedEvent;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.MemberReinstatedEvent;
import org.unionledger.shared.member.MemberSuspendedEvent;
import org.unionledger.shared.member.MembershipCardIssuedEvent;
import org.unionledger.shared.member.MembershipEndedEvent;
import org.unionledger.shared.member.MoveMemberOnMergerCommand;
import org.unionledger.shared.member.PersonalDetails;
import org.unionledger.shared.member.RegisterMemberCommand;
import org.unionledger.shared.member.ReinstateMemberCommand;
import org.unionledger.shared.member.RejectTransferCommand;
import org.unionledger.shared.member.ReissueMembershipCardCommand;
import org.unionledger.shared.member.RequestTransferCommand;
import org.unionledger.shared.member.SuspendMemberCommand;
import org.unionledger.shared.member.TransferAcceptedEvent;
import org.unionledger.shared.member.TransferCancelledEvent;
import org.unionledger.shared.member.TransferRejectedEvent;
import org.unionledger.shared.member.TransferRequestedEvent;
import org.unionledger.shared.member.UpdateMemberProfileCommand;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionLevel;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionledger.command.member.MemberTestMatchers.refusal;

class MemberTest {

    private static final MemberId MEMBER = new MemberId("m-1");
    private static final LocalDate JOINED = LocalDate.of(2025, 8, 1);
    private static final PersonalDetails AN = new PersonalDetails("001090123456", LocalDate.of(1990, 5, 17), "0912345678");
    private static final Employment WELDER = new Employment("Welder", "Hanoi Steel Co.", null);

    private CommandSideTestKit kit;
    private FixtureConfiguration<Member> fixture;
    private UnionId steel;
    private UnionId port;
    private UnionId ward;
    /** Members outside this fixture's aggregate whose registration is in the event store. */
    private final java.util.Set<String> otherCurrentMembers = new java.util.HashSet<>();

    @BeforeEach
    void setUp() {
        kit = new CommandSideTestKit();
        fixture = new AggregateTestFixture<>(Member.class);
        UnionId federation = kit.union("hanoi", UnionLevel.FEDERATION, null);
        ward = kit.union("ward-1", UnionLevel.UPPER_LEVEL, federation);
        steel = kit.union("u-steel", UnionLevel.GRASSROOTS, ward);
        port = kit.union("u-port", UnionLevel.GRASSROOTS, ward);
        fixture.registerInjectableResource(kit.clock);
        fixture.registerInjectableResource(kit.unions);
        fixture.registerInjectableResource(kit.keys);
        fixture.registerInjectableResource(new EventHistory(fixture.getEventStore()) {
            @Override
            public boolean exists(String aggregateId) {
                return otherCurrentMembers.contains(aggregateId) || super.exists(aggregateId);
            }
        });
        fixture.registerInjectableResource(new CardNumbers(kit.keys, new SplittableRandom(7)));
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    // --- registration

    @Test
    void registersVietnameseMemberWhoseCitizenIdMatchesBirthDateAndGender() {
        fixture.givenNoPriorActivity()
               .when(vietnamese("001090123456", LocalDate.of(1990, 5, 17), Gender.MALE))
               .expectSuccessfulHandlerExecution()
               .expectEvents(registeredAn());
        assertThat(kit.unions.find(steel).orElseThrow().currentMembers()).isEqualTo(1);
    }

    @Test
    void registersWomanBornIn2003WithCenturyDigitThree() {
        fixture.givenNoPriorActivity()
               .when(vietnamese("079303000123", LocalDate.of(2003, 2, 1), Gender.FEMALE))
               .expectEvents(new MemberRegisteredEvent(MEMBER, "Nguyễn Văn An", Gender.FEMALE,
                       new PersonalDetails("079303000123", LocalDate.of(2003, 2, 1), "0912345678"), WELDER, steel,
                       JOINED, "VN"));
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
               .expectEvents(new MemberRegisteredEvent(MEMBER, "Nguyễn Văn An", Gender.MALE,
                       new PersonalDetails("001210123456", LocalDate.of(2010, 8, 1), "0912345678"), WELDER, steel,
                       JOINED, "VN"));
    }

    @Test
    void refusesApplicantWhoDidNotDeclareEligibility() {
        RegisterMemberCommand owner = new RegisterMemberCommand(MEMBER, "Trần Thị Bình", Gender.FEMALE,
                new PersonalDetails("001185000001", LocalDate.of(1985, 1, 1), "0987654321"),
                new Employment("Director", "Binh Trading", null), steel, JOINED, "VN", false);
        expectRefusal(owner, RuleViolation.Kind.CONFLICT, "NOT_ELIGIBLE", "declaredEligible");
    }

    @Test
    void refusesJoiningDateInTheFuture() {
        RegisterMemberCommand command = new RegisterMemberCommand(MEMBER, "Nguyễn Văn An", Gender.MALE, AN, WELDER,
                steel, LocalDate.of(2025, 9, 2), "VN", true);
        expectRefusal(command, RuleViolation.Kind.INVALID, "JOINING_DATE_IN_FUTURE", "joinedOn");
    }

    @Test
    void refusesPhoneThatIsNotAVietnameseMobileNumber() {
        RegisterMemberCommand landline = new RegisterMemberCommand(MEMBER, "Nguyễn Văn An", Gender.MALE,
                new PersonalDetails("001090123456", LocalDate.of(1990, 5, 17), "0243456789"), WELDER, steel, JOINED,
                "VN", true);
        expectRefusal(landline, RuleViolation.Kind.INVALID, "INVALID_PHONE", "personal.phone");
    }

    @Test
    void registersForeignWorkerWithContractOfTwelveMonthsFromJuly2025() {
        fixture.givenNoPriorActivity()
               .when(foreign(12, LocalDate.of(2025, 7, 1)))
               .expectEvents(new MemberRegisteredEvent(MEMBER, "Kim Min-jun", Gender.MALE,
                       new PersonalDetails("M12345678", LocalDate.of(1988, 3, 3), "0377123456"),
                       new Employment("Engineer", "Samsung Display Vietnam", 12), steel, LocalDate.of(2025, 7, 1), "KR"));
    }

    @Test
    void refusesForeignWorkerWithContractShorterThanTwelveMonths() {
        expectRefusal(foreign(11, JOINED), RuleViolation.Kind.CONFLICT, "FOREIGN_CONTRACT_TOO_SHORT",
                "employment.contractMonths");
    }

    @Test
    void refusesForeignWorkerJoiningBeforeJuly2025() {
        expectRefusal(foreign(24, LocalDate.of(2025, 6, 30)), RuleViolation.Kind.CONFLICT,
                "FOREIGN_WORKER_NOT_YET_ADMITTED", "joinedOn");
    }

    @Test
    void refusesUnknownUnion() {
        expectRefusal(registerAnIn(new UnionId("nowhere")), RuleViolation.Kind.NOT_FOUND, "UNION_NOT_FOUND", "unionId");
    }

    @Test
    void refusesUnionThatIsNotGrassroots() {
        expectRefusal(registerAnIn(ward), RuleViolation.Kind.CONFLICT, "UNION_NOT_GRASSROOTS", "unionId");
    }

    @Test
    void refusesDissolvedUnion() {
        UnionId closed = kit.union("u-closed", UnionLevel.GRASSROOTS, ward);
        kit.unions.recordDissolved(closed, ward);
        expectRefusal(registerAnIn(closed), RuleViolation.Kind.CONFLICT, "UNION_NOT_ACTIVE", "unionId");
    }

    @Test
    void refusesNationalIdOfAnotherCurrentMember() {
        kit.keys.claim(Member.nationalIdKey("001090123456"), "m-other");
        kit.clock.advance(Duration.ofHours(1));
        otherCurrentMembers.add("m-other");
        expectRefusal(registerAnIn(steel), RuleViolation.Kind.CONFLICT, "NATIONAL_ID_TAKEN", "personal.nationalId");
    }

    @Test
    void takesOverNationalIdLeftBehindByARegistrationThatNeverCommitted() {
        kit.keys.claim(Member.nationalIdKey("001090123456"), "m-crashed");
        kit.clock.advance(Duration.ofHours(1));

        fixture.givenNoPriorActivity()
               .when(registerAnIn(steel))
               .expectSuccessfulHandlerExecution();
        assertThat(kit.keys.find(Member.nationalIdKey("001090123456")).orElseThrow().owner()).isEqualTo("m-1");
    }

    @Test
    void refusesNationalIdClaimedMomentsAgoByARegistrationStillInFlight() {
        kit.keys.claim(Member.nationalIdKey("001090123456"), "m-concurrent");
        expectRefusal(registerAnIn(steel), RuleViolation.Kind.CONFLICT, "NATIONAL_ID_TAKEN", "personal.nationalId");
    }

    // --- card

    @Test
    void issuesFirstCardWithNumberUniqueInTheFederation() {
        fixture.given(registeredAn())
               .when(new IssueMembershipCardCommand(MEMBER, LocalDate.of(2025, 8, 5), null))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(1L)
               .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                       org.axonframework.test.matchers.Matchers.messageWithPayload(cardIssued(null))));
    }

    @Test
    void refusesSecondFirstCard() {
        fixture.given(registeredAn(), new MembershipCardIssuedEvent(MEMBER, "UL0000000001", JOINED, null, null))
               .when(new IssueMembershipCardCommand(MEMBER, LocalDate.of(2025, 8, 5), null))
               .expectNoEvents()
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "CARD_ALREADY_ISSUED", null));
    }

    @Test
    void reissuesLostCardUnderANewNumberNamingTheOldOne() {
        fixture.given(registeredAn(), new MembershipCardIssuedEvent(MEMBER, "UL0000000001", JOINED, null, null))
               .when(new ReissueMembershipCardCommand(MEMBER, "lost", LocalDate.of(2025, 10, 1), null))
               .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                       org.axonframework.test.matchers.Matchers.messageWithPayload(cardIssued("UL0000000001"))));
    }

    @Test
    void refusesReissueBeforeAnyCard() {
        fixture.given(registeredAn())
               .when(new ReissueMembershipCardCommand(MEMBER, "lost", LocalDate.of(2025, 10, 1), null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "NO_CARD_ISSUED", null));
    }

    // --- profile, suspension, ending

    @Test
    void updatesProfile() {
        Employment newJob = new Employment("Crane operator", "Hanoi Steel Co.", null);
        fixture.given(registeredAn())
               .when(new UpdateMemberProfileCommand(MEMBER, "Nguyễn Văn An", "0987000111", newJob, null))
               .expectEvents(new MemberProfileUpdatedEvent(MEMBER, "Nguyễn Văn An",
                       new PersonalDetails("001090123456", LocalDate.of(1990, 5, 17), "0987000111"), newJob));
    }

    @Test
    void refusesProfileWithLandlinePhone() {
        fixture.given(registeredAn())
               .when(new UpdateMemberProfileCommand(MEMBER, "Nguyễn Văn An", "0243456789", WELDER, null))
               .expectException(refusal(RuleViolation.Kind.INVALID, "INVALID_PHONE", "phone"));
    }

    @Test
    void suspendsActiveMemberWithReason() {
        fixture.given(registeredAn())
               .when(new SuspendMemberCommand(MEMBER, "dues unpaid for 6 months", LocalDate.of(2025, 9, 1), null))
               .expectEvents(new MemberSuspendedEvent(MEMBER, steel, "dues unpaid for 6 months", LocalDate.of(2025, 9, 1)));
    }

    @Test
    void refusesSuspendingSuspendedMember() {
        fixture.given(registeredAn(), suspended())
               .when(new SuspendMemberCommand(MEMBER, "again", LocalDate.of(2025, 9, 2), null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "MEMBER_NOT_ACTIVE", null));
    }

    @Test
    void reinstatesSuspendedMember() {
        fixture.given(registeredAn(), suspended())
               .when(new ReinstateMemberCommand(MEMBER, "paid", LocalDate.of(2025, 10, 1), null))
               .expectEvents(new MemberReinstatedEvent(MEMBER, steel, "paid", LocalDate.of(2025, 10, 1)));
    }

    @Test
    void refusesReinstatingActiveMember() {
        fixture.given(registeredAn())
               .when(new ReinstateMemberCommand(MEMBER, "paid", LocalDate.of(2025, 10, 1), null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "MEMBER_NOT_SUSPENDED", null));
    }

    @Test
    void endsSuspendedMembershipWithReasonAndDate() {
        fixture.given(registeredAn(), suspended())
               .when(new EndMembershipCommand(MEMBER, EndReason.REMOVED, LocalDate.of(2025, 12, 31), null))
               .expectEvents(new MembershipEndedEvent(MEMBER, steel, EndReason.REMOVED, LocalDate.of(2025, 12, 31)));
    }

    @Test
    void endedMembershipAcceptsNothing() {
        fixture.given(registeredAn(), ended())
               .when(new SuspendMemberCommand(MEMBER, "x", LocalDate.of(2026, 1, 2), null))
               .expectNoEvents()
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "MEMBERSHIP_ENDED", null));
    }

    @Test
    void refusesEndingWhileTransferPending() {
        fixture.given(registeredAn(), transferRequested())
               .when(new EndMembershipCommand(MEMBER, EndReason.LEFT, LocalDate.of(2025, 9, 30), null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "TRANSFER_PENDING", null));
    }

    // --- transfers

    @Test
    void requestsTransferToAnotherActiveGrassrootsUnion() {
        fixture.given(registeredAn())
               .when(new RequestTransferCommand(MEMBER, port, "Hai Phong Port", "new job", LocalDate.of(2025, 9, 1), null))
               .expectEvents(transferRequested());
    }

    @Test
    void refusesTransferToTheSameUnion() {
        fixture.given(registeredAn())
               .when(new RequestTransferCommand(MEMBER, steel, null, "x", LocalDate.of(2025, 9, 1), null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "TRANSFER_TO_SAME_UNION", "toUnionId"));
    }

    @Test
    void refusesTransferToAnUpperLevelUnion() {
        fixture.given(registeredAn())
               .when(new RequestTransferCommand(MEMBER, ward, null, "x", LocalDate.of(2025, 9, 1), null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "UNION_NOT_GRASSROOTS", "toUnionId"));
    }

    @Test
    void refusesTransferToADissolvedUnion() {
        UnionId closed = kit.union("u-closed", UnionLevel.GRASSROOTS, ward);
        kit.unions.recordDissolved(closed, ward);
        fixture.given(registeredAn())
               .when(new RequestTransferCommand(MEMBER, closed, null, "x", LocalDate.of(2025, 9, 1), null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "UNION_NOT_ACTIVE", "toUnionId"));
    }

    @Test
    void refusesTransferToAnUnknownUnion() {
        fixture.given(registeredAn())
               .when(new RequestTransferCommand(MEMBER, new UnionId("nowhere"), null, "x", LocalDate.of(2025, 9, 1), null))
               .expectException(refusal(RuleViolation.Kind.NOT_FOUND, "UNION_NOT_FOUND", "toUnionId"));
    }

    @Test
    void refusesSecondTransferWhilePending() {
        UnionId third = kit.union("u-third", UnionLevel.GRASSROOTS, ward);
        fixture.given(registeredAn(), transferRequested())
               .when(new RequestTransferCommand(MEMBER, third, null, "x", LocalDate.of(2025, 9, 2), null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "TRANSFER_ALREADY_PENDING", null));
    }

    @Test
    void refusesTransferOfSuspendedMember() {
        fixture.given(registeredAn(), suspended())
               .when(new RequestTransferCommand(MEMBER, port, null, "x", LocalDate.of(2025, 9, 2), null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "MEMBER_NOT_ACTIVE", null));
    }

    @Test
    void receivingUnionAcceptsAndTheMemberMovesThere() {
        kit.unions.admitMember(MEMBER, steel, "unionId");
        fixture.given(registeredAn(), transferRequested())
               .when(new AcceptTransferCommand(MEMBER, port, LocalDate.of(2025, 9, 5), null))
               .expectResultMessagePayload(2L)
               .expectEvents(new TransferAcceptedEvent(MEMBER, steel, port, "Hai Phong Port", LocalDate.of(2025, 9, 5)));
        assertThat(kit.unions.find(steel).orElseThrow().currentMembers()).isZero();
        assertThat(kit.unions.find(port).orElseThrow().currentMembers()).isEqualTo(1);
    }

    @Test
    void refusesAcceptanceByAUnionOtherThanTheReceivingOne() {
        fixture.given(registeredAn(), transferRequested())
               .when(new AcceptTransferCommand(MEMBER, steel, LocalDate.of(2025, 9, 5), null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "NOT_THE_RECEIVING_UNION", "receivingUnionId"));
    }

    @Test
    void refusesAcceptanceOnceTheReceivingUnionWasDissolved() {
        kit.unions.recordDissolved(port, ward);
        fixture.given(registeredAn(), transferRequested())
               .when(new AcceptTransferCommand(MEMBER, port, LocalDate.of(2025, 9, 5), null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "UNION_NOT_ACTIVE", "receivingUnionId"));
    }

    @Test
    void rejectionIsAnEventWithItsReasonAndTheMemberStays() {
        fixture.given(registeredAn(), transferRequested())
               .when(new RejectTransferCommand(MEMBER, port, "no vacancy in dormitory union", null))
               .expectEvents(new TransferRejectedEvent(MEMBER, steel, port, "no vacancy in dormitory union"));
    }

    @Test
    void sendingUnionCancelsPendingTransfer() {
        fixture.given(registeredAn(), transferRequested())
               .when(new CancelTransferCommand(MEMBER, "job offer withdrawn", null))
               .expectEvents(new TransferCancelledEvent(MEMBER, steel, port, "job offer withdrawn"));
    }

    @Test
    void refusesCancellingWhenNothingIsPending() {
        fixture.given(registeredAn())
               .when(new CancelTransferCommand(MEMBER, "x", null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "NO_TRANSFER_PENDING", null));
    }

    @Test
    void canTransferAgainAfterARejection() {
        fixture.given(registeredAn(), transferRequested(), new TransferRejectedEvent(MEMBER, steel, port, "full"))
               .when(new RequestTransferCommand(MEMBER, port, "Hai Phong Port", "new job", LocalDate.of(2025, 9, 1), null))
               .expectEvents(transferRequested());
    }

    // --- merger

    @Test
    void mergerCarriesTheMemberToTheSurvivor() {
        kit.unions.admitMember(MEMBER, steel, "unionId");
        fixture.given(registeredAn())
               .when(new MoveMemberOnMergerCommand(MEMBER, steel, port, LocalDate.of(2025, 6, 30)))
               .expectEvents(new MemberMovedOnMergerEvent(MEMBER, steel, port, LocalDate.of(2025, 6, 30)));
    }

    @Test
    void mergerMoveRepeatedChangesNothing() {
        fixture.given(registeredAn(), new MemberMovedOnMergerEvent(MEMBER, steel, port, LocalDate.of(2025, 6, 30)))
               .when(new MoveMemberOnMergerCommand(MEMBER, steel, port, LocalDate.of(2025, 6, 30)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    // --- helpers

    private void expectRefusal(RegisterMemberCommand command, RuleViolation.Kind kind, String code, String field) {
        fixture.givenNoPriorActivity()
               .when(command)
               .expectNoEvents()
               .expectException(refusal(kind, code, field));
    }

    private static Matcher<MembershipCardIssuedEvent> cardIssued(String replaced) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(MembershipCardIssuedEvent event) {
                return event.memberId().equals(MEMBER) && event.cardNumber().matches("UL\\d{10}")
                        && !event.cardNumber().equals(replaced) && Objects.equals(event.replacedCardNumber(), replaced);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a card UL + 10 digits replacing " + replaced);
            }
        };
    }

    private MemberRegisteredEvent registeredAn() {
        return new MemberRegisteredEvent(MEMBER, "Nguyễn Văn An", Gender.MALE, AN, WELDER, steel, JOINED, "VN");
    }

    private MemberSuspendedEvent suspended() {
        return new MemberSuspendedEvent(MEMBER, steel, "dues", LocalDate.of(2025, 8, 20));
    }

    private MembershipEndedEvent ended() {
        return new MembershipEndedEvent(MEMBER, steel, EndReason.LEFT, LocalDate.of(2025, 12, 31));
    }

    private TransferRequestedEvent transferRequested() {
        return new TransferRequestedEvent(MEMBER, steel, port, "Hai Phong Port", "new job", LocalDate.of(2025, 9, 1));
    }

    private RegisterMemberCommand registerAnIn(UnionId union) {
        return new RegisterMemberCommand(MEMBER, "Nguyễn Văn An", Gender.MALE, AN, WELDER, union, JOINED, "VN", true);
    }

    private RegisterMemberCommand vietnamese(String nationalId, LocalDate dateOfBirth, Gender gender) {
        return new RegisterMemberCommand(MEMBER, "Nguyễn Văn An", gender,
                new PersonalDetails(nationalId, dateOfBirth, "0912345678"), WELDER, steel, JOINED, "VN", true);
    }

    private RegisterMemberCommand foreign(int contractMonths, LocalDate joinedOn) {
        return new RegisterMemberCommand(MEMBER, "Kim Min-jun", Gender.MALE,
                new PersonalDetails("M12345678", LocalDate.of(1988, 3, 3), "0377123456"),
                new Employment("Engineer", "Samsung Display Vietnam", contractMonths), steel, joinedOn, "KR", true);
    }
}
