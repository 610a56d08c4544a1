package org.unionledger.shared.union;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A union took a new name. */
@Revision("1")
public record UnionRenamedEvent(UnionId unionId, String previousName, String name, LocalDate effectiveOn) {
}
