package org.unionledger.query.audit.history;

import java.util.List;

/** A page of an aggregate's history, oldest first; {@code total} counts the events matching the filters. */
record HistoryPage(String aggregateId, String aggregateType, long total, int page, int size, List<HistoryEntry> events) {
}
