package org.unionledger.query.audit.history;

import java.time.Instant;

/**
 * One event in an aggregate's history as an auditor reads it.
 *
 * @param sequence      its place in the aggregate's stream, from 0
 * @param type          the event type
 * @param revision      the event type's revision
 * @param timestamp     when it was stored
 * @param actor         who caused it
 * @param correlationId the request that started the chain it belongs to
 * @param causationId   the message that directly caused it
 * @param summary       one line for people
 */
record HistoryEntry(long sequence, String type, String revision, Instant timestamp, String actor,
                    String correlationId, String causationId, String summary) {
}
