package org.unionledger.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal the API reports as {@code application/problem+json}: an HTTP status, a stable code clients can switch
 * on, and the offending field when there is one.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;

    public ApiException(HttpStatus status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, code, null, message);
    }

    public static ApiException badRequest(String code, String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, field, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
