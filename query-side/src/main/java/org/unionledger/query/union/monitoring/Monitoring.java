package org.unionledger.query.union.monitoring;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The monitoring read model's collections and its one write discipline.
 * <p>
 * Figures are counters ({@code $inc}), so applying an event twice must be prevented: every dashboard and month
 * document records the global position of the last event applied to it ({@code pos}), and an event's changes to a
 * document are one update that matches only while {@code pos} is lower. Within one event, all changes to one
 * document are summed first ({@link Deltas}), so each document is written at most once per event. A handler first
 * computes its changes from the source documents (members, complaints, unions) as they were before the event,
 * applies them, and only then updates the source documents; a redelivery after a crash in between recomputes the
 * same changes and the documents already written ignore them. This relies on the processor handling events in
 * global order: one segment (the projection's configuration fixes it).
 */
final class Monitoring {

    static final String PROCESSING_GROUP = "union-monitoring";

    static final String UNIONS = "mon_unions";
    static final String MEMBERS = "mon_members";
    static final String COMPLAINTS = "mon_complaints";
    static final String DASHBOARDS = "mon_dashboards";
    static final String MONTHS = "mon_months";

    static final String POS = "pos";

    private Monitoring() {
    }

    static String monthId(String unionId, YearMonth month) {
        return unionId + "|" + month;
    }

    /** The changes one event makes to dashboards and month documents, summed per document and field. */
    static final class Deltas {
        private final Map<String, Map<String, Long>> dashboards = new LinkedHashMap<>();
        private final Map<String, Map<String, Long>> months = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> monthSets = new LinkedHashMap<>();
        private final Map<String, Document> dashboardsAfter = new LinkedHashMap<>();

        void dashboard(String unionId, String field, long by) {
            dashboards.computeIfAbsent(unionId, id -> new LinkedHashMap<>()).merge(field, by, Long::sum);
        }

        void month(String unionId, YearMonth month, String field, long by) {
            months.computeIfAbsent(monthId(unionId, month), id -> new LinkedHashMap<>()).merge(field, by, Long::sum);
        }

        void monthSet(String unionId, YearMonth month, String field, Object value) {
            monthSets.computeIfAbsent(monthId(unionId, month), id -> new LinkedHashMap<>()).put(field, value);
        }

        Iterable<String> dashboardIds() {
            return dashboards.keySet();
        }

        Map<String, Long> dashboardChanges(String unionId) {
            return dashboards.getOrDefault(unionId, Map.of());
        }

        /** Applies the dashboard changes and keeps each dashboard as it now stands. */
        void applyDashboards(MongoDatabase db, long position) {
            MongoCollection<Document> collection = db.getCollection(DASHBOARDS);
            dashboards.forEach((id, incs) -> {
                Document after = guarded(collection, id, position, incs, Map.of());
                dashboardsAfter.put(id, after != null ? after : collection.find(Filters.eq("_id", id)).first());
            });
        }

        /** A dashboard as it stood after {@link #applyDashboards}, or null if this event did not touch it. */
        Document dashboardAfter(String unionId) {
            return dashboardsAfter.get(unionId);
        }

        void applyMonths(MongoDatabase db, long position) {
            MongoCollection<Document> collection = db.getCollection(MONTHS);
            Map<String, Map<String, Long>> all = new LinkedHashMap<>(months);
            monthSets.keySet().forEach(id -> all.putIfAbsent(id, Map.of()));
            all.forEach((id, incs) -> guarded(collection, id, position, incs, monthSets.getOrDefault(id, Map.of())));
        }

        /** The guarded update; answers the document after it, or null if it had already been applied. */
        private static Document guarded(MongoCollection<Document> collection, String id, long position,
                                        Map<String, Long> incs, Map<String, Object> sets) {
            Document inc = new Document();
            incs.forEach((field, by) -> {
                if (by != 0) {
                    inc.append(field, by);
                }
            });
            Document set = new Document(POS, position);
            sets.forEach(set::append);
            Document update = new Document("$set", set);
            if (!inc.isEmpty()) {
                update.append("$inc", inc);
            }
            try {
                return collection.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.lt(POS, position)), update,
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            } catch (MongoCommandException | MongoWriteException e) {
                // The document exists with pos >= position: this event was applied to it before.
                if (e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        || e instanceof MongoCommandException command && ErrorCategory.fromErrorCode(command.getErrorCode())
                        == ErrorCategory.DUPLICATE_KEY) {
                    return null;
                }
                throw e;
            }
        }
    }
}
