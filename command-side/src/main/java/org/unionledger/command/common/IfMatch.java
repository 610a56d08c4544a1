package org.unionledger.command.common;

import org.springframework.http.HttpStatus;
import org.unionledger.platform.web.ApiException;

/**
 * Reads the optional {@code If-Match} header as the aggregate version the client expects ({@code "3"},
 * {@code 3} or {@code W/"3"}); the command is then refused with 409 if the aggregate has moved on.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_IF_MATCH", HEADER,
                "If-Match must be the version the change is based on, such as \"3\"");
    }
}
