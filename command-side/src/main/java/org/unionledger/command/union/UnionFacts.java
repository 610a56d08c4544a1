package org.unionledger.command.union;

import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionLevel;
import org.unionledger.shared.union.UnionStatus;

/** What the command side needs to know about a union to check rules that span aggregates. */
public record UnionFacts(UnionId unionId, String code, UnionLevel level, UnionStatus status, UnionId parentId,
                         long currentMembers, long activeChildren) {

    public boolean isActive() {
        return status == UnionStatus.ACTIVE;
    }
}
