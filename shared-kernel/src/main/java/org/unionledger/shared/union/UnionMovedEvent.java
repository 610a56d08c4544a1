package org.unionledger.shared.union;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A union and its branch moved under another parent; {@code mergerOf} names the merged union whose child it was, when the move is part of a merger. */
@Revision("1")
public record UnionMovedEvent(UnionId unionId, UnionId previousParentId, UnionId parentId, LocalDate effectiveOn, UnionId mergerOf) {
}
