package org.unionledger.shared.complaint;

import org.unionledger.shared.union.UnionId;

import java.time.Instant;

/** One step in a complaint's life. */
public record ComplaintTimelineEntry(Instant at, String event, ComplaintStatus status, UnionId unionId, String actor, String note) {
}
