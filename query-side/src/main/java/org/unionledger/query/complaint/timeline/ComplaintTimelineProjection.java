package org.unionledger.query.complaint.timeline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
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
import org.unionledger.shared.complaint.ComplaintStatus;
import org.unionledger.shared.complaint.ComplaintTimelineEntry;
import org.unionledger.shared.complaint.ComplaintView;
import org.unionledger.shared.complaint.ComplaintWithdrawnEvent;
import org.unionledger.shared.complaint.ComplaintWorkStartedEvent;
import org.unionledger.shared.complaint.FindComplaintQuery;
import org.unionledger.shared.complaint.ResolutionOutcome;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.union.UnionId;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Each complaint's current state and its timeline, one document per complaint ({@code _id} lookup). Every event
 * changes the document and appends to the timeline only while the stored version is older than the event, so a
 * replayed event neither changes the state nor adds a second timeline entry.
 */
@Component
@ProcessingGroup(ComplaintTimelineProjection.PROCESSING_GROUP)
class ComplaintTimelineProjection {

    static final String PROCESSING_GROUP = "complaint-timeline";
    static final String COLLECTION = "complaint_timeline";

    private final MongoTemplate mongo;

    ComplaintTimelineProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ComplaintFiledEvent event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        Update insertOnly = new Update()
                .setOnInsert("memberId", event.memberId().value())
                .setOnInsert("unionId", event.unionId().value())
                .setOnInsert("category", event.category().name())
                .setOnInsert("description", event.statement().description())
                .setOnInsert("employer", event.statement().employer())
                .setOnInsert("channel", event.channel().name())
                .setOnInsert("status", ComplaintStatus.FILED.name())
                .setOnInsert("complex", false)
                .setOnInsert("overdue", false)
                .setOnInsert("filedAt", Date.from(event.filedAt()))
                .setOnInsert("dueBy", Date.from(event.acknowledgeBy()))
                .setOnInsert("version", sequence)
                .setOnInsert("timeline", List.of(entry(event.filedAt(), "FILED", ComplaintStatus.FILED, event.unionId(),
                        actor, event.category().name())));
        mongo.upsert(byId(event.complaintId()), insertOnly, COLLECTION);
    }

    @EventHandler
    void on(ComplaintAcknowledgedEvent event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        step(event.complaintId(), sequence, new Update().set("dueBy", Date.from(event.resolveBy())),
                entry(event.acknowledgedAt(), "ACKNOWLEDGED", ComplaintStatus.ACKNOWLEDGED, event.unionId(), actor, null));
    }

    @EventHandler
    void on(ComplaintAssignedEvent event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        step(event.complaintId(), sequence, new Update().set("assignedOfficer", event.officer()),
                entry(event.assignedAt(), "ASSIGNED", null, null, actor, event.officer()));
    }

    @EventHandler
    void on(ComplaintWorkStartedEvent event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        step(event.complaintId(), sequence, new Update(),
                entry(event.startedAt(), "WORK_STARTED", ComplaintStatus.IN_PROGRESS, event.unionId(), actor, null));
    }

    @EventHandler
    void on(ComplaintMarkedComplexEvent event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        Update update = new Update().set("complex", true);
        if (event.resolveBy() != null) {
            update.set("dueBy", Date.from(event.resolveBy()));
        }
        step(event.complaintId(), sequence, update, entry(event.markedAt(), "MARKED_COMPLEX", null, null, actor, event.reason()));
    }

    @EventHandler
    void on(ComplaintEscalatedEvent event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        step(event.complaintId(), sequence, new Update().set("unionId", event.toUnionId().value())
                                                        .set("dueBy", Date.from(event.resolveBy())),
                entry(event.escalatedAt(), event.automatic() ? "ESCALATED_AUTOMATICALLY" : "ESCALATED",
                        ComplaintStatus.ESCALATED, event.toUnionId(), event.automatic() ? "system" : actor, event.reason()));
    }

    @EventHandler
    void on(ComplaintFlaggedOverdueEvent event, @SequenceNumber long sequence) {
        step(event.complaintId(), sequence, new Update().set("overdue", true).unset("dueBy"),
                entry(event.flaggedAt(), "FLAGGED_OVERDUE", null, event.unionId(), "system", "limit was " + event.dueBy()));
    }

    @EventHandler
    void on(ComplaintResolvedEvent event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        step(event.complaintId(), sequence, new Update().set("outcome", event.outcome().name())
                                                        .set("resolution", event.resolution())
                                                        .unset("dueBy"),
                entry(event.resolvedAt(), "RESOLVED", ComplaintStatus.RESOLVED, event.unionId(), actor, event.outcome().name()));
    }

    @EventHandler
    void on(ComplaintClosedEvent event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        step(event.complaintId(), sequence, new Update(),
                entry(event.closedAt(), "CLOSED", ComplaintStatus.CLOSED, null, actor, null));
    }

    @EventHandler
    void on(ComplaintReopenedEvent event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        step(event.complaintId(), sequence, new Update().set("dueBy", Date.from(event.resolveBy())).unset("rating"),
                entry(event.reopenedAt(), "REOPENED", ComplaintStatus.REOPENED, event.unionId(), actor, event.reason()));
    }

    @EventHandler
    void on(ComplaintWithdrawnEvent event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        step(event.complaintId(), sequence, new Update().unset("dueBy"),
                entry(event.withdrawnAt(), "WITHDRAWN", ComplaintStatus.WITHDRAWN, null, actor, event.reason()));
    }

    @EventHandler
    void on(ComplaintResolutionRatedEvent event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        step(event.complaintId(), sequence, new Update().set("rating", event.rating()),
                entry(event.ratedAt(), "RATED", null, null, actor, event.rating() + "/5"));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    @QueryHandler
    Optional<ComplaintView> handle(FindComplaintQuery query) {
        return Optional.ofNullable(mongo.findById(query.complaintId().value(), Document.class, COLLECTION))
                       .map(ComplaintTimelineProjection::view);
    }

    /** Applies one step: the change, the status it leads to (if any), and its timeline entry, once. */
    private void step(ComplaintId complaintId, long sequence, Update update, Document entry) {
        if (entry.getString("status") != null) {
            update.set("status", entry.getString("status"));
        }
        Query olderThanThisEvent = new Query(Criteria.where("_id").is(complaintId.value()).and("version").lt(sequence));
        mongo.updateFirst(olderThanThisEvent, update.set("version", sequence).push("timeline", entry), COLLECTION);
    }

    private static Document entry(Instant at, String event, ComplaintStatus status, UnionId unionId, String actor,
                                  String note) {
        return new Document("at", Date.from(at)).append("event", event)
                                                .append("status", status == null ? null : status.name())
                                                .append("unionId", unionId == null ? null : unionId.value())
                                                .append("actor", actor)
                                                .append("note", note);
    }

    private static Query byId(ComplaintId complaintId) {
        return new Query(Criteria.where("_id").is(complaintId.value()));
    }

    private static ComplaintView view(Document doc) {
        List<ComplaintTimelineEntry> timeline = doc.getList("timeline", Document.class).stream()
                .map(entry -> new ComplaintTimelineEntry(entry.getDate("at").toInstant(), entry.getString("event"),
                        entry.getString("status") == null ? null : ComplaintStatus.valueOf(entry.getString("status")),
                        entry.getString("unionId") == null ? null : new UnionId(entry.getString("unionId")),
                        entry.getString("actor"), entry.getString("note")))
                .toList();
        Date dueBy = doc.getDate("dueBy");
        return new ComplaintView(new ComplaintId(doc.getString("_id")), new MemberId(doc.getString("memberId")),
                new UnionId(doc.getString("unionId")), ComplaintCategory.valueOf(doc.getString("category")),
                doc.getString("description"), doc.getString("employer"), ComplaintChannel.valueOf(doc.getString("channel")),
                ComplaintStatus.valueOf(doc.getString("status")), doc.getBoolean("complex", false),
                doc.getBoolean("overdue", false), doc.getString("assignedOfficer"), doc.getDate("filedAt").toInstant(),
                dueBy == null ? null : dueBy.toInstant(),
                doc.getString("outcome") == null ? null : ResolutionOutcome.valueOf(doc.getString("outcome")),
                doc.getString("resolution"), doc.getInteger("rating"), timeline, ((Number) doc.get("version")).longValue());
    }
}
