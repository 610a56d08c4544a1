package org.unionledger.shared.common;

/**
 * Why a command was refused: what kind of refusal, a stable machine-readable code, the offending field when there
 * is one, and a message for people. Travels as the details of a command failure, so it crosses process boundaries
 * (Axon Server) intact.
 */
public record RuleViolation(Kind kind, String code, String field, String message) {

    /** The kind of refusal, which decides how an API reports it. */
    public enum Kind {
        /** The command's content is not acceptable (a caller's mistake). */
        INVALID,
        /** The command names something that does not exist. */
        NOT_FOUND,
        /** The command conflicts with the current state or a rule. */
        CONFLICT
    }
}
