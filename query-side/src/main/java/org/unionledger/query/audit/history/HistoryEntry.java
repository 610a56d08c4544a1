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
 * @param hash          its link in the aggregate's tamper-evident hash chain
 * @param summary       one line for people
 * @param payload       the event's content: as read today (after any upcasting), or with {@code view=stored} the
 *                      JSON exactly as stored, under the type and revision it was stored with
 */
record HistoryEntry(long sequence, String type, String revision, Instant timestamp, String actor,
                    String correlationId, String causationId, String hash, String summary, Object payload) {
}
