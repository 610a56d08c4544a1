package org.unionledger.command.union;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.unionledger.command.common.EventHistory;
import org.unionledger.command.common.RuleViolationException;
import org.unionledger.command.common.UniqueKeys;
import org.unionledger.shared.union.DissolveUnionCommand;
import org.unionledger.shared.union.EstablishUnionCommand;
import org.unionledger.shared.union.MergeUnionCommand;
import org.unionledger.shared.union.MoveUnionCommand;
import org.unionledger.shared.union.RenameUnionCommand;
import org.unionledger.shared.union.UnionDissolvedEvent;
import org.unionledger.shared.union.UnionEstablishedEvent;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionLevel;
import org.unionledger.shared.union.UnionMergedEvent;
import org.unionledger.shared.union.UnionMovedEvent;
import org.unionledger.shared.union.UnionRenamedEvent;
import org.unionledger.shared.union.UnionStatus;

import java.util.Locale;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A union organisation at any level, from its establishment through renames and moves in the tree to its merger
 * into another union or its dissolution. Rules about the tree as a whole (the parent's level and status, unique
 * codes, the one federation) are checked against the {@link UnionDirectory} and {@link UniqueKeys}.
 */
@Aggregate
public class Union {

    @AggregateIdentifier
    private UnionId unionId;
    private String name;
    private UnionLevel level;
    private UnionId parentId;
    private UnionStatus status;

    protected Union() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Union(EstablishUnionCommand command, UnionDirectory directory, UniqueKeys keys, EventHistory history) {
        UnionTreePolicy.checkPlacement(command.unionId(), command.level(), command.parentId(), "parentId", directory);
        if (command.level() == UnionLevel.FEDERATION) {
            keys.claim(UnionTreePolicy.FEDERATION_ROOT_KEY, command.unionId().value(), claim -> history.exists(claim.owner())).ifPresent(existing -> {
                throw RuleViolationException.conflict("FEDERATION_EXISTS", "level",
                        "The federation already exists: " + existing.owner());
            });
        }
        String code = command.code().strip().toUpperCase(Locale.ROOT);
        keys.claim(UnionTreePolicy.codeKey(code), command.unionId().value(), claim -> history.exists(claim.owner())).ifPresent(owner -> {
            throw RuleViolationException.conflict("UNION_CODE_TAKEN", "code", "Union code " + code + " is already used");
        });
        directory.recordEstablished(command.unionId(), code, command.level(), command.parentId());
        apply(new UnionEstablishedEvent(command.unionId(), command.name().strip(), code, command.level(),
                command.kind(), command.parentId(), command.address(), command.establishedOn()));
    }

    @CommandHandler
    long handle(RenameUnionCommand command) {
        requireActive();
        String newName = command.name().strip();
        if (newName.equals(name)) {
            throw RuleViolationException.conflict("NAME_UNCHANGED", "name", "The union is already called " + name);
        }
        apply(new UnionRenamedEvent(unionId, name, newName, command.effectiveOn()));
        return AggregateLifecycle.getVersion();
    }

    /**
     * Moves the union under another parent. Moving it where it already is changes nothing, so a retried or
     * repeated move (as a merger may send) is harmless.
     */
    @CommandHandler
    long handle(MoveUnionCommand command, UnionDirectory directory) {
        requireActive();
        if (command.parentId().equals(parentId)) {
            return AggregateLifecycle.getVersion();
        }
        if (level == UnionLevel.FEDERATION) {
            throw RuleViolationException.conflict("FEDERATION_CANNOT_MOVE", "parentId", "The federation is the root");
        }
        UnionTreePolicy.checkPlacement(unionId, level, command.parentId(), "parentId", directory);
        if (directory.isInBranch(command.parentId(), unionId)) {
            throw RuleViolationException.conflict("MOVE_CREATES_CYCLE", "parentId",
                    "Union " + command.parentId() + " lies in the branch of " + unionId);
        }
        UnionId mergerOf = directory.find(parentId).filter(p -> p.status() == UnionStatus.MERGED)
                                    .map(UnionFacts::unionId).orElse(null);
        directory.recordMoved(unionId, parentId, command.parentId());
        apply(new UnionMovedEvent(unionId, parentId, command.parentId(), command.effectiveOn(), mergerOf));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(MergeUnionCommand command, UnionDirectory directory) {
        requireActive();
        if (command.survivorId().equals(unionId)) {
            throw RuleViolationException.invalid("MERGE_INTO_ITSELF", "survivorId", "A union cannot merge into itself");
        }
        if (level == UnionLevel.FEDERATION) {
            throw RuleViolationException.conflict("FEDERATION_CANNOT_MERGE", "survivorId", "The federation cannot merge");
        }
        UnionFacts survivor = directory.require(command.survivorId(), "survivorId");
        if (!survivor.isActive()) {
            throw RuleViolationException.conflict("SURVIVOR_NOT_ACTIVE", "survivorId",
                    "Union " + command.survivorId() + " is " + survivor.status());
        }
        if (survivor.level() != level) {
            throw RuleViolationException.conflict("LEVEL_MISMATCH", "survivorId",
                    "A " + level + " union can only merge into another " + level + " union, not a " + survivor.level());
        }
        directory.recordMerged(unionId, parentId);
        apply(new UnionMergedEvent(unionId, command.survivorId(), parentId, command.effectiveOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(DissolveUnionCommand command, UnionDirectory directory) {
        requireActive();
        UnionFacts facts = directory.require(unionId, "unionId");
        if (facts.currentMembers() > 0) {
            throw RuleViolationException.conflict("UNION_HAS_MEMBERS", null,
                    "Union " + unionId + " still has " + facts.currentMembers() + " members");
        }
        if (facts.activeChildren() > 0) {
            throw RuleViolationException.conflict("UNION_HAS_CHILDREN", null,
                    "Union " + unionId + " still has " + facts.activeChildren() + " active child unions");
        }
        directory.recordDissolved(unionId, parentId);
        apply(new UnionDissolvedEvent(unionId, parentId, command.dissolvedOn(), command.reason()));
        return AggregateLifecycle.getVersion();
    }

    private void requireActive() {
        if (status != UnionStatus.ACTIVE) {
            throw RuleViolationException.conflict("UNION_NOT_ACTIVE", null,
                    "Union " + unionId + " is " + status + " and accepts nothing");
        }
    }

    @EventSourcingHandler
    void on(UnionEstablishedEvent event) {
        unionId = event.unionId();
        name = event.name();
        level = event.level();
        parentId = event.parentId();
        status = UnionStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(UnionRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(UnionMovedEvent event) {
        parentId = event.parentId();
    }

    @EventSourcingHandler
    void on(UnionMergedEvent event) {
        status = UnionStatus.MERGED;
    }

    @EventSourcingHandler
    void on(UnionDissolvedEvent event) {
        status = UnionStatus.DISSOLVED;
    }
}
