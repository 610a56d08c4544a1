package org.unionledger.query.union.monitoring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.TreeMap;

/** Reads dashboards and time series: {@code _id} lookups of precomputed documents, plus arithmetic. */
@Component
class DashboardReader {

    static final int MAX_MONTHS = 120;

    private final MongoTemplate mongo;
    private final Clock clock;

    DashboardReader(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getDb().getCollection(name);
    }

    Optional<Document> union(String unionId) {
        return Optional.ofNullable(collection(Monitoring.UNIONS).find(Filters.eq("_id", unionId)).first());
    }

    Optional<UnionDashboard> dashboard(String unionId) {
        return dashboard(unionId, null, null);
    }

    /**
     * The dashboard from documents the caller already holds (the projection, right after writing them); null
     * ones are read.
     */
    Optional<UnionDashboard> dashboard(String unionId, Document knownUnion, Document knownDashboard) {
        Optional<Document> union = knownUnion != null ? Optional.of(knownUnion) : union(unionId);
        if (union.isEmpty()) {
            return Optional.empty();
        }
        Document dashboard = knownDashboard != null ? knownDashboard
                : Optional.ofNullable(collection(Monitoring.DASHBOARDS).find(Filters.eq("_id", unionId)).first())
                          .orElse(new Document());
        LocalDate today = LocalDate.now(clock);
        YearMonth thisMonth = YearMonth.from(today);
        YearMonth lastMonth = thisMonth.minusMonths(1);
        Map<String, Document> months = new HashMap<>();
        collection(Monitoring.MONTHS).find(Filters.in("_id", Monitoring.monthId(unionId, thisMonth), Monitoring.monthId(unionId, lastMonth)))
                                     .forEach(month -> months.put(month.getString("_id"), month));
        Document thisMonthFigures = months.get(Monitoring.monthId(unionId, thisMonth));
        Document lastMonthFigures = months.get(Monitoring.monthId(unionId, lastMonth));
        // The version of what is shown: the union and month documents change without the dashboard (dues, names).
        long position = LongStream.of(Counters.number(dashboard, Monitoring.POS), Counters.number(union.get(), Monitoring.POS),
                Counters.number(thisMonthFigures, Monitoring.POS), Counters.number(lastMonthFigures, Monitoring.POS)).max().getAsLong();
        long current = Counters.currentMembers(dashboard);
        List<Long> resolutions = recentResolutions(dashboard, today);
        return Optional.of(new UnionDashboard(unionId, union.get().getString("name"), union.get().getString("level"),
                union.get().getString("status"), position, current,
                counts(dashboard, "members"), counts(dashboard, "gender"), ageBands(dashboard, today.getYear()),
                Counters.number(dashboard, "foreign"), month(thisMonth, thisMonthFigures, current),
                month(lastMonth, lastMonthFigures, current), counts(dashboard, "complaintsOpen"),
                counts(dashboard, "complaintsOverdue"), counts(dashboard, "complaintsEscalated"),
                median(resolutions), resolutions.size(), counts(dashboard, "unions")));
    }

    private static UnionDashboard.MonthFigures month(YearMonth month, Document figures, long currentMembers) {
        long payers = Counters.number(figures, "duesPayers");
        long exempt = Counters.number(figures, "duesExempt");
        long liable = currentMembers - exempt;
        return new UnionDashboard.MonthFigures(month.toString(), Counters.number(figures, "joins"),
                Counters.number(figures, "endings"), Counters.number(figures, "transfersIn"),
                Counters.number(figures, "transfersOut"), payers, exempt, Counters.number(figures, "duesCollected"),
                liable > 0 ? (double) payers / liable : null);
    }

    List<TimeSeriesPoint> timeSeries(String unionId, YearMonth from, YearMonth to) {
        Document before = collection(Monitoring.MONTHS)
                .find(Filters.and(Filters.lt("_id", Monitoring.monthId(unionId, from)), Filters.gte("_id", unionId + "|"),
                        Filters.exists("members")))
                .sort(Sorts.descending("_id")).limit(1).first();
        long members = Counters.number(before, "members");
        List<TimeSeriesPoint> points = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            Document figures = collection(Monitoring.MONTHS).find(Filters.eq("_id", Monitoring.monthId(unionId, month))).first();
            if (figures != null && figures.containsKey("members")) {
                members = Counters.number(figures, "members");
            }
            points.add(new TimeSeriesPoint(month.toString(), members, Counters.number(figures, "joins"),
                    Counters.number(figures, "endings"), Counters.number(figures, "transfersIn"),
                    Counters.number(figures, "transfersOut"), Counters.number(figures, "complaintsFiled"),
                    Counters.number(figures, "complaintsResolved"), Counters.number(figures, "duesCollected"),
                    Counters.number(figures, "duesPayers"), Counters.number(figures, "duesExempt")));
        }
        return points;
    }

    private static Map<String, Long> counts(Document dashboard, String field) {
        Map<String, Long> counts = new TreeMap<>();
        Document nested = dashboard.get(field, Document.class);
        if (nested != null) {
            nested.forEach((key, value) -> {
                if (value instanceof Number number && number.longValue() != 0) {
                    counts.put(key, number.longValue());
                }
            });
        }
        return counts;
    }

    private static Map<String, Long> ageBands(Document dashboard, int year) {
        Map<String, Long> bands = new TreeMap<>(Map.of("under30", 0L, "30to44", 0L, "45plus", 0L));
        counts(dashboard, "birthYears").forEach((birthYear, count) -> {
            int age = year - Integer.parseInt(birthYear);
            bands.merge(age < 30 ? "under30" : age < 45 ? "30to44" : "45plus", count, Long::sum);
        });
        return bands;
    }

    /** Days taken by each resolution dated from 89 days ago to today, one entry per resolution, sorted. */
    private static List<Long> recentResolutions(Document dashboard, LocalDate today) {
        List<Long> days = new ArrayList<>();
        Document resolutions = dashboard.get("resolutions", Document.class);
        if (resolutions != null) {
            LocalDate earliest = today.minusDays(89);
            resolutions.forEach((date, histogram) -> {
                LocalDate on = LocalDate.parse(date);
                if (!on.isBefore(earliest) && !on.isAfter(today) && histogram instanceof Document byDays) {
                    byDays.forEach((taken, count) -> {
                        for (long i = 0; i < ((Number) count).longValue(); i++) {
                            days.add(Long.parseLong(taken));
                        }
                    });
                }
            });
        }
        days.sort(null);
        return days;
    }

    private static Double median(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
