package org.unionledger.query.feed;

import io.cloudevents.CloudEvent;

import java.util.List;

/**
 * One page of the feed.
 *
 * @param events CloudEvents in feed order
 * @param next   the position to resume from: the last position looked at, which may be past the last event returned
 *               when a type filter or an unpublished domain event left some out
 */
record FeedPage(List<CloudEvent> events, String next) {
}
