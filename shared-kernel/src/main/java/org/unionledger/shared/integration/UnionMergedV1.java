package org.unionledger.shared.integration;

import java.time.LocalDate;

/** {@code union.merged.v1}: a union was merged into {@code survivorId}, which takes over its members and child unions. */
public record UnionMergedV1(String unionId,
                            String survivorId,
                            LocalDate effectiveOn) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "union.merged.v1";
}
