package org.unionledger.shared.integration;

/**
 * An event of the public integrator feed: a stable, versioned contract mapped from the domain events. A record that
 * implements this is never edited once published (its JSON Schema is committed under {@code docs/feed/schemas});
 * a changed shape is a new record beside it with the next version ({@code ...V2}, type {@code ....v2}).
 */
public interface IntegrationEvent {
}
