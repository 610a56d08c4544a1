package org.unionledger.shared.union;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A union organisation was established; {@code parentId} is null only for the federation. */
@Revision("1")
public record UnionEstablishedEvent(UnionId unionId, String name, String code, UnionLevel level, UnionKind kind, UnionId parentId, String address, LocalDate establishedOn) {
}
