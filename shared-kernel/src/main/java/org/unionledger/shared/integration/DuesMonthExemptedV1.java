package org.unionledger.shared.integration;

/** {@code member.dues-exempted.v1}: a member owes no dues for a month ({@code YYYY-MM}); {@code reason} is {@code SOCIAL_INSURANCE_BENEFITS}, {@code UNEMPLOYMENT} or {@code UNPAID_LEAVE}. */
public record DuesMonthExemptedV1(String memberId,
                                  String unionId,
                                  String month,
                                  String reason) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "member.dues-exempted.v1";
}
