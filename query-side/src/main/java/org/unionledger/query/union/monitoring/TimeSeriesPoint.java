package org.unionledger.query.union.monitoring;

/**
 * One month of a union's time series over its subtree.
 *
 * @param members current members after the last event recorded in or before that month (carried forward)
 */
public record TimeSeriesPoint(String month, long members, long joins, long endings, long transfersIn,
                              long transfersOut, long complaintsFiled, long complaintsResolved, long duesCollected,
                              long duesPayers, long duesExempt) {
}
