package org.unionledger.command.complaint;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.command.CommandSideTestKit;
import org.unionledger.shared.common.RuleViolation;
import org.unionledger.shared.complaint.AcknowledgeComplaintCommand;
import org.unionledger.shared.complaint.AssignComplaintCommand;
import org.unionledger.shared.complaint.CloseComplaintCommand;
import org.unionledger.shared.complaint.ComplaintAcknowledgedEvent;
import org.unionledger.shared.complaint.ComplaintAssignedEvent;
import org.unionledger.shared.complaint.ComplaintCategory;
import org.unionledger.shared.complaint.ComplaintChannel;
import org.unionledger.shared.complaint.ComplaintClosedEvent;
import org.unionledger.shared.complaint.ComplaintEscalatedEvent;
import org.unionledger.shared.complaint.ComplaintFiledEvent;
import org.unionledger.shared.complaint.ComplaintFlaggedOverdueEvent;
import org.unionledger.shared.complaint.ComplaintId;
import org.unionledger.shared.complaint.ComplaintMarkedComplexEvent;
import org.unionledger.shared.complaint.ComplaintReopenedEvent;
import org.unionledger.shared.complaint.ComplaintResolutionRatedEvent;
import org.unionledger.shared.complaint.ComplaintResolvedEvent;
import org.unionledger.shared.complaint.ComplaintStatement;
import org.unionledger.shared.complaint.ComplaintWithdrawnEvent;
import org.unionledger.shared.complaint.ComplaintWorkStartedEvent;
import org.unionledger.shared.complaint.EscalateComplaintCommand;
import org.unionledger.shared.complaint.EscalateOverdueComplaintCommand;
import org.unionledger.shared.complaint.FileComplaintCommand;
import org.unionledger.shared.complaint.MarkComplaintComplexCommand;
import org.unionledger.shared.complaint.RateComplaintResolutionCommand;
import org.unionledger.shared.complaint.ReopenComplaintCommand;
import org.unionledger.shared.complaint.ResolutionOutcome;
import org.unionledger.shared.complaint.ResolveComplaintCommand;
import org.unionledger.shared.complaint.StartComplaintWorkCommand;
import org.unionledger.shared.complaint.WithdrawComplaintCommand;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionLevel;

import java.time.Duration;
import java.time.Instant;

import static org.unionledger.command.member.MemberTestMatchers.refusal;

class ComplaintTest {

    private static final ComplaintId COMPLAINT = new ComplaintId("c-1");
    private static final MemberId MEMBER = new MemberId("m-1");
    private static final Duration DAY = Duration.ofDays(1);

    private CommandSideTestKit kit;
    private FixtureConfiguration<Complaint> fixture;
    private Instant t0;
    private UnionId federation;
    private UnionId ward;
    private UnionId steel;

    @BeforeEach
    void setUp() {
        kit = new CommandSideTestKit();
        t0 = kit.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        fixture = new AggregateTestFixture<>(Complaint.class);
        federation = kit.union("hanoi", UnionLevel.FEDERATION, null);
        ward = kit.union("ward-1", UnionLevel.UPPER_LEVEL, federation);
        steel = kit.union("u-steel", UnionLevel.GRASSROOTS, ward);
        kit.unions.admitMember(MEMBER, steel, "unionId");
        fixture.registerInjectableResource(kit.clock);
        fixture.registerInjectableResource(kit.unions);
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    // --- filing

    @Test
    void memberFilesWithTheirGrassrootsUnionWhichHasTenDaysToAcknowledge() {
        fixture.givenNoPriorActivity()
               .when(file())
               .expectEvents(filed());
    }

    @Test
    void refusesComplaintFromSomeoneWhoWasNeverRegistered() {
        fixture.givenNoPriorActivity()
               .when(new FileComplaintCommand(COMPLAINT, new MemberId("stranger"), ComplaintCategory.WAGES, "late pay",
                       null, ComplaintChannel.WEB))
               .expectException(refusal(RuleViolation.Kind.NOT_FOUND, "MEMBER_NOT_FOUND", "memberId"));
    }

    @Test
    void refusesComplaintFromMemberWhoseMembershipEnded() {
        kit.unions.releaseMember(MEMBER, steel);
        fixture.givenNoPriorActivity()
               .when(file())
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "NOT_A_CURRENT_MEMBER", "memberId"));
    }

    @Test
    void refusesComplaintWhenTheUnionIsNoLongerActive() {
        kit.unions.releaseMember(MEMBER, steel);
        UnionId closing = kit.union("u-closing", UnionLevel.GRASSROOTS, ward);
        kit.unions.admitMember(MEMBER, closing, "unionId");
        kit.mongo.getCollection("cmd_unions").updateOne(new org.bson.Document("_id", "u-closing"),
                new org.bson.Document("$set", new org.bson.Document("status", "DISSOLVED")));
        fixture.givenNoPriorActivity()
               .when(file())
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "UNION_NOT_ACTIVE", "memberId"));
    }

    // --- handling

    @Test
    void acknowledgingStartsThirtyDaysToResolve() {
        kit.clock.advance(DAY);
        fixture.given(filed())
               .when(new AcknowledgeComplaintCommand(COMPLAINT, null))
               .expectEvents(new ComplaintAcknowledgedEvent(COMPLAINT, steel, t0.plus(DAY), t0.plus(DAY).plus(Duration.ofDays(30))));
    }

    @Test
    void acknowledgingAComplexComplaintStartsFortyFiveDays() {
        fixture.given(filed(), new ComplaintMarkedComplexEvent(COMPLAINT, "many workers", t0, null))
               .when(new AcknowledgeComplaintCommand(COMPLAINT, null))
               .expectEvents(new ComplaintAcknowledgedEvent(COMPLAINT, steel, t0, t0.plus(Duration.ofDays(45))));
    }

    @Test
    void markingComplexAfterAcknowledgementExtendsTheRunningLimitToFortyFiveDays() {
        kit.clock.advance(DAY);
        fixture.given(filed(), acknowledged())
               .when(new MarkComplaintComplexCommand(COMPLAINT, "needs inspection", null))
               .expectEvents(new ComplaintMarkedComplexEvent(COMPLAINT, "needs inspection", t0.plus(DAY),
                       t0.plus(Duration.ofDays(45))));
    }

    @Test
    void refusesAcknowledgingTwice() {
        fixture.given(filed(), acknowledged())
               .when(new AcknowledgeComplaintCommand(COMPLAINT, null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "COMPLAINT_ACKNOWLEDGED", null));
    }

    @Test
    void assignsToANamedOfficer() {
        fixture.given(filed())
               .when(new AssignComplaintCommand(COMPLAINT, "Officer Lan", null))
               .expectEvents(new ComplaintAssignedEvent(COMPLAINT, "Officer Lan", t0));
    }

    @Test
    void startsWorkAfterAcknowledgement() {
        fixture.given(filed(), acknowledged())
               .when(new StartComplaintWorkCommand(COMPLAINT, null))
               .expectEvents(new ComplaintWorkStartedEvent(COMPLAINT, steel, t0));
    }

    @Test
    void refusesStartingWorkBeforeAcknowledgement() {
        fixture.given(filed())
               .when(new StartComplaintWorkCommand(COMPLAINT, null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "COMPLAINT_FILED", null));
    }

    @Test
    void resolvesWithOutcomeAndText() {
        fixture.given(filed(), acknowledged(), new ComplaintWorkStartedEvent(COMPLAINT, steel, t0))
               .when(new ResolveComplaintCommand(COMPLAINT, ResolutionOutcome.UPHELD, "Wages paid with interest", null))
               .expectEvents(resolved());
    }

    @Test
    void refusesResolvingBeforeAcknowledgement() {
        fixture.given(filed())
               .when(new ResolveComplaintCommand(COMPLAINT, ResolutionOutcome.UPHELD, "x", null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "NOT_ACKNOWLEDGED", null));
    }

    @Test
    void closesResolvedComplaint() {
        fixture.given(filed(), acknowledged(), resolved())
               .when(new CloseComplaintCommand(COMPLAINT, null))
               .expectEvents(new ComplaintClosedEvent(COMPLAINT, t0));
    }

    @Test
    void refusesClosingUnresolvedComplaint() {
        fixture.given(filed(), acknowledged())
               .when(new CloseComplaintCommand(COMPLAINT, null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "COMPLAINT_ACKNOWLEDGED", null));
    }

    // --- member actions

    @Test
    void memberReopensWithinThirtyDaysOfResolution() {
        kit.clock.advance(Duration.ofDays(30));
        fixture.given(filed(), acknowledged(), resolved())
               .when(new ReopenComplaintCommand(COMPLAINT, "wages still missing", null))
               .expectEvents(new ComplaintReopenedEvent(COMPLAINT, steel, "wages still missing", t0.plus(Duration.ofDays(30)),
                       t0.plus(Duration.ofDays(60))));
    }

    @Test
    void refusesReopeningAfterThirtyDays() {
        kit.clock.advance(Duration.ofDays(30).plusSeconds(1));
        fixture.given(filed(), acknowledged(), resolved())
               .when(new ReopenComplaintCommand(COMPLAINT, "too late", null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "REOPEN_WINDOW_PASSED", null));
    }

    @Test
    void memberWithdrawsBeforeResolution() {
        fixture.given(filed(), acknowledged())
               .when(new WithdrawComplaintCommand(COMPLAINT, "settled with employer", null))
               .expectEvents(new ComplaintWithdrawnEvent(COMPLAINT, "settled with employer", t0));
    }

    @Test
    void refusesWithdrawingAfterResolution() {
        fixture.given(filed(), acknowledged(), resolved())
               .when(new WithdrawComplaintCommand(COMPLAINT, "x", null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "COMPLAINT_RESOLVED", null));
    }

    @Test
    void memberRatesTheResolutionOnce() {
        fixture.given(filed(), acknowledged(), resolved())
               .when(new RateComplaintResolutionCommand(COMPLAINT, 4, "quick", null))
               .expectEvents(new ComplaintResolutionRatedEvent(COMPLAINT, 4, "quick", t0));
    }

    @Test
    void refusesSecondRating() {
        fixture.given(filed(), acknowledged(), resolved(), new ComplaintResolutionRatedEvent(COMPLAINT, 4, null, t0))
               .when(new RateComplaintResolutionCommand(COMPLAINT, 5, null, null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "ALREADY_RATED", "rating"));
    }

    @Test
    void refusesRatingOutsideOneToFive() {
        fixture.given(filed(), acknowledged(), resolved())
               .when(new RateComplaintResolutionCommand(COMPLAINT, 6, null, null))
               .expectException(refusal(RuleViolation.Kind.INVALID, "INVALID_RATING", "rating"));
    }

    @Test
    void withdrawnComplaintAcceptsNothing() {
        fixture.given(filed(), new ComplaintWithdrawnEvent(COMPLAINT, "x", t0))
               .when(new AcknowledgeComplaintCommand(COMPLAINT, null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "COMPLAINT_WITHDRAWN", null));
    }

    // --- escalation

    @Test
    void officerEscalatesToTheParentUnionWhichGetsFortyFiveDays() {
        fixture.given(filed(), acknowledged())
               .when(new EscalateComplaintCommand(COMPLAINT, "employer refuses to meet", null))
               .expectEvents(new ComplaintEscalatedEvent(COMPLAINT, steel, ward, "employer refuses to meet", false, t0,
                       t0.plus(Duration.ofDays(45))));
    }

    @Test
    void escalationSkipsADissolvedParentForTheNextActiveUnionUp() {
        kit.unions.releaseMember(MEMBER, steel);
        kit.unions.recordDissolved(steel, ward);
        // The ward was merged away meanwhile: the complaint goes to the federation.
        kit.mongo.getCollection("cmd_unions").updateOne(new org.bson.Document("_id", "ward-1"),
                new org.bson.Document("$set", new org.bson.Document("status", "MERGED")));
        fixture.given(filed(), acknowledged())
               .when(new EscalateComplaintCommand(COMPLAINT, "no one left to handle it", null))
               .expectEvents(new ComplaintEscalatedEvent(COMPLAINT, steel, federation, "no one left to handle it", false,
                       t0, t0.plus(Duration.ofDays(45))));
    }

    @Test
    void refusesEscalatingBeyondTheFederation() {
        fixture.given(filed(), escalated(steel, ward), escalated(ward, federation))
               .when(new EscalateComplaintCommand(COMPLAINT, "x", null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "ALREADY_AT_FEDERATION", null));
    }

    @Test
    void missedAcknowledgementEscalatesByItselfAfterTenDays() {
        kit.clock.advance(Duration.ofDays(10));
        fixture.given(filed())
               .when(new EscalateOverdueComplaintCommand(COMPLAINT, t0.plus(Duration.ofDays(10))))
               .expectEvents(new ComplaintEscalatedEvent(COMPLAINT, steel, ward, "time limit passed on "
                       + t0.plus(Duration.ofDays(10)), true, t0.plus(Duration.ofDays(10)), t0.plus(Duration.ofDays(55))));
    }

    @Test
    void aTriggerBeforeTheLimitDoesNothing() {
        kit.clock.advance(Duration.ofDays(10).minusSeconds(1));
        fixture.given(filed())
               .when(new EscalateOverdueComplaintCommand(COMPLAINT, t0.plus(Duration.ofDays(10))))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aLateTriggerAfterTheStepWasTakenDoesNothing() {
        kit.clock.advance(Duration.ofDays(11));
        fixture.given(filed(), acknowledged())
               .when(new EscalateOverdueComplaintCommand(COMPLAINT, t0.plus(Duration.ofDays(10))))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aRepeatedTriggerDoesNothingTheSecondTime() {
        kit.clock.advance(Duration.ofDays(10));
        fixture.given(filed(), escalated(steel, ward))
               .when(new EscalateOverdueComplaintCommand(COMPLAINT, t0.plus(Duration.ofDays(10))))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aResolvedComplaintIgnoresItsOldLimit() {
        kit.clock.advance(Duration.ofDays(40));
        fixture.given(filed(), acknowledged(), resolved())
               .when(new EscalateOverdueComplaintCommand(COMPLAINT, t0.plus(Duration.ofDays(30))))
               .expectNoEvents();
    }

    @Test
    void missedLimitAtTheFederationFlagsTheComplaintOverdue() {
        Instant atFederation = t0;
        Instant due = atFederation.plus(Duration.ofDays(45));
        kit.clock.advance(Duration.ofDays(45));
        fixture.given(filed(), escalated(steel, ward), escalated(ward, federation))
               .when(new EscalateOverdueComplaintCommand(COMPLAINT, due))
               .expectEvents(new ComplaintFlaggedOverdueEvent(COMPLAINT, federation, due, due));
    }

    @Test
    void markingComplexAfterReopeningAnEscalatedComplaintUsesTheOrdinaryFortyFiveDays() {
        Instant reopenedAt = t0.plus(DAY);
        kit.clock.advance(DAY.multipliedBy(2));
        fixture.given(filed(), acknowledged(), escalated(steel, ward), resolved(),
                       new ComplaintReopenedEvent(COMPLAINT, ward, "not paid", reopenedAt, reopenedAt.plus(Duration.ofDays(30))))
               .when(new MarkComplaintComplexCommand(COMPLAINT, "needs inspection", null))
               .expectEvents(new ComplaintMarkedComplexEvent(COMPLAINT, "needs inspection", t0.plus(DAY.multipliedBy(2)),
                       reopenedAt.plus(Duration.ofDays(45))));
    }

    @Test
    void markingComplexAfterTheFederationMissedItsLimitStartsNoNewLimit() {
        Instant due = t0.plus(Duration.ofDays(45));
        kit.clock.advance(Duration.ofDays(46));
        fixture.given(filed(), escalated(steel, ward), escalated(ward, federation),
                       new ComplaintFlaggedOverdueEvent(COMPLAINT, federation, due, due))
               .when(new MarkComplaintComplexCommand(COMPLAINT, "needs inspection", null))
               .expectEvents(new ComplaintMarkedComplexEvent(COMPLAINT, "needs inspection", t0.plus(Duration.ofDays(46)), null));
    }

    @Test
    void refusesMarkingComplexTwice() {
        fixture.given(filed(), acknowledged(), new ComplaintMarkedComplexEvent(COMPLAINT, "many workers", t0, t0.plus(Duration.ofDays(45))))
               .when(new MarkComplaintComplexCommand(COMPLAINT, "again", null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "ALREADY_COMPLEX", null));
    }

    @Test
    void refusesReopeningAComplaintThatIsNotResolved() {
        fixture.given(filed(), acknowledged())
               .when(new ReopenComplaintCommand(COMPLAINT, "x", null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "COMPLAINT_ACKNOWLEDGED", null));
    }

    @Test
    void refusesRatingAComplaintThatIsNotResolved() {
        fixture.given(filed(), acknowledged())
               .when(new RateComplaintResolutionCommand(COMPLAINT, 4, "ok", null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "COMPLAINT_ACKNOWLEDGED", null));
    }

    private FileComplaintCommand file() {
        return new FileComplaintCommand(COMPLAINT, MEMBER, ComplaintCategory.WAGES, "Wages two months late",
                "Hanoi Steel Co.", ComplaintChannel.APP);
    }

    private ComplaintFiledEvent filed() {
        return new ComplaintFiledEvent(COMPLAINT, MEMBER, steel, ComplaintCategory.WAGES,
                new ComplaintStatement("Wages two months late", "Hanoi Steel Co."), ComplaintChannel.APP, t0, t0.plus(Duration.ofDays(10)));
    }

    private ComplaintAcknowledgedEvent acknowledged() {
        return new ComplaintAcknowledgedEvent(COMPLAINT, steel, t0, t0.plus(Duration.ofDays(30)));
    }

    private ComplaintResolvedEvent resolved() {
        return new ComplaintResolvedEvent(COMPLAINT, steel, ResolutionOutcome.UPHELD, "Wages paid with interest", t0);
    }

    private ComplaintEscalatedEvent escalated(UnionId from, UnionId to) {
        return new ComplaintEscalatedEvent(COMPLAINT, from, to, "x", false, t0, t0.plus(Duration.ofDays(45)));
    }
}
