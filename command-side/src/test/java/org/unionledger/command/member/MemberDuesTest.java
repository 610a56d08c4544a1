package org.unionledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.command.CommandSideTestKit;
import org.unionledger.command.dues.DuesSchedule;
import org.unionledger.shared.common.RuleViolation;
import org.unionledger.shared.member.DuesCollectionMethod;
import org.unionledger.shared.member.DuesExemptionReason;
import org.unionledger.shared.member.DuesMonthExemptedEvent;
import org.unionledger.shared.member.DuesPaidEvent;
import org.unionledger.shared.member.Employment;
import org.unionledger.shared.member.EndReason;
import org.unionledger.shared.member.ExemptDuesMonthCommand;
import org.unionledger.shared.member.Gender;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.MembershipEndedEvent;
import org.unionledger.shared.member.PersonalDetails;
import org.unionledger.shared.member.RecordDuesPaymentCommand;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionLevel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.axonframework.test.matchers.Matchers.matches;
import static org.unionledger.command.member.MemberTestMatchers.refusal;

class MemberDuesTest {

    private static final MemberId MEMBER = new MemberId("m-1");
    private static final YearMonth JULY_2025 = YearMonth.of(2025, 7);

    private CommandSideTestKit kit;
    private FixtureConfiguration<Member> fixture;
    private UnionId steel;
    private UnionId team;
    private UnionId port;

    @BeforeEach
    void setUp() {
        kit = new CommandSideTestKit();   // today is 1 September 2025
        fixture = new AggregateTestFixture<>(Member.class);
        UnionId federation = kit.union("hanoi", UnionLevel.FEDERATION, null);
        UnionId ward = kit.union("ward-1", UnionLevel.UPPER_LEVEL, federation);
        steel = kit.union("u-steel", UnionLevel.GRASSROOTS, ward);
        team = kit.union("g-steel-team-1", UnionLevel.UNION_GROUP, steel);
        port = kit.union("u-port", UnionLevel.GRASSROOTS, ward);
        fixture.registerInjectableResource(kit.clock);
        fixture.registerInjectableResource(kit.unions);
        fixture.registerInjectableResource(new DuesSchedule(
                List.of(new DuesSchedule.Rate(LocalDate.of(2013, 1, 1), new BigDecimal("1.0")),
                        new DuesSchedule.Rate(LocalDate.of(2025, 7, 1), new BigDecimal("0.5"))),
                List.of(new DuesSchedule.BaseSalary(LocalDate.of(2024, 7, 1), 2_340_000)), BigDecimal.TEN));
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @Test
    void recordsPaymentCollectedByTheGrassrootsUnion() {
        fixture.given(registered(LocalDate.of(2025, 6, 15)))
               .when(pay(JULY_2025, 40_000, 8_000_000, steel))
               .expectEvents(new DuesPaidEvent(MEMBER, steel, JULY_2025, 40_000, 8_000_000, steel,
                       DuesCollectionMethod.PAYROLL_DEDUCTION, LocalDate.of(2025, 8, 5)));
    }

    @Test
    void recordsPaymentCollectedByAUnionGroupOfTheMembersUnion() {
        fixture.given(registered(LocalDate.of(2025, 6, 15)))
               .when(pay(JULY_2025, 40_000, 8_000_000, team))
               .expectEvents(paidTo(team));
    }

    @Test
    void refusesCollectorOutsideTheMembersUnion() {
        fixture.given(registered(LocalDate.of(2025, 6, 15)))
               .when(pay(JULY_2025, 40_000, 8_000_000, port))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "COLLECTOR_NOT_MEMBERS_UNION", "collectedBy"));
    }

    @Test
    void refusesSecondPaymentForTheSameMonth() {
        fixture.given(registered(LocalDate.of(2025, 6, 15)), paid(JULY_2025))
               .when(pay(JULY_2025, 40_000, 8_000_000, steel))
               .expectNoEvents()
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "DUES_ALREADY_PAID", "month"));
    }

    @Test
    void refusesMonthBeforeJoining() {
        fixture.given(registered(LocalDate.of(2025, 7, 1)))
               .when(pay(YearMonth.of(2025, 6), 80_000, 8_000_000, steel))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "MONTH_BEFORE_JOINING", "month"));
    }

    @Test
    void acceptsTheMonthOfJoining() {
        fixture.given(registered(LocalDate.of(2025, 7, 31)))
               .when(pay(JULY_2025, 40_000, 8_000_000, steel))
               .expectEvents(paidTo(steel));
    }

    @Test
    void refusesMonthAfterEnding() {
        fixture.given(registered(LocalDate.of(2025, 1, 1)),
                       new MembershipEndedEvent(MEMBER, steel, EndReason.RETIRED, LocalDate.of(2025, 7, 31)))
               .when(pay(YearMonth.of(2025, 8), 40_000, 8_000_000, steel))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "MONTH_AFTER_ENDING", "month"));
    }

    @Test
    void acceptsArrearsForTheLastMonthAfterTheMembershipEnded() {
        fixture.given(registered(LocalDate.of(2025, 1, 1)),
                       new MembershipEndedEvent(MEMBER, steel, EndReason.RETIRED, LocalDate.of(2025, 7, 31)))
               .when(pay(JULY_2025, 40_000, 8_000_000, steel))
               .expectEvents(paidTo(steel));
    }

    @Test
    void refusesAFutureMonth() {
        fixture.given(registered(LocalDate.of(2025, 1, 1)))
               .when(pay(YearMonth.of(2025, 10), 40_000, 8_000_000, steel))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "MONTH_IN_FUTURE", "month"));
    }

    @Test
    void refusesAmountThatDoesNotMatchTheRateAndNamesTheExpectedAmount() {
        fixture.given(registered(LocalDate.of(2025, 1, 1)))
               .when(pay(JULY_2025, 80_000, 8_000_000, steel))   // the old 1% rate
               .expectException(refusal(RuleViolation.Kind.INVALID, "DUES_AMOUNT_MISMATCH", "amount"))
               .expectExceptionMessage(matches(message -> ((String) message).contains("are 40000 dong, not 80000")));
    }

    @Test
    void refusesUncappedAmount() {
        fixture.given(registered(LocalDate.of(2025, 1, 1)))
               .when(pay(JULY_2025, 300_000, 60_000_000, steel))
               .expectException(refusal(RuleViolation.Kind.INVALID, "DUES_AMOUNT_MISMATCH", "amount"))
               .expectExceptionMessage(matches(message -> ((String) message).contains("are 234000 dong")));
    }

    @Test
    void exemptsAMonthOfUnpaidLeave() {
        fixture.given(registered(LocalDate.of(2025, 1, 1)))
               .when(new ExemptDuesMonthCommand(MEMBER, JULY_2025, DuesExemptionReason.UNPAID_LEAVE, null))
               .expectEvents(new DuesMonthExemptedEvent(MEMBER, steel, JULY_2025, DuesExemptionReason.UNPAID_LEAVE));
    }

    @Test
    void refusesPaymentForAnExemptMonth() {
        fixture.given(registered(LocalDate.of(2025, 1, 1)),
                       new DuesMonthExemptedEvent(MEMBER, steel, JULY_2025, DuesExemptionReason.UNEMPLOYMENT))
               .when(pay(JULY_2025, 40_000, 8_000_000, steel))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "MONTH_EXEMPT", "month"));
    }

    @Test
    void refusesExemptingAPaidMonth() {
        fixture.given(registered(LocalDate.of(2025, 1, 1)), paid(JULY_2025))
               .when(new ExemptDuesMonthCommand(MEMBER, JULY_2025, DuesExemptionReason.SOCIAL_INSURANCE_BENEFITS, null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "DUES_ALREADY_PAID", "month"));
    }

    private MemberRegisteredEvent registered(LocalDate joinedOn) {
        return new MemberRegisteredEvent(MEMBER, "Nguyễn Văn An", Gender.MALE,
                new PersonalDetails("001090123456", LocalDate.of(1990, 5, 17), "0912345678"),
                new Employment("Welder", "Hanoi Steel Co.", null), steel, joinedOn, "VN");
    }

    private DuesPaidEvent paidTo(UnionId collector) {
        return new DuesPaidEvent(MEMBER, steel, JULY_2025, 40_000, 8_000_000, collector,
                DuesCollectionMethod.PAYROLL_DEDUCTION, LocalDate.of(2025, 8, 5));
    }

    private DuesPaidEvent paid(YearMonth month) {
        return new DuesPaidEvent(MEMBER, steel, month, 40_000, 8_000_000, steel, DuesCollectionMethod.CASH,
                LocalDate.of(2025, 8, 5));
    }

    private static RecordDuesPaymentCommand pay(YearMonth month, long amount, long salary, UnionId collector) {
        return new RecordDuesPaymentCommand(MEMBER, month, amount, salary, collector,
                DuesCollectionMethod.PAYROLL_DEDUCTION, LocalDate.of(2025, 8, 5), null);
    }
}
