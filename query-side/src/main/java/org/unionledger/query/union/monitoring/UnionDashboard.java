package org.unionledger.query.union.monitoring;

import java.util.Map;

/**
 * A union's dashboard, rolled up over its whole subtree (see {@link MonitoringProjection} for what counts where).
 *
 * @param position                    the global position of the last event that changed anything shown here; it
 *                                    grows with every change, so it versions the dashboard (the stream's event id)
 * @param membersByAgeBand            current members by age reached this calendar year: {@code under30},
 *                                    {@code 30to44}, {@code 45plus}
 * @param medianDaysToResolution      median whole days from filing to resolution, over resolutions dated within the
 *                                    last 90 days including today; null when there were none
 * @param childUnionsByLevel          active unions anywhere below, by level
 */
public record UnionDashboard(String unionId, String name, String level, String status, long position,
                             long currentMembers, Map<String, Long> membersByStatus,
                             Map<String, Long> membersByGender, Map<String, Long> membersByAgeBand,
                             long foreignMembers, MonthFigures thisMonth, MonthFigures lastMonth,
                             Map<String, Long> complaintsOpen, Map<String, Long> complaintsOverdue,
                             Map<String, Long> complaintsEscalated, Double medianDaysToResolution,
                             long resolutionsLast90Days, Map<String, Long> childUnionsByLevel) {

    /**
     * The flows of one month in the subtree, by the month of their own date.
     *
     * @param duesCollectionRate members who paid for the month over current members not exempt that month; null
     *                           when there is nobody to pay
     */
    public record MonthFigures(String month, long joins, long endings, long transfersIn, long transfersOut,
                               long duesPayers, long duesExempt, long duesCollected, Double duesCollectionRate) {
    }
}
