package org.unionledger.command.union;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.unionledger.command.common.Compensation;
import org.unionledger.command.common.RuleViolationException;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionLevel;
import org.unionledger.shared.union.UnionStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command side's lookup table of the union tree: each union's level, status and parent, how many current
 * members and active child unions it has, and which union each current member belongs to. Aggregates consult it
 * for rules that span several of them and change it in the same unit of work as their events.
 * <p>
 * Every change that could race with another is one conditional update of one document, which MongoDB applies
 * atomically: a member admitted to a union and that union's dissolution cannot both succeed, because admission
 * requires the union to be active and dissolution requires it to have no members. Increments happen before the
 * events are committed and are undone on rollback; decrements wait for the commit. A crash between the two can
 * therefore only over-count, which refuses a dissolution rather than allowing a wrong one.
 */
@Component
public class UnionDirectory {

    static final String UNIONS = "cmd_unions";
    static final String PLACEMENTS = "cmd_member_placements";

    private final MongoTemplate mongo;

    public UnionDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<UnionFacts> find(UnionId unionId) {
        return unionId == null
                ? Optional.empty()
                : Optional.ofNullable(unions().find(byId(unionId)).first()).map(UnionDirectory::facts);
    }

    /** The union, or a 404-kind refusal naming {@code field}. */
    public UnionFacts require(UnionId unionId, String field) {
        return find(unionId).orElseThrow(() -> RuleViolationException.notFound("UNION_NOT_FOUND", field,
                "No union with id " + unionId));
    }

    /** Whether {@code candidate} is {@code root} or lies in the branch below it. */
    public boolean isInBranch(UnionId candidate, UnionId root) {
        UnionId current = candidate;
        for (int depth = 0; current != null && depth <= UnionLevel.values().length; depth++) {
            if (current.equals(root)) {
                return true;
            }
            current = find(current).map(UnionFacts::parentId).orElse(null);
        }
        return false;
    }

    public void recordEstablished(UnionId unionId, String code, UnionLevel level, UnionId parentId) {
        if (parentId != null) {
            incrementIfActive(parentId, "activeChildren", "PARENT_NOT_ACTIVE", "parentId");
        }
        // Upsert, not insert: a retry of an establishment whose events never committed finds its own document.
        unions().updateOne(byId(unionId), Updates.combine(
                Updates.set("code", code),
                Updates.set("level", level.name()),
                Updates.set("status", UnionStatus.ACTIVE.name()),
                Updates.set("parentId", parentId == null ? null : parentId.value()),
                Updates.setOnInsert("currentMembers", 0L),
                Updates.setOnInsert("activeChildren", 0L)), new UpdateOptions().upsert(true));
        Compensation.onRollback(() -> unions().deleteOne(byId(unionId)));
    }

    void recordMoved(UnionId unionId, UnionId previousParentId, UnionId parentId) {
        incrementIfActive(parentId, "activeChildren", "PARENT_NOT_ACTIVE", "parentId");
        unions().updateOne(byId(unionId), Updates.set("parentId", parentId.value()));
        Compensation.onRollback(() -> unions().updateOne(byId(unionId), Updates.set("parentId", previousParentId.value())));
        Compensation.afterCommit(() -> increment(previousParentId, "activeChildren", -1));
    }

    void recordMerged(UnionId unionId, UnionId parentId) {
        setStatusIfActive(unionId, UnionStatus.MERGED, Filters.empty(), "UNION_NOT_ACTIVE");
        Compensation.afterCommit(() -> increment(parentId, "activeChildren", -1));
    }

    /** Dissolves the union if, at this very moment, it has no current members and no active children. */
    public void recordDissolved(UnionId unionId, UnionId parentId) {
        setStatusIfActive(unionId, UnionStatus.DISSOLVED,
                Filters.and(Filters.eq("currentMembers", 0L), Filters.eq("activeChildren", 0L)), "UNION_NOT_EMPTY");
        if (parentId != null) {
            Compensation.afterCommit(() -> increment(parentId, "activeChildren", -1));
        }
    }

    /** Places a new member in a union that must be an active grassroots union at this very moment. */
    public void admitMember(MemberId memberId, UnionId unionId, String field) {
        incrementMembersIfAccepting(unionId, field);
        placements().updateOne(Filters.eq("_id", memberId.value()),
                Updates.combine(Updates.set("unionId", unionId.value()), Updates.set("ended", false)),
                new UpdateOptions().upsert(true));
        Compensation.onRollback(() -> placements().deleteOne(Filters.eq("_id", memberId.value())));
    }

    /** Moves a current member between unions; the receiving one must accept members at this very moment. */
    public void moveMember(MemberId memberId, UnionId fromUnionId, UnionId toUnionId, String field) {
        incrementMembersIfAccepting(toUnionId, field);
        placements().updateOne(Filters.eq("_id", memberId.value()),
                Updates.combine(Updates.set("unionId", toUnionId.value()), Updates.set("ended", false)),
                new UpdateOptions().upsert(true));
        Compensation.onRollback(() -> placements().updateOne(Filters.eq("_id", memberId.value()),
                Updates.set("unionId", fromUnionId.value())));
        Compensation.afterCommit(() -> increment(fromUnionId, "currentMembers", -1));
    }

    /** The membership ended: the member no longer counts for their union. */
    public void releaseMember(MemberId memberId, UnionId unionId) {
        Compensation.afterCommit(() -> {
            placements().updateOne(Filters.eq("_id", memberId.value()), Updates.set("ended", true));
            increment(unionId, "currentMembers", -1);
        });
    }

    /** Whether the member was ever registered (placements are kept after a membership ends). */
    public boolean isKnownMember(MemberId memberId) {
        return placements().find(Filters.eq("_id", memberId.value())).first() != null;
    }

    /**
     * The closest union above {@code unionId} that still operates: its parent, or, if the parent was dissolved or
     * merged meanwhile, the first active union further up. Null at the top of the tree.
     */
    public UnionId nearestActiveAncestor(UnionId unionId) {
        UnionId current = find(unionId).map(UnionFacts::parentId).orElse(null);
        for (int depth = 0; current != null && depth <= UnionLevel.values().length; depth++) {
            Optional<UnionFacts> facts = find(current);
            if (facts.isEmpty() || facts.get().isActive()) {
                return current;
            }
            current = facts.get().parentId();
        }
        return current;
    }

    /** The union a member currently belongs to; empty for an unknown member or one whose membership ended. */
    public Optional<UnionId> currentUnionOf(MemberId memberId) {
        return Optional.ofNullable(placements().find(Filters.eq("_id", memberId.value())).first())
                       .filter(doc -> !doc.getBoolean("ended", false))
                       .map(doc -> new UnionId(doc.getString("unionId")));
    }

    /** Current members of a union, for carrying them over on a merger. */
    public List<MemberId> currentMembers(UnionId unionId) {
        List<MemberId> members = new ArrayList<>();
        placements().find(Filters.and(Filters.eq("unionId", unionId.value()), Filters.eq("ended", false)))
                    .forEach(doc -> members.add(new MemberId(doc.getString("_id"))));
        return members;
    }

    /** Active child unions of a union, for carrying them over on a merger. */
    public List<UnionId> activeChildren(UnionId unionId) {
        List<UnionId> children = new ArrayList<>();
        unions().find(Filters.and(Filters.eq("parentId", unionId.value()),
                        Filters.eq("status", UnionStatus.ACTIVE.name())))
                .forEach(doc -> children.add(new UnionId(doc.getString("_id"))));
        return children;
    }

    private void incrementMembersIfAccepting(UnionId unionId, String field) {
        UnionFacts facts = require(unionId, field);
        if (facts.level() != UnionLevel.GRASSROOTS) {
            throw RuleViolationException.conflict("UNION_NOT_GRASSROOTS", field,
                    "Members belong to grassroots unions; " + unionId + " is " + facts.level());
        }
        long updated = unions().updateOne(Filters.and(byId(unionId), Filters.eq("status", UnionStatus.ACTIVE.name())),
                Updates.inc("currentMembers", 1L)).getModifiedCount();
        if (updated == 0) {
            throw RuleViolationException.conflict("UNION_NOT_ACTIVE", field, "Union " + unionId + " is no longer active");
        }
        Compensation.onRollback(() -> increment(unionId, "currentMembers", -1));
    }

    private void incrementIfActive(UnionId unionId, String counter, String code, String field) {
        long updated = unions().updateOne(Filters.and(byId(unionId), Filters.eq("status", UnionStatus.ACTIVE.name())),
                Updates.inc(counter, 1L)).getModifiedCount();
        if (updated == 0) {
            throw RuleViolationException.conflict(code, field, "Union " + unionId + " is not active");
        }
        Compensation.onRollback(() -> increment(unionId, counter, -1));
    }

    private void setStatusIfActive(UnionId unionId, UnionStatus status, Bson condition, String code) {
        long updated = unions().updateOne(Filters.and(byId(unionId), Filters.eq("status", UnionStatus.ACTIVE.name()),
                condition), Updates.set("status", status.name())).getModifiedCount();
        if (updated == 0) {
            throw RuleViolationException.conflict(code, null, "Union " + unionId + " cannot become " + status);
        }
        Compensation.onRollback(() -> unions().updateOne(byId(unionId), Updates.set("status", UnionStatus.ACTIVE.name())));
    }

    private void increment(UnionId unionId, String counter, long delta) {
        unions().updateOne(byId(unionId), Updates.inc(counter, delta));
    }

    private static Bson byId(UnionId unionId) {
        return Filters.eq("_id", unionId.value());
    }

    private static UnionFacts facts(Document doc) {
        String parent = doc.getString("parentId");
        return new UnionFacts(new UnionId(doc.getString("_id")), doc.getString("code"),
                UnionLevel.valueOf(doc.getString("level")), UnionStatus.valueOf(doc.getString("status")),
                parent == null ? null : new UnionId(parent),
                ((Number) doc.get("currentMembers")).longValue(), ((Number) doc.get("activeChildren")).longValue());
    }

    private MongoCollection<Document> unions() {
        return mongo.getCollection(UNIONS);
    }

    private MongoCollection<Document> placements() {
        return mongo.getCollection(PLACEMENTS);
    }
}
