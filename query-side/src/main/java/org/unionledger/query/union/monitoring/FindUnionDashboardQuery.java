package org.unionledger.query.union.monitoring;

/** The dashboard of one union; as a subscription query, its updates too. */
public record FindUnionDashboardQuery(String unionId) {
}
