package org.unionledger.shared.integration;

import java.time.LocalDate;

/** {@code union.renamed.v1}: a union took a new name from {@code effectiveOn}. */
public record UnionRenamedV1(String unionId,
                             String previousName,
                             String name,
                             LocalDate effectiveOn) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "union.renamed.v1";
}
