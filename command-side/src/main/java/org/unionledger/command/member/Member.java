package org.unionledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.MemberStatus;
import org.unionledger.shared.member.RegisterMemberCommand;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A member of a grassroots union, from registration to the end of the membership. */
@Aggregate
public class Member {

    @AggregateIdentifier
    private MemberId memberId;
    private MemberStatus status;

    protected Member() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Member(RegisterMemberCommand command, Clock clock) {
        MemberRegistrationPolicy.check(command, LocalDate.now(clock));
        apply(new MemberRegisteredEvent(command.memberId(), command.fullName().strip(), command.gender(),
                command.personal(), command.employment(), command.unionId(), command.joinedOn(),
                command.nationality()));
    }

    @EventSourcingHandler
    void on(MemberRegisteredEvent event) {
        memberId = event.memberId();
        status = MemberStatus.ACTIVE;
    }
}
