package org.unionledger.query.union.monitoring;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** Bookkeeping of the projection itself: {@value #META_UNIONS} holds the position of the last union change. */
    static final String META = "mon_meta";
    static final String META_UNIONS = "unions";

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

            /**
         * Applies the dashboard changes (one read and one bulk write) and keeps each dashboard as it now stands,
         * computed from the document read and the changes, as the only writer (one segment) may.
         */
        void applyDashboards(MongoDatabase db, long position) {
            apply(db.getCollection(DASHBOARDS), dashboards, Map.of(), position, dashboardsAfter);
        }

        /** A dashboard as it stood after {@link #applyDashboards}, or null if this event did not touch it. */
        Document dashboardAfter(String unionId) {
            return dashboardsAfter.get(unionId);
        }

        void applyMonths(MongoDatabase db, long position) {
            Map<String, Map<String, Long>> all = new LinkedHashMap<>(months);
            monthSets.keySet().forEach(id -> all.putIfAbsent(id, Map.of()));
            apply(db.getCollection(MONTHS), all, monthSets, position, new LinkedHashMap<>());
        }

        /**
         * The guarded updates of many documents: reads them in one query, skips those that already reflect this
         * position, and writes the rest in one unordered bulk write whose every update still matches only while
         * {@code pos} is lower (so a concurrent or repeated writer cannot apply twice). Fills {@code after} with
         * each document as it stands afterwards.
         */
        private static void apply(MongoCollection<Document> collection, Map<String, Map<String, Long>> incs,
                                  Map<String, Map<String, Object>> sets, long position, Map<String, Document> after) {
            if (incs.isEmpty()) {
                return;
            }
            Map<String, Document> before = new HashMap<>();
            collection.find(Filters.in("_id", incs.keySet())).forEach(document -> before.put(document.getString("_id"), document));
            List<UpdateOneModel<Document>> writes = new ArrayList<>();
            List<String> written = new ArrayList<>();
            incs.forEach((id, changes) -> {
                Document current = before.get(id);
                if (current != null && Counters.number(current, POS) >= position) {
                    after.put(id, current);
                    return;
                }
                Map<String, Object> setting = sets.getOrDefault(id, Map.of());
                Document inc = new Document();
                changes.forEach((field, by) -> {
                    if (by != 0) {
                        inc.append(field, by);
                    }
                });
                Document set = new Document(POS, position);
                setting.forEach(set::append);
                Document update = new Document("$set", set);
                if (!inc.isEmpty()) {
                    update.append("$inc", inc);
                }
                writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", id), Filters.lt(POS, position)), update,
                        new UpdateOptions().upsert(current == null)));
                written.add(id);
                after.put(id, Counters.applied(current == null ? new Document("_id", id) : current, inc, set));
            });
            if (writes.isEmpty()) {
                return;
            }
            try {
                collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                // An upsert met a document created meanwhile with pos >= position: applied there before.
                boolean onlyDuplicates = e.getWriteErrors().stream()
                                          .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
                if (!onlyDuplicates || e.getWriteConcernError() != null) {
                    throw e;
                }
                e.getWriteErrors().forEach(error -> {
                    String id = written.get(error.getIndex());
                    after.put(id, collection.find(Filters.eq("_id", id)).first());
                });
            }
        }
    }
}
