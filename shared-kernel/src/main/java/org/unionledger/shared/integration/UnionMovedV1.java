package org.unionledger.shared.integration;

import java.time.LocalDate;

/** {@code union.moved.v1}: a union and its branch moved under another parent from {@code effectiveOn}. */
public record UnionMovedV1(String unionId,
                           String previousParentId,
                           String parentId,
                           LocalDate effectiveOn) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "union.moved.v1";
}
