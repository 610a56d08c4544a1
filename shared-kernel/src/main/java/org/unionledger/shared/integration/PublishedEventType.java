package org.unionledger.shared.integration;

/**
 * One type of the public feed.
 *
 * @param type      the CloudEvents {@code type}, e.g. {@code member.registered.v1}; its last segment is the version
 * @param payload   the record carried as the event's {@code data}
 * @param aggregate the collection its subject belongs to ({@code members}, {@code unions}, {@code complaints}); the
 *                  CloudEvents {@code subject} is {@code <aggregate>/<id>}
 */
public record PublishedEventType(String type, Class<? extends IntegrationEvent> payload, String aggregate) {
}
