package org.unionledger.command.common;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Ties writes to the command-side lookup tables to the unit of work that appends the events. MongoDB offers no
 * transaction here (the embedded server has none), so a write made while handling a command is undone if the unit
 * of work rolls back, and a release (which would wrongly allow something if it happened without the events) waits
 * until the events are committed.
 */
public final class Compensation {

    private Compensation() {
    }

    /** Runs {@code undo} if the current unit of work rolls back; nothing outside a unit of work. */
    public static void onRollback(Runnable undo) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> undo.run()));
    }

    /** Runs {@code action} once the current unit of work has committed, or at once outside a unit of work. */
    public static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> action.run());
        } else {
            action.run();
        }
    }
}
