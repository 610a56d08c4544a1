package org.unionledger.shared.union;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A union was merged into a survivor of the same level and accepts nothing from now on; its members and children follow. */
@Revision("1")
public record UnionMergedEvent(UnionId unionId, UnionId survivorId, UnionId parentId, LocalDate effectiveOn) {
}
