package org.unionledger.shared.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Sent when a time limit has passed: escalates the complaint if {@code dueBy} is still its running limit and has passed, and otherwise does nothing. */
public record EscalateOverdueComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, Instant dueBy) {
}
