package org.unionledger.command.common;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.unionledger.shared.common.RuleViolation;

import java.util.Locale;

/**
 * Turns a refused command into a {@link CommandExecutionException} whose details are the {@link RuleViolation}.
 * Only such details survive the trip back through Axon Server, so the API sees the same failure in both modes.
 */
public class RuleViolationTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RuleViolationException e) {
            throw new CommandExecutionException(e.getMessage(), e, e.violation());
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            String kind = aggregateKind(unitOfWork.getMessage());
            throw new CommandExecutionException(e.getMessage(), e, new RuleViolation(RuleViolation.Kind.NOT_FOUND,
                    kind.toUpperCase(Locale.ROOT) + "_NOT_FOUND", null,
                    "No " + kind + " with id " + targetOf(unitOfWork.getMessage())));
        } catch (ConflictingAggregateVersionException e) {
            throw new CommandExecutionException(e.getMessage(), e, new RuleViolation(RuleViolation.Kind.CONFLICT,
                    "VERSION_CONFLICT", "If-Match", "The " + aggregateKind(unitOfWork.getMessage())
                    + " is at version " + e.getActualVersion() + ", not " + e.getExpectedVersion()));
        }
    }

    /** The aggregate the command names; an ID of another kind of aggregate is as unknown as a missing one. */
    private static String targetOf(CommandMessage<?> command) {
        try {
            return String.valueOf(new AnnotationCommandTargetResolver().resolveTarget(command).getIdentifier());
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** {@code member} for commands in the member package, {@code union} for the union package. */
    private static String aggregateKind(CommandMessage<?> command) {
        String packageName = command.getPayloadType().getPackageName();
        return packageName.substring(packageName.lastIndexOf('.') + 1);
    }
}
