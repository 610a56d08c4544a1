package org.unionledger.shared.union;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A union was dissolved and accepts nothing from now on. */
@Revision("1")
public record UnionDissolvedEvent(UnionId unionId, UnionId parentId, LocalDate dissolvedOn, String reason) {
}
