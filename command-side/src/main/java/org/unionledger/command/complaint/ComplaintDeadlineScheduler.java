package org.unionledger.command.complaint;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.unionledger.shared.complaint.EscalateOverdueComplaintCommand;

import java.time.Clock;

/**
 * Looks for complaints whose time limit has passed and tells each one so. The complaint decides what that means
 * (escalate, flag overdue, or nothing if the step was taken meanwhile), so running this late, twice, or on several
 * nodes at once changes nothing more than running it once on time.
 */
@Component
public class ComplaintDeadlineScheduler {

    private static final Logger log = LoggerFactory.getLogger(ComplaintDeadlineScheduler.class);
    private static final int BATCH = 500;

    private final ComplaintDeadlines deadlines;
    private final CommandGateway commands;
    private final Clock clock;

    ComplaintDeadlineScheduler(ComplaintDeadlines deadlines, CommandGateway commands, Clock clock) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.clock = clock;
    }

    /** Sends a command for every passed limit; answers how many were sent. */
    @Scheduled(fixedDelayString = "${unionledger.complaints.deadline-check-interval:30s}",
            initialDelayString = "${unionledger.complaints.deadline-check-interval:30s}")
    public int checkDeadlines() {
        int sent = 0;
        for (ComplaintDeadlines.Due due : deadlines.dueAt(clock.instant(), BATCH)) {
            try {
                commands.sendAndWait(new EscalateOverdueComplaintCommand(due.complaintId(), due.dueBy()));
                sent++;
            } catch (RuntimeException e) {
                log.warn("Time limit of complaint {} could not be acted on yet: {}", due.complaintId(), e.getMessage());
            }
        }
        return sent;
    }
}
