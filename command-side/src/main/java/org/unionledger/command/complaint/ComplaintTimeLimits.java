package org.unionledger.command.complaint;

import java.time.Duration;
import java.time.Instant;

/**
 * The legal time limits for handling a complaint: acknowledge within 10 days of filing; resolve within 30 days of
 * acknowledgement (45 if complex); after an escalation the receiving union has 45 days (60 if complex); a member
 * may reopen a resolved complaint within 30 days.
 */
final class ComplaintTimeLimits {

    static final Duration ACKNOWLEDGE = Duration.ofDays(10);
    static final Duration RESOLVE = Duration.ofDays(30);
    static final Duration RESOLVE_COMPLEX = Duration.ofDays(45);
    static final Duration RESOLVE_AFTER_ESCALATION = Duration.ofDays(45);
    static final Duration RESOLVE_AFTER_ESCALATION_COMPLEX = Duration.ofDays(60);
    static final Duration REOPEN_WINDOW = Duration.ofDays(30);

    private ComplaintTimeLimits() {
    }

    static Instant resolveBy(Instant from, boolean complex, boolean escalated) {
        Duration limit = escalated
                ? (complex ? RESOLVE_AFTER_ESCALATION_COMPLEX : RESOLVE_AFTER_ESCALATION)
                : (complex ? RESOLVE_COMPLEX : RESOLVE);
        return from.plus(limit);
    }
}
