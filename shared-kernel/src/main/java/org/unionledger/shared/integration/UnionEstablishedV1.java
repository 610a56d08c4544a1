package org.unionledger.shared.integration;

import java.time.LocalDate;

/** {@code union.established.v1}: a union organisation was established; {@code parentId} is absent only for the federation. */
public record UnionEstablishedV1(String unionId,
                                 String name,
                                 String code,
                                 String level,
                                 String kind,
                                 @MayBeAbsent String parentId,
                                 LocalDate establishedOn) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "union.established.v1";
}
