package org.unionledger.query.union.monitoring;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;

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
 * <p>
 * A failing event is dead-lettered (with the later events of its aggregate) while the others go on, so it comes
 * back later, out of order, below positions the documents already hold. Two rules keep that exact:
 * <ul>
 *   <li>an event is parked only if it wrote nothing: handlers read and compute first, and a failure once writing
 *       has begun ({@link #writing}) is not dead-lettered but stops the processor, which retries the batch and
 *       lets the position guard skip what was written ({@link MonitoringDeadLetterPolicy});</li>
 *   <li>a retried dead letter ({@link #retrying}) applies its changes with a marker instead: each document it
 *       changes lists the position in {@value #LATE}, the update matches only while the list lacks it, and
 *       {@code pos} becomes the larger of the two, as an in-order replay would leave it.</li>
 * </ul>
 * A retried event is computed against the tree and documents as they are now, which is what the dashboards show.
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
    /** Positions of dead letters applied to a document after later events (see above). */
    static final String LATE = "late";
    /** Unit-of-work resource: the identifier of the event that has begun writing the read model. */
    static final String WRITING = Monitoring.class.getName() + ".writing";

    private Monitoring() {
    }

    /** Whether the event being handled is a dead letter being retried (Axon puts the letter in the unit of work). */
    static boolean retrying() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getResource(DeadLetter.class.getName()) != null;
    }

    /** Notes, before its first write, that the event being handled has begun changing the read model. */
    static void writing() {
        CurrentUnitOfWork.ifStarted(unitOfWork -> {
            Message<?> message = unitOfWork.getMessage();
            unitOfWork.resources().put(WRITING, message == null ? null : message.getIdentifier());
        });
    }

    /** Whether {@code event} began writing in the current unit of work (see {@link #writing}). */
    static boolean wrote(Message<?> event) {
        return CurrentUnitOfWork.isStarted()
                && event.getIdentifier().equals(CurrentUnitOfWork.get().getResource(WRITING));
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
        private final Map<String, Long> reflected = new HashMap<>();

        void dashboard(String unionId, String field, long by) {
            dashboards.computeIfAbsent(unionId, id -> new LinkedHashMap<>()).merge(field, by, Long::sum);
        }

        void month(String unionId, YearMonth month, String field, long by) {
            months.computeIfAbsent(monthId(unionId, month), id -> new LinkedHashMap<>()).merge(field, by, Long::sum);
        }

        void monthSet(String unionId, YearMonth month, String field, Object value) {
            monthSets.computeIfAbsent(monthId(unionId, month), id -> new LinkedHashMap<>()).put(field, value);
        }

        /**
         * The union's dashboard also takes in the effects of events up to {@code position} (a branch's, carried
         * along with it): its {@code pos} becomes at least that, as if those events had reached it in order.
         */
        void dashboardReflects(String unionId, long position) {
            dashboards.computeIfAbsent(unionId, id -> new LinkedHashMap<>());
            reflected.merge(unionId, position, Math::max);
        }

        /** As {@link #dashboardReflects}, for a month document. */
        void monthReflects(String unionId, YearMonth month, long position) {
            String id = monthId(unionId, month);
            months.computeIfAbsent(id, key -> new LinkedHashMap<>());
            reflected.merge(id, position, Math::max);
        }

        /**
         * Applies the dashboard changes (one read and one bulk write) and keeps each dashboard as it now stands,
         * computed from the document read and the changes, as the only writer (one segment) may.
         */
        void applyDashboards(MongoDatabase db, long position) {
            apply(db.getCollection(DASHBOARDS), dashboards, Map.of(), reflected, position, dashboardsAfter);
        }

        /** A dashboard as it stood after {@link #applyDashboards}, or null if this event did not touch it. */
        Document dashboardAfter(String unionId) {
            return dashboardsAfter.get(unionId);
        }

        /** Applies the month changes: one bulk write, without reading them first (nothing needs them after). */
        void applyMonths(MongoDatabase db, long position) {
            Map<String, Map<String, Long>> all = new LinkedHashMap<>(months);
            monthSets.keySet().forEach(id -> all.putIfAbsent(id, Map.of()));
            apply(db.getCollection(MONTHS), all, monthSets, reflected, position, null);
        }

        /**
         * The guarded updates of many documents in one unordered bulk write, every update matching only while the
         * document does not reflect this event yet ({@code pos} lower, or no late mark), so that no writer can
         * apply it twice; an upsert that meets a document that does reflect it fails on the {@code _id} and is
         * ignored. With {@code after}, the documents are read first (one query), those already reflecting the
         * event are left out, and {@code after} receives each document as it stands afterwards.
         */
        private static void apply(MongoCollection<Document> collection, Map<String, Map<String, Long>> incs,
                                  Map<String, Map<String, Object>> sets, Map<String, Long> reflected, long position,
                                  Map<String, Document> after) {
            if (incs.isEmpty()) {
                return;
            }
            writing();
            boolean late = retrying();
            Map<String, Document> before = new HashMap<>();
            if (after != null) {
                collection.find(Filters.in("_id", incs.keySet())).forEach(document -> before.put(document.getString("_id"), document));
            }
            List<UpdateOneModel<Document>> writes = new ArrayList<>();
            List<String> written = new ArrayList<>();
            incs.forEach((id, changes) -> {
                Document current = before.get(id);
                boolean applied = current != null && (late
                        ? current.getList(LATE, Long.class, List.of()).contains(position)
                        : Counters.number(current, POS) >= position);
                if (applied) {
                    after.put(id, current);
                    return;
                }
                boolean unknown = after == null;
                Map<String, Object> setting = sets.getOrDefault(id, Map.of());
                Document inc = new Document();
                changes.forEach((field, by) -> {
                    if (by != 0) {
                        inc.append(field, by);
                    }
                });
                long reflects = Math.max(position, reflected.getOrDefault(id, position));
                Document set = new Document(POS, late ? Math.max(reflects, Counters.number(current, POS)) : reflects);
                setting.forEach(set::append);
                Document update = new Document(late ? "$max" : "$set", late ? new Document(POS, reflects) : set);
                if (late) {
                    update.append("$push", new Document(LATE, position));
                    if (!setting.isEmpty()) {
                        update.append("$set", new Document(setting));
                    }
                }
                if (!inc.isEmpty()) {
                    update.append("$inc", inc);
                }
                Bson notYet = late ? Filters.ne(LATE, position) : Filters.lt(POS, position);
                writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", id), notYet), update,
                        new UpdateOptions().upsert(late || unknown || current == null)));
                written.add(id);
                if (unknown) {
                    return;
                }
                Document afterwards = Counters.applied(current == null ? new Document("_id", id) : current, inc, set);
                if (late) {
                    List<Long> marks = new ArrayList<>(afterwards.getList(LATE, Long.class, List.of()));
                    marks.add(position);
                    afterwards.put(LATE, marks);
                }
                after.put(id, afterwards);
            });
            if (writes.isEmpty()) {
                return;
            }
            try {
                collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                if (e.getWriteConcernError() != null || e.getWriteErrors().stream().anyMatch(error -> !duplicate(error.getCode()))) {
                    throw e;
                }
                // Upserts met documents that already reflect this event: applied before. Every update is guarded,
                // so the others are written again one by one, whatever the server made of the rest of the batch.
                for (int i = 0; i < writes.size(); i++) {
                    UpdateOneModel<Document> write = writes.get(i);
                    try {
                        collection.updateOne(write.getFilter(), write.getUpdate(), write.getOptions());
                    } catch (MongoWriteException single) {
                        if (!duplicate(single.getError().getCode())) {
                            throw single;
                        }
                        if (after != null) {
                            after.put(written.get(i), collection.find(Filters.eq("_id", written.get(i))).first());
                        }
                    }
                }
            }
        }

        private static boolean duplicate(int code) {
            return ErrorCategory.fromErrorCode(code) == ErrorCategory.DUPLICATE_KEY;
        }
    }
}
