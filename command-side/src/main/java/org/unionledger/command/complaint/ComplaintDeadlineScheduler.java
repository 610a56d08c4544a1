package org.unionledger.command.complaint;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.unionledger.command.common.RequestMetadata;
import org.unionledger.shared.complaint.EscalateOverdueComplaintCommand;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Looks for complaints whose time limit has passed and tells each one so. The complaint decides what that means
 * (escalate, flag overdue, or nothing if the step was taken meanwhile), so running this late, twice, or on several
 * nodes at once changes nothing more than running it once on time.
 */
@Component
public class ComplaintDeadlineScheduler {

    private static final Logger log = LoggerFactory.getLogger(ComplaintDeadlineScheduler.class);
    private static final int BATCH = 500;
    /** Who acts, in the events' metadata, when a time limit escalates a complaint. */
    static final String ACTOR = "system:complaint-deadlines";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

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
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                                new EscalateOverdueComplaintCommand(due.complaintId(), due.dueBy()))
                                .withMetaData(Map.of(RequestMetadata.ACTOR, ACTOR)),
                        COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                sent++;
            } catch (RuntimeException e) {
                log.warn("Time limit of complaint {} could not be acted on yet: {}", due.complaintId(), e.getMessage());
            }
        }
        return sent;
    }
}
