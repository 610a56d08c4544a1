package org.unionledger.command.common;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Values that must be unique across the federation (union codes, the one federation root, national IDs of current
 * members, card numbers), enforced by MongoDB's unique {@code _id}: of two simultaneous claims exactly one wins.
 * Each key records its owner and when it was claimed, so that a claim left behind by a command that never
 * committed its events can be recognised and taken over.
 */
@Component
public class UniqueKeys {

    static final String COLLECTION = "cmd_unique_keys";
    /** A claim younger than this may belong to a command still in flight, so it is never taken over. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final Clock clock;

    public UniqueKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Who holds a key and since when. */
    public record Claim(String owner, Instant claimedAt) {
    }

    /**
     * Claims {@code key} for {@code owner}, undone if the command's unit of work rolls back.
     *
     * @return empty when claimed (or already owned by {@code owner}); otherwise the current claim
     */
    public Optional<Claim> claim(String key, String owner) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                keys().insertOne(new Document("_id", key).append("owner", owner).append("claimedAt", Date.from(clock.instant())));
                Compensation.onRollback(() -> release(key, owner));
                return Optional.empty();
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Optional<Claim> holder = find(key);
            if (holder.isPresent()) {
                // Owned by us already (a retried command) counts as claimed, but without a second rollback hook.
                return holder.filter(current -> !current.owner().equals(owner));
            }
            // The holder released the key between our insert and our look: try again.
        }
        return Optional.of(find(key).orElse(new Claim("unknown", clock.instant())));
    }

    /**
     * Claims {@code key}, taking it over from a holder that no longer holds it by right: {@code stillHolds} decides
     * for a claim that is past {@link #IN_FLIGHT}; a younger claim always holds, since its command may not have
     * committed yet.
     *
     * @return empty when claimed; otherwise the claim that rightly holds the key
     */
    public Optional<Claim> claim(String key, String owner, Predicate<Claim> stillHolds) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Claim> current = claim(key, owner);
            if (current.isEmpty()) {
                return current;
            }
            Claim holder = current.get();
            boolean inFlight = holder.claimedAt().plus(IN_FLIGHT).isAfter(clock.instant());
            if (inFlight || stillHolds.test(holder)) {
                return current;
            }
            if (takeOver(key, holder.owner(), owner)) {
                return Optional.empty();
            }
        }
        // Still contested after three rounds: refuse rather than report a claim we do not hold.
        return Optional.of(find(key).orElse(new Claim("unknown", clock.instant())));
    }

    /** Frees {@code key} if {@code owner} holds it. */
    public void release(String key, String owner) {
        keys().deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq("owner", owner)));
    }

    public Optional<Claim> find(String key) {
        return Optional.ofNullable(keys().find(Filters.eq("_id", key)).first())
                       .map(doc -> new Claim(doc.getString("owner"), doc.getDate("claimedAt").toInstant()));
    }

    private boolean takeOver(String key, String previousOwner, String owner) {
        boolean taken = keys().updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("owner", previousOwner)),
                Updates.combine(Updates.set("owner", owner), Updates.set("claimedAt", Date.from(clock.instant()))))
                              .getModifiedCount() == 1;
        if (taken) {
            Compensation.onRollback(() -> keys().updateOne(
                    Filters.and(Filters.eq("_id", key), Filters.eq("owner", owner)), Updates.set("owner", previousOwner)));
        }
        return taken;
    }

    private MongoCollection<Document> keys() {
        return mongo.getCollection(COLLECTION);
    }
}
