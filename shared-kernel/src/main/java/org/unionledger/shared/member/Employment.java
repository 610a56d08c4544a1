package org.unionledger.shared.member;

/**
 * Where and as what the member works.
 *
 * @param occupation     the member's job
 * @param workplace      the employer or agency
 * @param contractMonths the length of the labour contract in months; required for foreign workers, who may join
 *                       only with a contract of 12 months or more; {@code null} for an open-ended contract
 */
public record Employment(String occupation, String workplace, Integer contractMonths) {
}
