package org.unionledger.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns every failure into {@code application/problem+json} with a stable {@code code}: client mistakes are 4xx
 * naming the offending field; only a fault of ours is a 500, and it reveals nothing of the internals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApiException(ApiException e) {
        List<FieldProblem> errors = e.field() == null ? List.of() : List.of(new FieldProblem(e.field(), e.code(), e.getMessage()));
        return problem(Problems.of(e.status(), e.code(), e.getMessage(), errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "'" + e.getValue() + "' is not a valid value for " + e.getName();
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", message,
                List.of(new FieldProblem(e.getName(), "INVALID_FORMAT", message))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e) {
        log.error("Unhandled failure", e);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "The request could not be processed because of a fault on our side.", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                                     .map(ApiExceptionHandler::toFieldProblem)
                                     .sorted(Comparator.comparing(FieldProblem::field))
                                     .toList();
        String fields = errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid fields: " + fields, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                                     .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                                             result.getMethodParameter().getParameterName(),
                                             constantCase(error.getCodes() == null ? null : error.getCodes()[error.getCodes().length - 1]),
                                             error.getDefaultMessage())))
                                     .toList();
        String fields = errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid parameters: " + fields, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = pathOf(mismatch);
            String message = mismatch instanceof InvalidFormatException invalid
                    ? "'" + invalid.getValue() + "' is not a valid " + invalid.getTargetType().getSimpleName()
                    : "has the wrong type or shape";
            return problem(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", field + ": " + message,
                    List.of(new FieldProblem(field, "INVALID_FORMAT", message))));
        }
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The request body is missing or is not valid JSON.", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        String message = "is required";
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER", e.getParameterName() + " " + message,
                List.of(new FieldProblem(e.getParameterName(), "REQUIRED", message))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> handleMissingHeader(MissingRequestHeaderException e) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "MISSING_HEADER", e.getHeaderName() + " is required",
                List.of(new FieldProblem(e.getHeaderName(), "REQUIRED", "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            String code = Problems.codeFor(status);
            problem.setType(Problems.typeOf(code));
            problem.setProperty("code", code);
        }
        return response;
    }

    private static FieldProblem toFieldProblem(FieldError error) {
        return new FieldProblem(error.getField(), constantCase(error.getCode()), error.getDefaultMessage());
    }

    /** Bean Validation's {@code NotBlank} becomes the project's code style, {@code NOT_BLANK}. */
    static String constantCase(String constraint) {
        return constraint == null ? "INVALID" : constraint.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                             .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                             .body(problem);
    }
}
