package org.unionledger.shared.integration;

import java.time.LocalDate;

/** {@code union.dissolved.v1}: a union was dissolved and accepts nothing from now on. */
public record UnionDissolvedV1(String unionId,
                               LocalDate dissolvedOn) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "union.dissolved.v1";
}
