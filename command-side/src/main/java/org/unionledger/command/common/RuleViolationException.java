package org.unionledger.command.common;

import org.unionledger.shared.common.RuleViolation;

/** A command refused by a rule; carries the {@link RuleViolation} that the API reports. */
public class RuleViolationException extends RuntimeException {

    private final transient RuleViolation violation;

    public RuleViolationException(RuleViolation violation) {
        super(violation.message());
        this.violation = violation;
    }

    public static RuleViolationException invalid(String code, String field, String message) {
        return new RuleViolationException(new RuleViolation(RuleViolation.Kind.INVALID, code, field, message));
    }

    public static RuleViolationException conflict(String code, String field, String message) {
        return new RuleViolationException(new RuleViolation(RuleViolation.Kind.CONFLICT, code, field, message));
    }

    public static RuleViolationException notFound(String code, String field, String message) {
        return new RuleViolationException(new RuleViolation(RuleViolation.Kind.NOT_FOUND, code, field, message));
    }

    public RuleViolation violation() {
        return violation;
    }
}
