package org.unionledger.command.common;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The one place that decides who is acting and stamps it on every command sent while serving an HTTP request:
 * the actor, the request's timestamp and its idempotency key. Axon copies these onto the resulting events (see
 * {@link #KEYS}). Until authentication exists the actor is the {@code X-Actor} header; switching it to the token's
 * subject is a change here only.
 */
public class RequestMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String ACTOR = "actor";
    public static final String REQUESTED_AT = "requestedAt";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String CAUSATION_ID = "causationId";
    public static final String CORRELATION_ID = "correlationId";

    static final String ACTOR_HEADER = "X-Actor";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String ANONYMOUS = "anonymous";

    private final Clock clock;

    public RequestMetadata(Clock clock) {
        this.clock = clock;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(currentRequestMetadata(command.getMetaData()));
    }

    private Map<String, Object> currentRequestMetadata(MetaData existing) {
        Map<String, Object> metadata = new HashMap<>();
        HttpServletRequest request = currentRequest();
        if (!existing.containsKey(ACTOR)) {
            metadata.put(ACTOR, actorOf(request));
        }
        if (!existing.containsKey(REQUESTED_AT)) {
            metadata.put(REQUESTED_AT, clock.instant().toString());
        }
        if (request != null && request.getHeader(IDEMPOTENCY_KEY_HEADER) != null && !existing.containsKey(IDEMPOTENCY_KEY)) {
            metadata.put(IDEMPOTENCY_KEY, request.getHeader(IDEMPOTENCY_KEY_HEADER));
        }
        return metadata;
    }

    private static String actorOf(HttpServletRequest request) {
        String actor = request == null ? null : request.getHeader(ACTOR_HEADER);
        return actor == null || actor.isBlank() ? ANONYMOUS : actor.strip();
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
