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
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MemberMovedOnMergerEvent;
import org.unionledger.shared.member.MemberProfileUpdatedEvent;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.MemberReinstatedEvent;
import org.unionledger.shared.member.MemberStatus;
import org.unionledger.shared.member.MemberSuspendedEvent;
import org.unionledger.shared.member.MemberView;
import org.unionledger.shared.member.MembershipCardIssuedEvent;
import org.unionledger.shared.member.MembershipEndedEvent;
import org.unionledger.shared.member.TransferAcceptedEvent;
import org.unionledger.shared.member.TransferCancelledEvent;
import org.unionledger.shared.member.TransferRejectedEvent;
import org.unionledger.shared.member.TransferRequestedEvent;

import java.time.Instant;
import java.util.Optional;

/**
 * The member directory: each member's current state, for {@code GET /api/members/{id}}.
 * <p>
 * Idempotent by construction: registration only ever inserts (a replayed or repeated registration finds the
 * document and changes nothing), and every later event updates the document only while its recorded version is
 * older than the event's sequence number, so an event seen twice, or older than what is stored, changes nothing.
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
        mongo.upsert(new Query(Criteria.where("_id").is(event.memberId().value())), insertOnly,
                MemberDirectoryEntry.class);
    }

    @EventHandler
    void on(MembershipCardIssuedEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        apply(event.memberId(), sequence, timestamp, new Update().set("cardNumber", event.cardNumber()));
    }

    @EventHandler
    void on(MemberProfileUpdatedEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        apply(event.memberId(), sequence, timestamp, new Update().set("fullName", event.fullName())
                                                                 .set("personal", event.personal())
                                                                 .set("employment", event.employment()));
    }

    @EventHandler
    void on(MemberSuspendedEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        apply(event.memberId(), sequence, timestamp, new Update().set("status", MemberStatus.SUSPENDED));
    }

    @EventHandler
    void on(MemberReinstatedEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        apply(event.memberId(), sequence, timestamp, new Update().set("status", MemberStatus.ACTIVE));
    }

    @EventHandler
    void on(MembershipEndedEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        apply(event.memberId(), sequence, timestamp, new Update().set("status", MemberStatus.ENDED)
                                                                 .set("endReason", event.reason())
                                                                 .set("endedOn", event.endedOn()));
    }

    @EventHandler
    void on(TransferRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        apply(event.memberId(), sequence, timestamp, new Update().set("status", MemberStatus.TRANSFER_PENDING)
                                                                 .set("pendingTransferTo", event.toUnionId().value()));
    }

    @EventHandler
    void on(TransferAcceptedEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        Update update = new Update().set("status", MemberStatus.ACTIVE)
                                    .set("unionId", event.toUnionId().value())
                                    .unset("pendingTransferTo");
        if (event.newWorkplace() != null) {
            update.set("employment.workplace", event.newWorkplace());
        }
        apply(event.memberId(), sequence, timestamp, update);
    }

    @EventHandler
    void on(TransferRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        apply(event.memberId(), sequence, timestamp, backToActive());
    }

    @EventHandler
    void on(TransferCancelledEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        apply(event.memberId(), sequence, timestamp, backToActive());
    }

    @EventHandler
    void on(MemberMovedOnMergerEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        apply(event.memberId(), sequence, timestamp, new Update().set("unionId", event.toUnionId().value()));
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

    private static Update backToActive() {
        return new Update().set("status", MemberStatus.ACTIVE).unset("pendingTransferTo");
    }

    /** Applies {@code update} only if the stored document is older than this event. */
    private void apply(MemberId memberId, long sequence, Instant timestamp, Update update) {
        Query olderThanThisEvent = new Query(Criteria.where("_id").is(memberId.value()).and("version").lt(sequence));
        mongo.updateFirst(olderThanThisEvent, update.set("version", sequence).set("updatedAt", timestamp),
                MemberDirectoryEntry.class);
    }
}
