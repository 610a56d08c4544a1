package org.unionledger.query.union.monitoring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.unionledger.shared.complaint.ComplaintAcknowledgedEvent;
import org.unionledger.shared.complaint.ComplaintClosedEvent;
import org.unionledger.shared.complaint.ComplaintEscalatedEvent;
import org.unionledger.shared.complaint.ComplaintFiledEvent;
import org.unionledger.shared.complaint.ComplaintFlaggedOverdueEvent;
import org.unionledger.shared.complaint.ComplaintMarkedComplexEvent;
import org.unionledger.shared.complaint.ComplaintReopenedEvent;
import org.unionledger.shared.complaint.ComplaintResolvedEvent;
import org.unionledger.shared.complaint.ComplaintStatus;
import org.unionledger.shared.complaint.ComplaintWithdrawnEvent;
import org.unionledger.shared.complaint.ComplaintWorkStartedEvent;
import org.unionledger.shared.member.DuesMonthExemptedEvent;
import org.unionledger.shared.member.DuesPaidEvent;
import org.unionledger.shared.member.MemberMovedOnMergerEvent;
import org.unionledger.shared.member.MemberProfileUpdatedEvent;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.MemberReinstatedEvent;
import org.unionledger.shared.member.MemberStatus;
import org.unionledger.shared.member.MemberSuspendedEvent;
import org.unionledger.shared.member.MembershipEndedEvent;
import org.unionledger.shared.member.TransferAcceptedEvent;
import org.unionledger.shared.member.TransferCancelledEvent;
import org.unionledger.shared.member.TransferRejectedEvent;
import org.unionledger.shared.member.TransferRequestedEvent;
import org.unionledger.shared.union.UnionDissolvedEvent;
import org.unionledger.shared.union.UnionEstablishedEvent;
import org.unionledger.shared.union.UnionMergedEvent;
import org.unionledger.shared.union.UnionMovedEvent;
import org.unionledger.shared.union.UnionRenamedEvent;
import org.unionledger.shared.union.UnionStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The monitoring views of every union: a dashboard per union rolled up over its whole subtree, monthly figures per
 * union, and the documents the lists are read from. See {@link Monitoring} for how every write stays idempotent
 * and {@link UnionChains} for which unions a figure counts in.
 * <p>
 * Dashboard fields (all over the subtree): {@code members.<STATUS>}; among current members (not ended)
 * {@code gender.<G>}, {@code birthYears.<YYYY>}, {@code foreign}; among open complaints filed in the subtree
 * {@code complaintsOpen.<CATEGORY>}, {@code complaintsOverdue.<CATEGORY>}, {@code complaintsEscalated.<CATEGORY>};
 * {@code resolutions.<date resolved>.<days taken>}; {@code unions.<LEVEL>} for active unions below.
 * Month fields (flows, by the month of their own date): {@code joins}, {@code endings}, {@code transfersIn},
 * {@code transfersOut}, {@code complaintsFiled}, {@code complaintsResolved}, {@code duesCollected},
 * {@code duesPayers}, {@code duesExempt}; and {@code members}, the current members after the last event recorded
 * in that month.
 */
@Component
@ProcessingGroup(Monitoring.PROCESSING_GROUP)
class MonitoringProjection {

    private final MongoTemplate mongo;
    private final ZoneId zone;
    private final DashboardUpdates updates;
    /**
     * Union documents, read on nearly every event and changed only by union events. Union handlers empty it when
     * they finish (also when they fail). Another node may have changed unions while this one did not hold the
     * segment, so after a pause the cache is checked against {@link Monitoring#META}'s record of the last union
     * change ({@link #checkUnionCache}).
     */
    private final Map<String, Document> unionCache = new ConcurrentHashMap<>();
    private static final Duration CACHE_TRUSTED = Duration.ofMillis(500);
    private Object checkedInBatch;
    private long lastBatchNanos = System.nanoTime() - Duration.ofDays(1).toNanos();
    private long unionsChangedAt = Long.MIN_VALUE;

    MonitoringProjection(MongoTemplate mongo, Clock clock, DashboardUpdates updates) {
        this.mongo = mongo;
        this.zone = clock.getZone();
        this.updates = updates;
    }

    private MongoDatabase db() {
        return mongo.getDb();
    }

    private MongoCollection<Document> collection(String name) {
        return db().getCollection(name);
    }

    // ---------------------------------------------------------------- unions

    @EventHandler
    void on(UnionEstablishedEvent event, TrackingToken token) {
        try {
            long position = position(token);
            String unionId = event.unionId().value();
            if (collection(Monitoring.UNIONS).find(Filters.eq("_id", unionId)).first() != null) {
                return;
            }
            UnionChains chains = chains();
            String parentId = event.parentId() == null ? null : event.parentId().value();
            List<String> ancestors = parentId == null ? List.of() : chains.current(parentId);
            List<Document> parents = parentId == null ? List.of()
                    : List.of(new Document("from", YearMonth.from(event.establishedOn()).toString()).append("parentId", parentId));
            // The branch joins its ancestors. It is empty, unless this is a dead letter retried after events below
            // the union were counted: then their totals and monthly flows join too, as a move's do.
            Monitoring.Deltas deltas = new Monitoring.Deltas();
            Document branchDashboard = collection(Monitoring.DASHBOARDS).find(Filters.eq("_id", unionId)).first();
            Map<String, Long> branch = Counters.flatten(branchDashboard);
            branch.merge("unions." + event.level(), 1L, Long::sum);
            branch.forEach((field, value) -> ancestors.forEach(ancestor -> deltas.dashboard(ancestor, field, value)));
            deltas.dashboard(unionId, "unions." + event.level(), 0); // creates the union's own dashboard
            if (branchDashboard != null) {
                ancestors.forEach(ancestor -> deltas.dashboardReflects(ancestor, Counters.number(branchDashboard, Monitoring.POS)));
            }
            List<Document> branchMonths = months(unionId);
            moveMonths(unionId, branchMonths, List.of(), parents, chains, deltas);
            carryMemberCounts(unionId, branchMonths, ancestors, parents, chains, deltas);
            deltas.applyDashboards(db(), position);
            deltas.applyMonths(db(), position);
            collection(Monitoring.UNIONS).replaceOne(Filters.eq("_id", unionId),
                    new Document("_id", unionId).append("name", event.name()).append("code", event.code())
                                                .append("level", event.level().name()).append("status", UnionStatus.ACTIVE.name())
                                                .append("parentId", parentId).append("ancestors", ancestors)
                                                .append("parents", parents).append(Monitoring.POS, position),
                    new ReplaceOptions().upsert(true));
            unionsChanged(position);
            updates.changed(ancestors);
        } finally {
            unionCache.clear();
        }
    }

    @EventHandler
    void on(UnionRenamedEvent event, TrackingToken token) {
        try {
            long position = position(token);
            Monitoring.writing();
            collection(Monitoring.UNIONS).updateOne(unionBefore(event.unionId().value(), position),
                    Updates.combine(Updates.set("name", event.name()), Updates.set(Monitoring.POS, position)));
            unionsChanged(position);
            updates.changed(List.of(event.unionId().value()));
        } finally {
            unionCache.clear();
        }
    }

    @EventHandler
    void on(UnionMergedEvent event, TrackingToken token) {
        closeUnion(event.unionId().value(), UnionStatus.MERGED, position(token));
    }

    @EventHandler
    void on(UnionDissolvedEvent event, TrackingToken token) {
        closeUnion(event.unionId().value(), UnionStatus.DISSOLVED, position(token));
    }

    private void closeUnion(String unionId, UnionStatus status, long position) {
        try {
            UnionChains chains = chains();
            Document union = chains.union(unionId);
            if (union == null || Counters.number(union, Monitoring.POS) >= position
                    || !UnionStatus.ACTIVE.name().equals(union.getString("status"))) {
                return;
            }
            List<String> above = union.getList("ancestors", String.class);
            Monitoring.Deltas deltas = new Monitoring.Deltas();
            above.forEach(ancestor -> deltas.dashboard(ancestor, "unions." + union.getString("level"), -1));
            deltas.applyDashboards(db(), position);
            collection(Monitoring.UNIONS).updateOne(unionBefore(unionId, position),
                    Updates.combine(Updates.set("status", status.name()), Updates.set(Monitoring.POS, position)));
            unionsChanged(position);
            List<String> changed = new ArrayList<>(above);
            changed.add(unionId);
            updates.changed(changed);
        } finally {
            unionCache.clear();
        }
    }

    /**
     * A branch moves. Its dashboard totals leave the old ancestors and join the new ones (the tree now). Its
     * effective-dated parents become: those in force before the effective month, then the new parent from that
     * month on; a later-dated entry recorded earlier is superseded, as the newest decision about the branch's
     * place wins. Every month of the branch whose ancestors thereby change has its flows taken from the old
     * ancestors of that month and given to the new ones.
     */
    @EventHandler
    void on(UnionMovedEvent event, TrackingToken token, @Timestamp Instant at) {
        try {
            long position = position(token);
            String unionId = event.unionId().value();
            String newParent = event.parentId().value();
            UnionChains chains = chains();
            Document union = chains.union(unionId);
            if (union == null) {
                return;
            }
            if (Counters.number(union, Monitoring.POS) >= position) {
                // Already moved (a redelivery after a crash part-way): only the branch's ancestor lists may be left.
                updateBranchAncestors(unionId, union.getList("ancestors", String.class));
                return;
            }
            Monitoring.Deltas deltas = new Monitoring.Deltas();
            List<String> oldAbove = union.getList("ancestors", String.class);
            List<String> newAbove = chains.current(newParent);
            Map<String, Long> branch = Counters.flatten(collection(Monitoring.DASHBOARDS).find(Filters.eq("_id", unionId)).first());
            if (UnionStatus.ACTIVE.name().equals(union.getString("status"))) {
                branch.merge("unions." + union.getString("level"), 1L, Long::sum);
            }
            branch.forEach((field, value) -> {
                oldAbove.forEach(ancestor -> deltas.dashboard(ancestor, field, -value));
                newAbove.forEach(ancestor -> deltas.dashboard(ancestor, field, value));
            });

            YearMonth effective = YearMonth.from(event.effectiveOn());
            List<Document> oldParents = union.getList("parents", Document.class, List.of());
            List<Document> newParents = UnionChains.withMove(oldParents, effective, newParent);
            moveMonths(unionId, months(unionId), oldParents, newParents, chains, deltas);
            Set<String> touched = new LinkedHashSet<>(oldAbove);
            touched.addAll(newAbove);
            finish(deltas, touched, position, at);

            collection(Monitoring.UNIONS).updateOne(unionBefore(unionId, position), Updates.combine(
                    Updates.set("parentId", newParent), Updates.set("ancestors", newAbove),
                    Updates.set("parents", newParents), Updates.set(Monitoring.POS, position)));
            updateBranchAncestors(unionId, newAbove);
            unionsChanged(position);
        } finally {
            unionCache.clear();
        }
    }

    /**
     * Every month of the branch whose ancestors differ between two parent histories has its flows taken from the
     * ancestors of that month under {@code oldParents} and given to those under {@code newParents}.
     */
    private void moveMonths(String unionId, List<Document> branchMonths, List<Document> oldParents,
                            List<Document> newParents, UnionChains chains, Monitoring.Deltas deltas) {
        for (Document month : branchMonths) {
            YearMonth m = monthOf(unionId, month);
            List<String> before = chains.above(oldParents, m);
            List<String> after = chains.above(newParents, m);
            if (before.equals(after)) {
                continue;
            }
            Map<String, Long> flows = Counters.flatten(month);
            flows.remove("members");
            flows.forEach((field, value) -> {
                before.forEach(ancestor -> deltas.month(ancestor, m, field, -value));
                after.forEach(ancestor -> deltas.month(ancestor, m, field, value));
            });
        }
    }

    /**
     * A branch counted before its union was known (a dead-lettered establishment retried late) also joins its
     * ancestors' month-end member counts: every month from the branch's first count on that either recorded gets
     * the ancestor's count plus the branch's, each carried forward from its last recorded month. That is what an
     * in-order replay records, where the last event of the month over the ancestor's subtree set its count. Their
     * month documents that the branch's events would have reached also take those events' position.
     */
    private void carryMemberCounts(String unionId, List<Document> branchMonths, List<String> ancestors,
                                   List<Document> parents, UnionChains chains, Monitoring.Deltas deltas) {
        for (Document month : branchMonths) {
            // Every event counted in the branch's month reached its ancestors' month too, in order.
            YearMonth m = monthOf(unionId, month);
            Set<String> above = new LinkedHashSet<>(ancestors);
            above.addAll(chains.above(parents, m));
            above.forEach(ancestor -> deltas.monthReflects(ancestor, m, Counters.number(month, Monitoring.POS)));
        }
        TreeMap<YearMonth, Long> branch = memberCounts(unionId, branchMonths);
        if (branch.isEmpty()) {
            return;
        }
        for (String ancestor : ancestors) {
            TreeMap<YearMonth, Long> own = memberCounts(ancestor, months(ancestor));
            TreeSet<YearMonth> months = new TreeSet<>(branch.keySet());
            months.addAll(own.tailMap(branch.firstKey(), true).keySet());
            for (YearMonth month : months) {
                Map.Entry<YearMonth, Long> ownCount = own.floorEntry(month);
                long count = (ownCount == null ? 0 : ownCount.getValue()) + branch.floorEntry(month).getValue();
                deltas.monthSet(ancestor, month, "members", count);
            }
        }
    }

    /** The month-end member counts recorded in a union's month documents, by month. */
    private static TreeMap<YearMonth, Long> memberCounts(String unionId, List<Document> months) {
        TreeMap<YearMonth, Long> counts = new TreeMap<>();
        for (Document month : months) {
            if (month.get("members") instanceof Number count) {
                counts.put(monthOf(unionId, month), count.longValue());
            }
        }
        return counts;
    }

    /** A union's month documents (a scan of {@code _id}s with its prefix). */
    private List<Document> months(String unionId) {
        return collection(Monitoring.MONTHS).find(Filters.and(Filters.gt("_id", unionId + "|"), Filters.lt("_id", unionId + "|~")))
                                            .into(new ArrayList<>());
    }

    private static YearMonth monthOf(String unionId, Document month) {
        return YearMonth.parse(month.getString("_id").substring(unionId.length() + 1));
    }

    private static Bson unionBefore(String unionId, long position) {
        return Filters.and(Filters.eq("_id", unionId), Filters.not(Filters.gte(Monitoring.POS, position)));
    }

    /** Every union below {@code unionId} gets the ancestors above it replaced by {@code above}; idempotent. */
    private void updateBranchAncestors(String unionId, List<String> above) {
        Monitoring.writing();
        for (Document below : collection(Monitoring.UNIONS).find(Filters.eq("ancestors", unionId))) {
            List<String> chain = below.getList("ancestors", String.class);
            List<String> updated = new ArrayList<>(chain.subList(0, chain.indexOf(unionId) + 1));
            updated.addAll(above);
            if (!updated.equals(chain)) {
                collection(Monitoring.UNIONS).updateOne(Filters.eq("_id", below.getString("_id")),
                        Updates.set("ancestors", updated));
            }
        }
    }

    /** Records that the union documents changed at {@code position}, for other nodes' caches. */
    private void unionsChanged(long position) {
        collection(Monitoring.META).updateOne(Filters.eq("_id", Monitoring.META_UNIONS), Updates.max(Monitoring.POS, position),
                new UpdateOptions().upsert(true));
        unionsChangedAt = Long.MIN_VALUE; // re-read at the next batch
    }

    // ---------------------------------------------------------------- members

    @EventHandler
    void on(MemberRegisteredEvent event, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant at) {
        // No check whether it was applied before: the counters' guard skips what was, and the member document is
        // only inserted, never overwritten.
        String memberId = event.memberId().value();
        long position = position(token);
        UnionChains chains = chains();
        String unionId = event.unionId().value();
        Document member = new Document("_id", memberId).append("unionId", unionId)
                .append("fullName", event.fullName()).append("sortName", Counters.sortKey(event.fullName()))
                .append("status", MemberStatus.ACTIVE.name()).append("gender", event.gender().name())
                .append("birthYear", event.personal().dateOfBirth().getYear())
                .append("foreign", !"VN".equals(event.nationality())).append("joinedOn", event.joinedOn().toString())
                .append("version", sequence);
        Monitoring.Deltas deltas = new Monitoring.Deltas();
        List<String> chain = chains.current(unionId);
        chain.forEach(union -> Counters.addMember(deltas, union, member, 1));
        chains.at(unionId, YearMonth.from(event.joinedOn())).forEach(union ->
                deltas.month(union, YearMonth.from(event.joinedOn()), "joins", 1));
        finish(deltas, new LinkedHashSet<>(chain), position, at);
        insertIfAbsent(Monitoring.MEMBERS, member);
    }

    @EventHandler
    void on(MemberSuspendedEvent event, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant at) {
        changeStatus(event.memberId().value(), MemberStatus.SUSPENDED, sequence, position(token), at, deltas -> { });
    }

    @EventHandler
    void on(MemberReinstatedEvent event, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant at) {
        changeStatus(event.memberId().value(), MemberStatus.ACTIVE, sequence, position(token), at, deltas -> { });
    }

    @EventHandler
    void on(TransferRequestedEvent event, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant at) {
        changeStatus(event.memberId().value(), MemberStatus.TRANSFER_PENDING, sequence, position(token), at, deltas -> { });
    }

    @EventHandler
    void on(TransferRejectedEvent event, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant at) {
        changeStatus(event.memberId().value(), MemberStatus.ACTIVE, sequence, position(token), at, deltas -> { });
    }

    @EventHandler
    void on(TransferCancelledEvent event, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant at) {
        changeStatus(event.memberId().value(), MemberStatus.ACTIVE, sequence, position(token), at, deltas -> { });
    }

    @EventHandler
    void on(MembershipEndedEvent event, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant at) {
        String memberId = event.memberId().value();
        YearMonth month = YearMonth.from(event.endedOn());
        changeStatus(memberId, MemberStatus.ENDED, sequence, position(token), at, deltas -> {
            UnionChains chains = chains();
            chains.at(event.unionId().value(), month).forEach(union -> deltas.month(union, month, "endings", 1));
        });
    }

    @EventHandler
    void on(TransferAcceptedEvent event, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant at) {
        YearMonth month = YearMonth.from(event.acceptedOn());
        moveMember(event.memberId().value(), event.toUnionId().value(), MemberStatus.ACTIVE, sequence, position(token), at,
                (deltas, chains) -> {
                    // Counted at every union above each end, shared ones included, so that figures stay sums
                    // over the branches below (and move with them): net change is transfersIn - transfersOut.
                    chains.at(event.fromUnionId().value(), month).forEach(union -> deltas.month(union, month, "transfersOut", 1));
                    chains.at(event.toUnionId().value(), month).forEach(union -> deltas.month(union, month, "transfersIn", 1));
                });
    }

    @EventHandler
    void on(MemberMovedOnMergerEvent event, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant at) {
        moveMember(event.memberId().value(), event.toUnionId().value(), null, sequence, position(token), at, (deltas, chains) -> { });
    }

    @EventHandler
    void on(MemberProfileUpdatedEvent event, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant at) {
        Document member = member(event.memberId().value(), sequence);
        if (member == null) {
            return;
        }
        int birthYear = event.personal().dateOfBirth().getYear();
        if (birthYear != member.getInteger("birthYear") && !MemberStatus.ENDED.name().equals(member.getString("status"))) {
            Monitoring.Deltas deltas = new Monitoring.Deltas();
            chains().current(member.getString("unionId")).forEach(union -> {
                deltas.dashboard(union, "birthYears." + member.getInteger("birthYear"), -1);
                deltas.dashboard(union, "birthYears." + birthYear, 1);
            });
            deltas.applyDashboards(db(), position(token));
            updates.changed(chains().current(member.getString("unionId")));
        }
        Monitoring.writing();
        collection(Monitoring.MEMBERS).updateOne(Filters.eq("_id", member.getString("_id")), Updates.combine(
                Updates.set("fullName", event.fullName()), Updates.set("sortName", Counters.sortKey(event.fullName())),
                Updates.set("birthYear", birthYear), Updates.set("version", sequence)));
    }

    @EventHandler
    void on(DuesPaidEvent event, TrackingToken token) {
        YearMonth month = event.month();
        Monitoring.Deltas deltas = new Monitoring.Deltas();
        chains().at(event.unionId().value(), month).forEach(union -> {
            deltas.month(union, month, "duesCollected", event.amount());
            deltas.month(union, month, "duesPayers", 1);
        });
        deltas.applyMonths(db(), position(token));
        updates.changed(chains().current(event.unionId().value()));
    }

    @EventHandler
    void on(DuesMonthExemptedEvent event, TrackingToken token) {
        YearMonth month = event.month();
        Monitoring.Deltas deltas = new Monitoring.Deltas();
        chains().at(event.unionId().value(), month).forEach(union -> deltas.month(union, month, "duesExempt", 1));
        deltas.applyMonths(db(), position(token));
        updates.changed(chains().current(event.unionId().value()));
    }

    private interface MoveFlows {
        void add(Monitoring.Deltas deltas, UnionChains chains);
    }

    private void changeStatus(String memberId, MemberStatus status, long sequence, long position, Instant at,
                              Consumer<Monitoring.Deltas> flows) {
        Document member = member(memberId, sequence);
        if (member == null) {
            return;
        }
        UnionChains chains = chains();
        List<String> chain = chains.current(member.getString("unionId"));
        Monitoring.Deltas deltas = new Monitoring.Deltas();
        chain.forEach(union -> Counters.addMember(deltas, union, member, -1));
        Document after = new Document(member).append("status", status.name());
        chain.forEach(union -> Counters.addMember(deltas, union, after, 1));
        flows.accept(deltas);
        finish(deltas, new LinkedHashSet<>(chain), position, at);
        collection(Monitoring.MEMBERS).updateOne(Filters.eq("_id", memberId),
                Updates.combine(Updates.set("status", status.name()), Updates.set("version", sequence)));
    }

    private void moveMember(String memberId, String toUnion, MemberStatus status, long sequence, long position,
                            Instant at, MoveFlows flows) {
        Document member = member(memberId, sequence);
        if (member == null) {
            return;
        }
        UnionChains chains = chains();
        List<String> from = chains.current(member.getString("unionId"));
        List<String> to = chains.current(toUnion);
        Document after = new Document(member).append("unionId", toUnion);
        if (status != null) {
            after.append("status", status.name());
        }
        Monitoring.Deltas deltas = new Monitoring.Deltas();
        from.forEach(union -> Counters.addMember(deltas, union, member, -1));
        to.forEach(union -> Counters.addMember(deltas, union, after, 1));
        flows.add(deltas, chains);
        Set<String> touched = new LinkedHashSet<>(from);
        touched.addAll(to);
        finish(deltas, touched, position, at);
        collection(Monitoring.MEMBERS).updateOne(Filters.eq("_id", memberId), Updates.combine(
                Updates.set("unionId", toUnion), Updates.set("status", after.getString("status")),
                Updates.set("version", sequence)));
    }

    /** The member's document if this event is newer than what it reflects, else null (already applied). */
    private Document member(String memberId, long sequence) {
        Document member = collection(Monitoring.MEMBERS).find(Filters.eq("_id", memberId)).first();
        return member == null || member.getLong("version") >= sequence ? null : member;
    }

    // ---------------------------------------------------------------- complaints

    @EventHandler
    void on(ComplaintFiledEvent event, TrackingToken token, @Timestamp Instant at) {
        String complaintId = event.complaintId().value(); // no check either: see the registration
        long position = position(token);
        String unionId = event.unionId().value();
        Document complaint = new Document("_id", complaintId).append("unionId", unionId).append("handlerId", unionId)
                .append("category", event.category().name()).append("status", ComplaintStatus.FILED.name())
                .append("open", true).append("overdue", false).append("escalated", false)
                .append("filedAt", event.filedAt().toString()).append("dueBy", event.acknowledgeBy().toString())
                .append("pos", position);
        UnionChains chains = chains();
        Monitoring.Deltas deltas = new Monitoring.Deltas();
        List<String> chain = chains.current(unionId);
        Counters.addComplaint(deltas, chain, complaint, 1);
        YearMonth month = YearMonth.from(event.filedAt().atZone(zone));
        chains.at(unionId, month).forEach(union -> deltas.month(union, month, "complaintsFiled", 1));
        finish(deltas, new LinkedHashSet<>(chain), position, at);
        insertIfAbsent(Monitoring.COMPLAINTS, complaint);
    }

    @EventHandler
    void on(ComplaintAcknowledgedEvent event, TrackingToken token, @Timestamp Instant at) {
        changeComplaint(event.complaintId().value(), position(token), at, c -> c.append("status", ComplaintStatus.ACKNOWLEDGED.name())
                .append("overdue", false).append("dueBy", event.resolveBy().toString()));
    }

    @EventHandler
    void on(ComplaintWorkStartedEvent event, TrackingToken token, @Timestamp Instant at) {
        changeComplaint(event.complaintId().value(), position(token), at, c -> c.append("status", ComplaintStatus.IN_PROGRESS.name()));
    }

    @EventHandler
    void on(ComplaintMarkedComplexEvent event, TrackingToken token, @Timestamp Instant at) {
        changeComplaint(event.complaintId().value(), position(token), at, c -> {
            if (event.resolveBy() != null) {
                c.append("overdue", false).append("dueBy", event.resolveBy().toString());
            }
        });
    }

    @EventHandler
    void on(ComplaintFlaggedOverdueEvent event, TrackingToken token, @Timestamp Instant at) {
        changeComplaint(event.complaintId().value(), position(token), at, c -> c.append("overdue", true));
    }

    @EventHandler
    void on(ComplaintEscalatedEvent event, TrackingToken token, @Timestamp Instant at) {
        changeComplaint(event.complaintId().value(), position(token), at, c -> c.append("status", ComplaintStatus.ESCALATED.name())
                .append("escalated", true).append("overdue", false).append("handlerId", event.toUnionId().value())
                .append("dueBy", event.resolveBy() == null ? null : event.resolveBy().toString()));
    }

    @EventHandler
    void on(ComplaintResolvedEvent event, TrackingToken token, @Timestamp Instant at) {
        long position = position(token);
        Document complaint = complaint(event.complaintId().value(), position);
        if (complaint == null) {
            return;
        }
        UnionChains chains = chains();
        Instant filedAt = Instant.parse(complaint.getString("filedAt"));
        long days = Duration.between(filedAt, event.resolvedAt()).toDays();
        LocalDate resolvedOn = event.resolvedAt().atZone(zone).toLocalDate();
        YearMonth month = YearMonth.from(resolvedOn);
        changeComplaint(complaint, position, at, c -> c.append("status", ComplaintStatus.RESOLVED.name()).append("open", false)
                .append("overdue", false).append("dueBy", null), (deltas, chain) -> {
            chain.forEach(union -> deltas.dashboard(union, "resolutions." + resolvedOn + "." + days, 1));
            chains.at(complaint.getString("unionId"), month).forEach(union -> deltas.month(union, month, "complaintsResolved", 1));
        });
    }

    @EventHandler
    void on(ComplaintReopenedEvent event, TrackingToken token, @Timestamp Instant at) {
        changeComplaint(event.complaintId().value(), position(token), at, c -> c.append("status", ComplaintStatus.REOPENED.name())
                .append("open", true).append("overdue", false).append("escalated", false)
                .append("handlerId", event.unionId().value())
                .append("dueBy", event.resolveBy() == null ? null : event.resolveBy().toString()));
    }

    @EventHandler
    void on(ComplaintWithdrawnEvent event, TrackingToken token, @Timestamp Instant at) {
        changeComplaint(event.complaintId().value(), position(token), at, c -> c.append("status", ComplaintStatus.WITHDRAWN.name())
                .append("open", false).append("overdue", false).append("dueBy", null));
    }

    @EventHandler
    void on(ComplaintClosedEvent event, TrackingToken token, @Timestamp Instant at) {
        changeComplaint(event.complaintId().value(), position(token), at, c -> c.append("status", ComplaintStatus.CLOSED.name())
                .append("open", false).append("overdue", false).append("dueBy", null));
    }

    private interface ComplaintFlows {
        void add(Monitoring.Deltas deltas, List<String> chain);
    }

    private void changeComplaint(String complaintId, long position, Instant at, Consumer<Document> change) {
        Document complaint = complaint(complaintId, position);
        if (complaint != null) {
            changeComplaint(complaint, position, at, change, (deltas, chain) -> { });
        }
    }

    private void changeComplaint(Document complaint, long position, Instant at, Consumer<Document> change, ComplaintFlows flows) {
        Document after = new Document(complaint);
        change.accept(after);
        after.put("pos", position);
        List<String> chain = chains().current(complaint.getString("unionId"));
        Monitoring.Deltas deltas = new Monitoring.Deltas();
        Counters.addComplaint(deltas, chain, complaint, -1);
        Counters.addComplaint(deltas, chain, after, 1);
        flows.add(deltas, chain);
        finish(deltas, new LinkedHashSet<>(chain), position, at);
        collection(Monitoring.COMPLAINTS).replaceOne(Filters.eq("_id", complaint.getString("_id")), after);
    }

    /** The complaint's document if this event is newer than what it reflects, else null (already applied). */
    private Document complaint(String complaintId, long position) {
        Document complaint = collection(Monitoring.COMPLAINTS).find(Filters.eq("_id", complaintId)).first();
        return complaint == null || complaint.getLong("pos") >= position ? null : complaint;
    }

    // ---------------------------------------------------------------- common

    /** Inserts {@code document} unless one with its {@code _id} exists (then leaves that one as it is). */
    private void insertIfAbsent(String collection, Document document) {
        Document fields = new Document(document);
        Object id = fields.remove("_id");
        collection(collection).updateOne(Filters.eq("_id", id), new Document("$setOnInsert", fields),
                new UpdateOptions().upsert(true));
    }

    /** Applies the dashboards, then the month documents with each touched union's member count this month. */
    private void finish(Monitoring.Deltas deltas, Set<String> touched, long position, Instant at) {
        deltas.applyDashboards(db(), position);
        setMemberStock(deltas, touched, position, YearMonth.from(at.atZone(zone)));
        UnionChains chains = chains();
        updates.changed(touched, chains::union, deltas::dashboardAfter);
    }

    private void setMemberStock(Monitoring.Deltas deltas, Set<String> touched, long position, YearMonth month) {
        for (String union : touched) {
            Document dashboard = deltas.dashboardAfter(union);
            if (dashboard == null) {
                dashboard = collection(Monitoring.DASHBOARDS).find(Filters.eq("_id", union)).first();
            }
            deltas.monthSet(union, month, "members", Counters.currentMembers(dashboard));
        }
        deltas.applyMonths(db(), position);
    }

    private UnionChains chains() {
        checkUnionCache();
        return new UnionChains(unionId -> {
            Document cached = unionCache.get(unionId);
            if (cached == null) {
                cached = collection(Monitoring.UNIONS).find(Filters.eq("_id", unionId)).first();
                if (cached != null) {
                    unionCache.put(unionId, cached);
                }
            }
            return cached;
        });
    }

    /**
     * Once per batch that follows a pause: empties the union cache if the union documents changed since it was
     * filled. Another node can only have processed events while this one paused for longer than
     * {@link #CACHE_TRUSTED}: a claim changes hands after an error back-off or a claim interval, both longer.
     */
    private void checkUnionCache() {
        Object batch = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null;
        if (batch != null && batch == checkedInBatch) {
            return;
        }
        checkedInBatch = batch;
        long now = System.nanoTime();
        boolean paused = now - lastBatchNanos > CACHE_TRUSTED.toNanos();
        lastBatchNanos = now;
        if (!paused && batch != null) {
            return;
        }
        long changedAt = Counters.number(collection(Monitoring.META).find(Filters.eq("_id", Monitoring.META_UNIONS)).first(),
                Monitoring.POS);
        if (changedAt != unionsChangedAt) {
            unionCache.clear();
            unionsChangedAt = changedAt;
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    @ResetHandler
    void reset() {
        unionCache.clear();
        unionsChangedAt = Long.MIN_VALUE;
        for (String name : List.of(Monitoring.UNIONS, Monitoring.MEMBERS, Monitoring.COMPLAINTS, Monitoring.DASHBOARDS,
                Monitoring.MONTHS, Monitoring.META)) {
            collection(name).deleteMany(new Document());
        }
    }
}
