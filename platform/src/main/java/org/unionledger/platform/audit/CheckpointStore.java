package org.unionledger.platform.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Stream-head checkpoints, kept in MongoDB, away from the event store they vouch for: removing events then means
 * altering two stores. Keyed by position, so writing the same checkpoint twice changes nothing.
 */
public class CheckpointStore {

    public static final String COLLECTION = "audit_checkpoints";

    private final MongoCollection<Document> checkpoints;

    public CheckpointStore(MongoDatabase database) {
        this.checkpoints = database.getCollection(COLLECTION);
    }

    public void save(StreamHeads.Checkpoint checkpoint) {
        Document document = new Document("_id", checkpoint.position())
                .append("takenAt", Date.from(checkpoint.takenAt()))
                .append("streams", checkpoint.streams())
                .append("events", checkpoint.events())
                .append("digest", checkpoint.digest());
        checkpoints.replaceOne(Filters.eq("_id", checkpoint.position()), document, new ReplaceOptions().upsert(true));
    }

    /** Every retained checkpoint, oldest first. */
    public List<StreamHeads.Checkpoint> all() {
        List<StreamHeads.Checkpoint> all = new ArrayList<>();
        for (Document document : checkpoints.find().sort(new Document("_id", 1))) {
            all.add(new StreamHeads.Checkpoint(((Number) document.get("_id")).longValue(),
                    document.getDate("takenAt").toInstant(), ((Number) document.get("streams")).longValue(),
                    ((Number) document.get("events")).longValue(), document.getString("digest")));
        }
        return all;
    }

    /** Drops all but the newest {@code keep} checkpoints. */
    public void retain(int keep) {
        List<StreamHeads.Checkpoint> all = all();
        if (all.size() > keep) {
            long oldestKept = all.get(all.size() - keep).position();
            checkpoints.deleteMany(Filters.lt("_id", oldestKept));
        }
    }
}
