package org.unionledger.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.unionledger.command.common.EventHistory;
import org.unionledger.command.common.RequestMetadata;
import org.unionledger.platform.web.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Makes a command request safe to retry with an {@code Idempotency-Key} header: the first answer is recorded in
 * MongoDB (so it survives restarts) and a retry with the same key and body gets that answer again without a
 * second command. A retry with the same key but another body is refused with 422; one that arrives while the
 * first is still running gets 409.
 * <p>
 * If the process stopped after the events were stored but before the answer was recorded, the retry finds the
 * events by the key they carry in their metadata and answers from them, so nothing is applied twice. New
 * aggregates take an ID derived from the key for the same reason.
 */
@Component
public class IdempotentCommands {

    public static final String HEADER = RequestMetadata.IDEMPOTENCY_KEY_HEADER;
    static final String COLLECTION = "cmd_idempotency";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final EventHistory history;
    private final Clock clock;

    IdempotentCommands(MongoTemplate mongo, ObjectMapper json, EventHistory history, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.history = history;
        this.clock = clock;
    }

    /** The ID a new aggregate gets: derived from the idempotency key when there is one, random otherwise. */
    public static String newAggregateId(String kind, String idempotencyKey) {
        return idempotencyKey == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((kind + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Runs {@code send} (which answers with the aggregate's new version) at most once per idempotency key.
     *
     * @param key         the {@code Idempotency-Key} header, or null
     * @param endpoint    what the request asks, such as {@code POST /api/members/m-1/suspend}
     * @param body        the parsed request body, part of the request's fingerprint
     * @param aggregateId the aggregate the command acts on (or creates)
     * @param success     the status of a successful answer
     */
    public ResponseEntity<CommandAccepted> run(String key, String endpoint, Object body, String aggregateId,
                                               HttpStatus success, LongSupplier send) {
        if (key == null) {
            return answer(success, aggregateId, send.getAsLong());
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY", HEADER,
                    "Idempotency-Key must be 1 to 200 visible ASCII characters");
        }
        String fingerprint = fingerprint(endpoint, body);
        Date startedAt = Date.from(clock.instant());
        try {
            records().insertOne(new Document("_id", key).append("fingerprint", fingerprint)
                                                        .append("aggregateId", aggregateId)
                                                        .append("state", "PENDING").append("startedAt", startedAt));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return replay(key, fingerprint, aggregateId, success, send);
        }
        return execute(key, aggregateId, success, send, startedAt);
    }

    private ResponseEntity<CommandAccepted> replay(String key, String fingerprint, String aggregateId,
                                                   HttpStatus success, LongSupplier send) {
        Document previous = Optional.ofNullable(records().find(Filters.eq("_id", key)).first())
                                    .orElseThrow(() -> inProgress(key));
        if (!fingerprint.equals(previous.getString("fingerprint"))) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED", HEADER,
                    "Idempotency-Key " + key + " was already used for a different request");
        }
        if ("DONE".equals(previous.getString("state"))) {
            return answer(HttpStatus.valueOf(previous.getInteger("status")), previous.getString("aggregateId"),
                    previous.getLong("version"));
        }
        Date startedAt = previous.getDate("startedAt");
        if (startedAt.toInstant().plus(ABANDONED_AFTER).isAfter(clock.instant())) {
            throw inProgress(key);
        }
        // The first attempt was abandoned: its events may or may not have been stored.
        Optional<Long> stored = history.lastSequenceWith(aggregateId, RequestMetadata.IDEMPOTENCY_KEY, key);
        if (stored.isPresent()) {
            complete(key, success, stored.get());
            return answer(success, aggregateId, stored.get());
        }
        Date retryStartedAt = Date.from(clock.instant());
        long claimed = records().updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("startedAt", startedAt)),
                Updates.set("startedAt", retryStartedAt)).getModifiedCount();
        if (claimed == 0) {
            throw inProgress(key);
        }
        return execute(key, aggregateId, success, send, retryStartedAt);
    }

    private ResponseEntity<CommandAccepted> execute(String key, String aggregateId, HttpStatus success,
                                                    LongSupplier send, Date startedAt) {
        long version;
        try {
            version = send.getAsLong();
        } catch (RuntimeException e) {
            // Nothing was stored: let a retry run the command again.
            records().deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq("startedAt", startedAt)));
            throw e;
        }
        complete(key, success, version);
        return answer(success, aggregateId, version);
    }

    private void complete(String key, HttpStatus status, long version) {
        records().updateOne(Filters.eq("_id", key), Updates.combine(Updates.set("state", "DONE"),
                Updates.set("status", status.value()), Updates.set("version", version)));
    }

    private static ResponseEntity<CommandAccepted> answer(HttpStatus status, String aggregateId, long version) {
        return ResponseEntity.status(status).eTag("\"" + version + "\"").body(new CommandAccepted(aggregateId, version));
    }

    private static ApiException inProgress(String key) {
        return new ApiException(HttpStatus.CONFLICT, "IDEMPOTENT_REQUEST_IN_PROGRESS", HEADER,
                "A request with Idempotency-Key " + key + " is still being processed");
    }

    private String fingerprint(String endpoint, Object body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(endpoint.getBytes(StandardCharsets.UTF_8));
            sha256.update(json.writeValueAsBytes(body));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MongoCollection<Document> records() {
        return mongo.getCollection(COLLECTION);
    }
}
