package org.unionledger.query.audit.asof;

import org.unionledger.shared.union.UnionKind;
import org.unionledger.shared.union.UnionLevel;
import org.unionledger.shared.union.UnionStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * A union and, below it, the active unions whose parent it was, all as their events said at the instant asked for.
 *
 * @param version the sequence number of the union's last event at that instant
 */
public record UnionTreeNode(String unionId, String name, String code, UnionLevel level, UnionKind kind,
                            UnionStatus status, String parentId, String mergedInto, LocalDate establishedOn,
                            long version, List<UnionTreeNode> children) {
}
