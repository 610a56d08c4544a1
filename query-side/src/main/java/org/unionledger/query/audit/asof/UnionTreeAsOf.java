package org.unionledger.query.audit.asof;

import org.axonframework.eventhandling.DomainEventMessage;
import org.unionledger.shared.union.UnionDissolvedEvent;
import org.unionledger.shared.union.UnionEstablishedEvent;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionKind;
import org.unionledger.shared.union.UnionLevel;
import org.unionledger.shared.union.UnionMergedEvent;
import org.unionledger.shared.union.UnionMovedEvent;
import org.unionledger.shared.union.UnionRenamedEvent;
import org.unionledger.shared.union.UnionStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The organisation tree as the union events said at an instant: each union folded, then linked by parent. */
final class UnionTreeAsOf {

    private UnionTreeAsOf() {
    }

    /** One union's state at the instant. */
    record State(String unionId, String name, String code, UnionLevel level, UnionKind kind, UnionStatus status,
                 String parentId, String mergedInto, LocalDate establishedOn, long version) {
    }

    /** The union after {@code events} (already cut at the instant); empty if it had not been established. */
    static Optional<State> replay(List<? extends DomainEventMessage<?>> events) {
        State union = null;
        for (DomainEventMessage<?> message : events) {
            union = apply(union, message.getPayload(), message.getSequenceNumber());
        }
        return Optional.ofNullable(union);
    }

    private static State apply(State union, Object event, long version) {
        if (event instanceof UnionEstablishedEvent e) {
            return new State(e.unionId().value(), e.name(), e.code(), e.level(), e.kind(), UnionStatus.ACTIVE,
                    id(e.parentId()), null, e.establishedOn(), version);
        }
        if (union == null) {
            return null;
        }
        if (event instanceof UnionRenamedEvent e) {
            return with(union, e.name(), union.status(), union.parentId(), union.mergedInto(), version);
        }
        if (event instanceof UnionMovedEvent e) {
            return with(union, union.name(), union.status(), id(e.parentId()), union.mergedInto(), version);
        }
        if (event instanceof UnionMergedEvent e) {
            return with(union, union.name(), UnionStatus.MERGED, union.parentId(), id(e.survivorId()), version);
        }
        if (event instanceof UnionDissolvedEvent) {
            return with(union, union.name(), UnionStatus.DISSOLVED, union.parentId(), union.mergedInto(), version);
        }
        return with(union, union.name(), union.status(), union.parentId(), union.mergedInto(), version);
    }

    private static State with(State union, String name, UnionStatus status, String parentId, String mergedInto,
                              long version) {
        return new State(union.unionId(), name, union.code(), union.level(), union.kind(), status, parentId,
                mergedInto, union.establishedOn(), version);
    }

    private static String id(UnionId id) {
        return id == null ? null : id.value();
    }

    /** The tree under {@code root}: its active children, by name, recursively. */
    static UnionTreeNode tree(State root, List<State> all) {
        Map<String, List<State>> children = all.stream()
                .filter(union -> union.status() == UnionStatus.ACTIVE && union.parentId() != null)
                .collect(Collectors.groupingBy(State::parentId));
        return node(root, children, new HashSet<>());
    }

    private static UnionTreeNode node(State union, Map<String, List<State>> children, Set<String> visited) {
        visited.add(union.unionId());
        List<UnionTreeNode> below = new ArrayList<>();
        children.getOrDefault(union.unionId(), List.of()).stream()
                .filter(child -> !visited.contains(child.unionId()))
                .sorted(Comparator.comparing(State::name).thenComparing(State::unionId))
                .forEach(child -> below.add(node(child, children, visited)));
        return new UnionTreeNode(union.unionId(), union.name(), union.code(), union.level(), union.kind(),
                union.status(), union.parentId(), union.mergedInto(), union.establishedOn(), union.version(), below);
    }
}
