package org.unionledger.query.member.directory;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.unionledger.shared.member.FindMemberQuery;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.MemberStatus;
import org.unionledger.shared.member.MemberView;

import java.time.Instant;
import java.util.Optional;

/**
 * The member directory: each member's current state, for {@code GET /api/members/{id}}.
 * <p>
 * Idempotent by construction: registration only ever inserts (a replayed or repeated registration finds the
 * document and changes nothing), and later events will update only a document whose version is older than theirs.
 */
@Component
@ProcessingGroup(MemberDirectoryProjection.PROCESSING_GROUP)
class MemberDirectoryProjection {

    static final String PROCESSING_GROUP = "member-directory";

    private final MongoTemplate mongo;

    MemberDirectoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(MemberRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        Update insertOnly = new Update()
                .setOnInsert("fullName", event.fullName())
                .setOnInsert("gender", event.gender())
                .setOnInsert("personal", event.personal())
                .setOnInsert("employment", event.employment())
                .setOnInsert("unionId", event.unionId().value())
                .setOnInsert("joinedOn", event.joinedOn())
                .setOnInsert("nationality", event.nationality())
                .setOnInsert("status", MemberStatus.ACTIVE)
                .setOnInsert("version", sequence)
                .setOnInsert("updatedAt", timestamp);
        mongo.upsert(byId(event.memberId().value()), insertOnly, MemberDirectoryEntry.class);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), MemberDirectoryEntry.class);
    }

    @QueryHandler
    Optional<MemberView> handle(FindMemberQuery query) {
        return Optional.ofNullable(mongo.findById(query.memberId().value(), MemberDirectoryEntry.class))
                       .map(MemberDirectoryEntry::toView);
    }

    private static Query byId(String id) {
        return new Query(Criteria.where("_id").is(id));
    }
}
