package org.unionledger.command.common;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.unionledger.shared.common.RuleViolation;

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
        } catch (AggregateNotFoundException e) {
            throw new CommandExecutionException(e.getMessage(), e, new RuleViolation(
                    RuleViolation.Kind.NOT_FOUND, "NOT_FOUND", null,
                    "Nothing exists with id " + e.getAggregateIdentifier()));
        }
    }
}
