package org.unionledger.query.union.monitoring;

import org.bson.Document;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Which unions a figure counts in: a union and its ancestors. Two views of the tree, because dashboards and time
 * series answer different questions:
 * <ul>
 *   <li>{@link #current}: the tree as recorded now ({@code ancestors}); dashboards show the present, so a branch
 *       that moves takes its figures along;</li>
 *   <li>{@link #at}: the tree in force in a month, from each union's effective-dated parents ({@code parents}:
 *       {@code from} month and parent); a month's flows count in the unions that were the branch's ancestors
 *       that month, so a move effective in July leaves June's figures with the old parent.</li>
 * </ul>
 * Union documents come from the projection's cache of them (see {@link MonitoringProjection}).
 */
final class UnionChains {

    private static final int MAX_DEPTH = 16;

    private final Function<String, Document> unions;

    /** @param unions reads a union's document by ID (null if there is none) */
    UnionChains(Function<String, Document> unions) {
        this.unions = unions;
    }

    Document union(String unionId) {
        return unions.apply(unionId);
    }

    /** The union and its ancestors as the tree is now, nearest first. */
    List<String> current(String unionId) {
        List<String> chain = new ArrayList<>();
        chain.add(unionId);
        Document union = union(unionId);
        if (union != null && union.getList("ancestors", String.class) != null) {
            chain.addAll(union.getList("ancestors", String.class));
        }
        return chain;
    }

    /** The union and its ancestors in force during {@code month}, nearest first. */
    List<String> at(String unionId, YearMonth month) {
        List<String> chain = new ArrayList<>();
        String next = unionId;
        while (next != null && chain.size() < MAX_DEPTH && !chain.contains(next)) {
            chain.add(next);
            Document union = union(next);
            next = union == null ? null : parentAt(union.getList("parents", Document.class), month);
        }
        return chain;
    }

    /** The ancestors (not the union itself) in force during {@code month} given the union's parents history. */
    List<String> above(List<Document> parents, YearMonth month) {
        String parent = parentAt(parents, month);
        return parent == null ? List.of() : at(parent, month);
    }

    /** The parent whose effective month is the latest not after {@code month}; before the first, the first. */
    static String parentAt(List<Document> parents, YearMonth month) {
        if (parents == null || parents.isEmpty()) {
            return null;
        }
        Document chosen = parents.get(0);
        for (Document entry : parents) {
            if (YearMonth.parse(entry.getString("from")).compareTo(month) <= 0) {
                chosen = entry;
            }
        }
        return chosen.getString("parentId");
    }

    /**
     * The parents history after a move effective in {@code effective}: the entries in force before that month,
     * then {@code parentId}; entries from that month on, recorded earlier, are superseded.
     */
    static List<Document> withMove(List<Document> parents, YearMonth effective, String parentId) {
        List<Document> result = new ArrayList<>();
        for (Document entry : parents) {
            if (YearMonth.parse(entry.getString("from")).isBefore(effective)) {
                result.add(entry);
            }
        }
        result.add(new Document("from", effective.toString()).append("parentId", parentId));
        return result;
    }
}
