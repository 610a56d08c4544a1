package org.unionledger.platform.web;

/** One offending input field in a problem response. */
public record FieldProblem(String field, String code, String message) {
}
