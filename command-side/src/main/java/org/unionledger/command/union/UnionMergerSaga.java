package org.unionledger.command.union;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MoveMemberOnMergerCommand;
import org.unionledger.shared.union.MoveUnionCommand;
import org.unionledger.shared.union.UnionMergedEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Carries a merged union's child unions and current members over to the survivor.
 * <p>
 * Resumable and idempotent: it runs in a tracking processor whose errors propagate, so if the process stops
 * halfway, or a move fails, the event is delivered again and the saga starts over; every command it sends is a no-op for a child or member already
 * carried over (or one that has left), so starting over finishes the job without doing anything twice.
 */
@Saga
public class UnionMergerSaga {

    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient UnionDirectory directory;

    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "unionId")
    void on(UnionMergedEvent merger) {
        List<RuntimeException> failures = new ArrayList<>();
        for (var child : directory.activeChildren(merger.unionId())) {
            send(new MoveUnionCommand(child, merger.survivorId(), merger.effectiveOn(), null), failures);
        }
        for (MemberId member : directory.currentMembers(merger.unionId())) {
            send(new MoveMemberOnMergerCommand(member, merger.unionId(), merger.survivorId(), merger.effectiveOn()),
                    failures);
        }
        if (!failures.isEmpty()) {
            // Carry everything else over first, then fail: the processor retries the event, and the moves already
            // made do nothing the second time.
            IllegalStateException failure = new IllegalStateException(failures.size() + " of the merger's moves failed");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private void send(Object command, List<RuntimeException> failures) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }
}
