package org.unionledger.command.web;

import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.unionledger.platform.web.FieldProblem;
import org.unionledger.platform.web.Problems;
import org.unionledger.shared.common.RuleViolation;

import java.util.List;

/** How refused and failed commands are reported: the one place that maps a refusal's kind to an HTTP status. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandFailureHandler.class);

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> refused(CommandExecutionException e) {
        return e.getDetails()
                .filter(RuleViolation.class::isInstance)
                .map(RuleViolation.class::cast)
                .map(CommandFailureHandler::problemOf)
                .orElseGet(() -> isConcurrencyConflict(e) ? concurrencyConflict() : internalError(e));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentModification(ConcurrencyException e) {
        return concurrencyConflict();
    }

    @ExceptionHandler({NoHandlerForCommandException.class, CommandDispatchException.class, AxonServerException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        log.warn("Command could not be delivered: {}", e.getMessage());
        return respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                "The command could not be delivered; try again shortly.", List.of()));
    }

    private static ResponseEntity<ProblemDetail> problemOf(RuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        List<FieldProblem> errors = violation.field() == null
                ? List.of()
                : List.of(new FieldProblem(violation.field(), violation.code(), violation.message()));
        return respond(Problems.of(status, violation.code(), violation.message(), errors));
    }

    private static boolean isConcurrencyConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> concurrencyConflict() {
        return respond(Problems.of(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "The record was changed by another request at the same time; reload it and try again.", List.of()));
    }

    private static ResponseEntity<ProblemDetail> internalError(Exception e) {
        log.error("Command failed", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "The command failed because of a fault on our side.", List.of()));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
