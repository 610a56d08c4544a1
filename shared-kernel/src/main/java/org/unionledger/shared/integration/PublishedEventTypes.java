package org.unionledger.shared.integration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every type the public feed publishes: the catalogue integrators read. Types are only ever added, never removed. */
public final class PublishedEventTypes {

    /** All published types, members first, then unions, then complaints. */
    public static final List<PublishedEventType> ALL = List.of(
            new PublishedEventType(MembershipCardIssuedV1.TYPE, MembershipCardIssuedV1.class, "members"),
            new PublishedEventType(DuesMonthExemptedV1.TYPE, DuesMonthExemptedV1.class, "members"),
            new PublishedEventType(DuesPaidV1.TYPE, DuesPaidV1.class, "members"),
            new PublishedEventType(MembershipEndedV1.TYPE, MembershipEndedV1.class, "members"),
            new PublishedEventType(MemberProfileUpdatedV1.TYPE, MemberProfileUpdatedV1.class, "members"),
            new PublishedEventType(MemberRegisteredV1.TYPE, MemberRegisteredV1.class, "members"),
            new PublishedEventType(MemberReinstatedV1.TYPE, MemberReinstatedV1.class, "members"),
            new PublishedEventType(MemberSuspendedV1.TYPE, MemberSuspendedV1.class, "members"),
            new PublishedEventType(MemberTransferredV1.TYPE, MemberTransferredV1.class, "members"),
            new PublishedEventType(UnionDissolvedV1.TYPE, UnionDissolvedV1.class, "unions"),
            new PublishedEventType(UnionEstablishedV1.TYPE, UnionEstablishedV1.class, "unions"),
            new PublishedEventType(UnionMergedV1.TYPE, UnionMergedV1.class, "unions"),
            new PublishedEventType(UnionMovedV1.TYPE, UnionMovedV1.class, "unions"),
            new PublishedEventType(UnionRenamedV1.TYPE, UnionRenamedV1.class, "unions"),
            new PublishedEventType(ComplaintAcknowledgedV1.TYPE, ComplaintAcknowledgedV1.class, "complaints"),
            new PublishedEventType(ComplaintClosedV1.TYPE, ComplaintClosedV1.class, "complaints"),
            new PublishedEventType(ComplaintEscalatedV1.TYPE, ComplaintEscalatedV1.class, "complaints"),
            new PublishedEventType(ComplaintFiledV1.TYPE, ComplaintFiledV1.class, "complaints"),
            new PublishedEventType(ComplaintReopenedV1.TYPE, ComplaintReopenedV1.class, "complaints"),
            new PublishedEventType(ComplaintResolvedV1.TYPE, ComplaintResolvedV1.class, "complaints"),
            new PublishedEventType(ComplaintWithdrawnV1.TYPE, ComplaintWithdrawnV1.class, "complaints"));

    private static final Map<String, PublishedEventType> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(PublishedEventType::type, Function.identity()));
    private static final Map<Class<?>, PublishedEventType> BY_PAYLOAD =
            ALL.stream().collect(Collectors.toUnmodifiableMap(PublishedEventType::payload, Function.identity()));

    private PublishedEventTypes() {
    }

    /** The published type with this CloudEvents {@code type}, if there is one. */
    public static Optional<PublishedEventType> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The published type of this integration event. */
    public static PublishedEventType of(IntegrationEvent event) {
        PublishedEventType published = BY_PAYLOAD.get(event.getClass());
        if (published == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not a published event type");
        }
        return published;
    }
}
