package org.unionledger.command.complaint;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.unionledger.platform.mongo.IndexDeclaration;
import org.unionledger.shared.complaint.ComplaintAcknowledgedEvent;
import org.unionledger.shared.complaint.ComplaintEscalatedEvent;
import org.unionledger.shared.complaint.ComplaintFiledEvent;
import org.unionledger.shared.complaint.ComplaintFlaggedOverdueEvent;
import org.unionledger.shared.complaint.ComplaintId;
import org.unionledger.shared.complaint.ComplaintMarkedComplexEvent;
import org.unionledger.shared.complaint.ComplaintReopenedEvent;
import org.unionledger.shared.complaint.ComplaintResolvedEvent;
import org.unionledger.shared.complaint.ComplaintWithdrawnEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The running time limit of every open complaint, kept from the events by a tracking processor and read by
 * {@link ComplaintDeadlineScheduler}. It lives in MongoDB with the events' sequence numbers, so it survives
 * restarts in both modes and is rebuilt by a replay; it may lag behind the events, which is harmless because the
 * aggregate decides whether a limit really passed.
 */
@Component
@ProcessingGroup(ComplaintDeadlines.PROCESSING_GROUP)
public class ComplaintDeadlines {

    static final String PROCESSING_GROUP = "complaint-deadlines";
    static final String COLLECTION = "cmd_complaint_deadlines";

    private final MongoTemplate mongo;

    ComplaintDeadlines(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A complaint whose limit {@code dueBy} has passed. */
    public record Due(ComplaintId complaintId, Instant dueBy) {
    }

    @EventHandler
    void on(ComplaintFiledEvent event, @SequenceNumber long sequence) {
        due(event.complaintId(), event.acknowledgeBy(), sequence);
    }

    @EventHandler
    void on(ComplaintAcknowledgedEvent event, @SequenceNumber long sequence) {
        due(event.complaintId(), event.resolveBy(), sequence);
    }

    @EventHandler
    void on(ComplaintMarkedComplexEvent event, @SequenceNumber long sequence) {
        if (event.resolveBy() != null) {
            due(event.complaintId(), event.resolveBy(), sequence);
        }
    }

    @EventHandler
    void on(ComplaintEscalatedEvent event, @SequenceNumber long sequence) {
        due(event.complaintId(), event.resolveBy(), sequence);
    }

    @EventHandler
    void on(ComplaintReopenedEvent event, @SequenceNumber long sequence) {
        due(event.complaintId(), event.resolveBy(), sequence);
    }

    @EventHandler
    void on(ComplaintResolvedEvent event, @SequenceNumber long sequence) {
        nothingDue(event.complaintId(), sequence);
    }

    @EventHandler
    void on(ComplaintWithdrawnEvent event, @SequenceNumber long sequence) {
        nothingDue(event.complaintId(), sequence);
    }

    @EventHandler
    void on(ComplaintFlaggedOverdueEvent event, @SequenceNumber long sequence) {
        nothingDue(event.complaintId(), sequence);
    }

    @ResetHandler
    void reset() {
        deadlines().deleteMany(new Document());
    }

    /** Every complaint whose running limit is at or before {@code now}, earliest first. */
    public List<Due> dueAt(Instant now, int limit) {
        List<Due> due = new ArrayList<>();
        deadlines().find(Filters.lte("dueBy", Date.from(now))).sort(Indexes.ascending("dueBy")).limit(limit)
                   .forEach(doc -> due.add(new Due(new ComplaintId(doc.getString("_id")), doc.getDate("dueBy").toInstant())));
        return due;
    }

    private void due(ComplaintId complaintId, Instant dueBy, long sequence) {
        write(complaintId, sequence, Updates.set("dueBy", Date.from(dueBy)));
    }

    private void nothingDue(ComplaintId complaintId, long sequence) {
        write(complaintId, sequence, Updates.unset("dueBy"));
    }

    /** Applies the change unless a newer event already did; a replayed event changes nothing. */
    private void write(ComplaintId complaintId, long sequence, Bson change) {
        Bson olderOrAbsent = Filters.and(Filters.eq("_id", complaintId.value()), Filters.lt("sequence", sequence));
        try {
            deadlines().updateOne(olderOrAbsent, Updates.combine(change, Updates.set("sequence", sequence)),
                    new UpdateOptions().upsert(true));
        } catch (com.mongodb.MongoWriteException e) {
            // The upsert collided with a document holding a newer sequence: that newer state stands.
            if (e.getError().getCode() != 11000) {
                throw e;
            }
        }
    }

    private MongoCollection<Document> deadlines() {
        return mongo.getCollection(COLLECTION);
    }

    @Bean
    static IndexDeclaration complaintDeadlinesByDueDate() {
        return IndexDeclaration.of(COLLECTION, Indexes.ascending("dueBy"));
    }
}
