package org.unionledger.query.union.directory;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.unionledger.shared.union.FindUnionQuery;
import org.unionledger.shared.union.UnionDissolvedEvent;
import org.unionledger.shared.union.UnionEstablishedEvent;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionMergedEvent;
import org.unionledger.shared.union.UnionMovedEvent;
import org.unionledger.shared.union.UnionRenamedEvent;
import org.unionledger.shared.union.UnionStatus;
import org.unionledger.shared.union.UnionView;

import java.util.Optional;

/**
 * The union directory: each union's current state and, through its parent link, the children of any union.
 * Idempotent in the same way as the member directory: establishment only inserts, and later events apply only
 * to a document whose version is older than theirs.
 */
@Component
@ProcessingGroup(UnionDirectoryProjection.PROCESSING_GROUP)
class UnionDirectoryProjection {

    static final String PROCESSING_GROUP = "union-directory";

    private final MongoTemplate mongo;

    UnionDirectoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(UnionEstablishedEvent event, @SequenceNumber long sequence) {
        Update insertOnly = new Update()
                .setOnInsert("name", event.name())
                .setOnInsert("code", event.code())
                .setOnInsert("level", event.level())
                .setOnInsert("kind", event.kind())
                .setOnInsert("parentId", event.parentId() == null ? null : event.parentId().value())
                .setOnInsert("address", event.address())
                .setOnInsert("establishedOn", event.establishedOn())
                .setOnInsert("status", UnionStatus.ACTIVE)
                .setOnInsert("version", sequence);
        mongo.upsert(new Query(Criteria.where("_id").is(event.unionId().value())), insertOnly, UnionDirectoryEntry.class);
    }

    @EventHandler
    void on(UnionRenamedEvent event, @SequenceNumber long sequence) {
        apply(event.unionId(), sequence, new Update().set("name", event.name()));
    }

    @EventHandler
    void on(UnionMovedEvent event, @SequenceNumber long sequence) {
        apply(event.unionId(), sequence, new Update().set("parentId", event.parentId().value()));
    }

    @EventHandler
    void on(UnionMergedEvent event, @SequenceNumber long sequence) {
        apply(event.unionId(), sequence, new Update().set("status", UnionStatus.MERGED)
                                                     .set("mergedInto", event.survivorId().value()));
    }

    @EventHandler
    void on(UnionDissolvedEvent event, @SequenceNumber long sequence) {
        apply(event.unionId(), sequence, new Update().set("status", UnionStatus.DISSOLVED));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), UnionDirectoryEntry.class);
    }

    @QueryHandler
    Optional<UnionView> handle(FindUnionQuery query) {
        return Optional.ofNullable(mongo.findById(query.unionId().value(), UnionDirectoryEntry.class))
                       .map(union -> union.toView(mongo.find(
                               new Query(Criteria.where("parentId").is(union.id())).with(Sort.by("name")),
                               UnionDirectoryEntry.class)));
    }

    private void apply(UnionId unionId, long sequence, Update update) {
        Query olderThanThisEvent = new Query(Criteria.where("_id").is(unionId.value()).and("version").lt(sequence));
        mongo.updateFirst(olderThanThisEvent, update.set("version", sequence), UnionDirectoryEntry.class);
    }
}
