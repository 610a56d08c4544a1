package org.unionledger.query.feed.webhook;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Subscriptions, their positions and parked deliveries in MongoDB. Without transactions (the embedded server has
 * none), every change that can race is one conditional update of one document: a delivery advances the position
 * only from the position it delivered after and only while the subscription is active, so a pause or a reset made
 * meanwhile wins and the event is simply delivered again later (at least once).
 */
@Component
class WebhookStore {

    static final String SUBSCRIPTIONS = "feed_subscriptions";
    static final String PARKED = "feed_parked_deliveries";

    private final MongoTemplate mongo;

    WebhookStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> subscriptions() {
        return mongo.getCollection(SUBSCRIPTIONS);
    }

    private MongoCollection<Document> parked() {
        return mongo.getCollection(PARKED);
    }

    void insert(Subscription subscription) {
        subscriptions().insertOne(new Document("_id", subscription.id())
                .append("targetUrl", subscription.targetUrl()).append("types", subscription.types())
                .append("secret", subscription.secret()).append("position", subscription.position())
                .append("status", subscription.status().name()).append("attempts", 0)
                .append("nextAttemptAt", Date.from(subscription.createdAt()))
                .append("createdAt", Date.from(subscription.createdAt())));
    }

    Optional<Subscription> find(String id) {
        return Optional.ofNullable(subscriptions().find(Filters.eq("_id", id)).first()).map(Subscription::from);
    }

    List<Subscription> all() {
        List<Subscription> all = new ArrayList<>();
        subscriptions().find().sort(Sorts.ascending("createdAt", "_id")).forEach(document -> all.add(Subscription.from(document)));
        return all;
    }

    /** Active subscriptions whose next attempt is due. */
    List<Subscription> due(Instant now) {
        List<Subscription> due = new ArrayList<>();
        subscriptions().find(Filters.and(Filters.eq("status", Subscription.Status.ACTIVE.name()),
                                       Filters.lte("nextAttemptAt", Date.from(now))))
                       .forEach(document -> due.add(Subscription.from(document)));
        return due;
    }

    /** Takes or renews this node's lease on a subscription; false when another node holds it. */
    boolean claim(String id, String owner, Instant now, Instant until) {
        Bson free = Filters.or(Filters.eq("leaseOwner", null), Filters.eq("leaseOwner", owner),
                Filters.lt("leaseUntil", Date.from(now)));
        return subscriptions().updateOne(Filters.and(Filters.eq("_id", id), free),
                Updates.combine(Updates.set("leaseOwner", owner), Updates.set("leaseUntil", Date.from(until))))
                              .getMatchedCount() == 1;
    }

    void releaseLeases(String owner) {
        subscriptions().updateMany(Filters.eq("leaseOwner", owner),
                Updates.combine(Updates.set("leaseOwner", null), Updates.set("leaseUntil", null)));
    }

    /** Moves an active subscription from {@code from} to {@code to} after a delivery; false if it changed meanwhile. */
    boolean advance(String id, long from, long to) {
        return subscriptions().updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("position", from),
                        Filters.eq("status", Subscription.Status.ACTIVE.name())),
                Updates.combine(Updates.set("position", to), Updates.set("attempts", 0), Updates.set("lastError", null)))
                              .getMatchedCount() == 1;
    }

    /** Records a failed attempt at the event after {@code position} and when to try again. */
    boolean failed(String id, long position, int attempts, Instant nextAttemptAt, String error) {
        return subscriptions().updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("position", position)),
                Updates.combine(Updates.set("attempts", attempts), Updates.set("nextAttemptAt", Date.from(nextAttemptAt)),
                        Updates.set("lastError", error)))
                              .getMatchedCount() == 1;
    }

    /**
     * Sets a delivery aside after its last failed attempt: the parked copy is written first (idempotently, under its
     * key), then the subscription steps past it and pauses, so a crash in between parks it twice at worst.
     */
    boolean park(ParkedDelivery delivery, long from) {
        parked().replaceOne(Filters.eq("_id", ParkedDelivery.key(delivery.subscriptionId(), delivery.position())),
                delivery.toDocument(), new ReplaceOptions().upsert(true));
        return subscriptions().updateOne(
                Filters.and(Filters.eq("_id", delivery.subscriptionId()), Filters.eq("position", from)),
                Updates.combine(Updates.set("position", delivery.position()), Updates.set("attempts", 0),
                        Updates.set("status", Subscription.Status.PAUSED.name()),
                        Updates.set("lastError", "parked delivery at position " + delivery.position() + ": " + delivery.lastError())))
                              .getMatchedCount() == 1;
    }

    boolean setStatus(String id, Subscription.Status status, Instant now) {
        return subscriptions().updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.set("status", status.name()), Updates.set("attempts", 0),
                        Updates.set("nextAttemptAt", Date.from(now))))
                              .getMatchedCount() == 1;
    }

    boolean reset(String id, long position, Instant now) {
        return subscriptions().updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.set("position", position), Updates.set("attempts", 0),
                        Updates.set("lastError", null), Updates.set("nextAttemptAt", Date.from(now))))
                              .getMatchedCount() == 1;
    }

    boolean delete(String id) {
        parked().deleteMany(Filters.eq("subscriptionId", id));
        return subscriptions().deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    List<ParkedDelivery> parkedOf(String subscriptionId) {
        List<ParkedDelivery> deliveries = new ArrayList<>();
        parked().find(Filters.eq("subscriptionId", subscriptionId)).sort(Sorts.ascending("position"))
                .forEach(document -> deliveries.add(ParkedDelivery.from(document)));
        return deliveries;
    }

    long parkedCount(String subscriptionId) {
        return parked().countDocuments(Filters.eq("subscriptionId", subscriptionId));
    }

    Optional<ParkedDelivery> findParked(String subscriptionId, long position) {
        return Optional.ofNullable(parked().find(Filters.eq("_id", ParkedDelivery.key(subscriptionId, position))).first())
                       .map(ParkedDelivery::from);
    }

    void unpark(String subscriptionId, long position) {
        parked().deleteOne(Filters.eq("_id", ParkedDelivery.key(subscriptionId, position)));
    }
}
