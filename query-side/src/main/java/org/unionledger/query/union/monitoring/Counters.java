package org.unionledger.query.union.monitoring;

import org.bson.Document;
import org.unionledger.shared.member.MemberStatus;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How members and complaints count on a dashboard, and helpers over counter documents. */
final class Counters {

    private Counters() {
    }

    /** Adds (sign 1) or removes (sign -1) a member's contribution to one union's dashboard. */
    static void addMember(Monitoring.Deltas deltas, String union, Document member, int sign) {
        String status = member.getString("status");
        deltas.dashboard(union, "members." + status, sign);
        if (!MemberStatus.ENDED.name().equals(status)) {
            deltas.dashboard(union, "gender." + member.getString("gender"), sign);
            deltas.dashboard(union, "birthYears." + member.getInteger("birthYear"), sign);
            if (member.getBoolean("foreign", false)) {
                deltas.dashboard(union, "foreign", sign);
            }
        }
    }

    /** Adds or removes an open complaint's contribution to the dashboards of {@code chain}. */
    static void addComplaint(Monitoring.Deltas deltas, List<String> chain, Document complaint, int sign) {
        if (!complaint.getBoolean("open", false)) {
            return;
        }
        String category = complaint.getString("category");
        for (String union : chain) {
            deltas.dashboard(union, "complaintsOpen." + category, sign);
            if (complaint.getBoolean("overdue", false)) {
                deltas.dashboard(union, "complaintsOverdue." + category, sign);
            }
            if (complaint.getBoolean("escalated", false)) {
                deltas.dashboard(union, "complaintsEscalated." + category, sign);
            }
        }
    }

    /** Members not ended, from a dashboard document (0 if there is none). */
    static long currentMembers(Document dashboard) {
        if (dashboard == null) {
            return 0;
        }
        Document members = dashboard.get("members", Document.class);
        if (members == null) {
            return 0;
        }
        return number(members, MemberStatus.ACTIVE.name()) + number(members, MemberStatus.SUSPENDED.name())
                + number(members, MemberStatus.TRANSFER_PENDING.name());
    }

    static long number(Document document, String field) {
        Object value = document == null ? null : document.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }

    /**
     * What MongoDB makes of {@code document} under {@code {$inc: inc, $set: set}}, both keyed by dotted paths;
     * the document itself is left as it was.
     */
    static Document applied(Document document, Document inc, Document set) {
        Document result = deepCopy(document);
        inc.forEach((path, by) -> {
            Document parent = parentOf(result, path);
            String leaf = path.substring(path.lastIndexOf('.') + 1);
            Object value = parent.get(leaf);
            parent.put(leaf, (value instanceof Number number ? number.longValue() : 0) + ((Number) by).longValue());
        });
        set.forEach((path, value) -> parentOf(result, path).put(path.substring(path.lastIndexOf('.') + 1), value));
        return result;
    }

    private static Document parentOf(Document root, String path) {
        Document parent = root;
        int from = 0;
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', from)) {
            String key = path.substring(from, dot);
            Document next = parent.get(key, Document.class);
            if (next == null) {
                next = new Document();
                parent.put(key, next);
            }
            parent = next;
            from = dot + 1;
        }
        return parent;
    }

    private static Document deepCopy(Document document) {
        Document copy = new Document();
        document.forEach((key, value) -> copy.put(key, value instanceof Document nested ? deepCopy(nested) : value));
        return copy;
    }

    /** Every numeric leaf of a counter document as dotted paths, without {@code _id} and {@code pos}. */
    static Map<String, Long> flatten(Document document) {
        Map<String, Long> leaves = new LinkedHashMap<>();
        if (document != null) {
            flatten("", document, leaves);
        }
        return leaves;
    }

    private static void flatten(String prefix, Document document, Map<String, Long> leaves) {
        document.forEach((key, value) -> {
            if (prefix.isEmpty() && ("_id".equals(key) || Monitoring.POS.equals(key))) {
                return;
            }
            if (value instanceof Document nested) {
                flatten(prefix + key + ".", nested, leaves);
            } else if (value instanceof Number number && number.longValue() != 0) {
                leaves.put(prefix + key, number.longValue());
            }
        });
    }

    /** The key names sort and match prefixes by: lower case, without diacritics ("Đỗ Văn" gives "do van"). */
    static String sortKey(String name) {
        String decomposed = Normalizer.normalize(name.strip().replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
