package org.unionledger.query.union.directory;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionKind;
import org.unionledger.shared.union.UnionLevel;
import org.unionledger.shared.union.UnionStatus;
import org.unionledger.shared.union.UnionSummary;
import org.unionledger.shared.union.UnionView;

import java.time.LocalDate;
import java.util.List;

/** One union's current state, under the union's ID; {@code version} guards against applying an event twice. */
@Document(UnionDirectoryEntry.COLLECTION)
record UnionDirectoryEntry(@Id String id,
                           String name,
                           String code,
                           UnionLevel level,
                           UnionKind kind,
                           String parentId,
                           String address,
                           LocalDate establishedOn,
                           UnionStatus status,
                           String mergedInto,
                           long version) {

    static final String COLLECTION = "union_directory";

    UnionView toView(List<UnionDirectoryEntry> children) {
        return new UnionView(new UnionId(id), name, code, level, kind, parentId == null ? null : new UnionId(parentId),
                address, establishedOn, status, mergedInto == null ? null : new UnionId(mergedInto),
                children.stream().map(UnionDirectoryEntry::toSummary).toList(), version);
    }

    UnionSummary toSummary() {
        return new UnionSummary(new UnionId(id), name, code, level, status);
    }
}
