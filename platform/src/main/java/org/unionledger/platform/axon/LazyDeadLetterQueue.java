package org.unionledger.platform.axon;

import javax.annotation.Nonnull;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A dead-letter queue built on first use. Axon's Mongo queue creates its indexes in its constructor, which would
 * make an unreachable MongoDB fail the whole application's startup; deferred, the failure is confined to the
 * processor (which retries) and the health endpoint says MongoDB is DOWN. Once built, every call goes straight
 * through.
 */
final class LazyDeadLetterQueue<M extends Message<?>> implements SequencedDeadLetterQueue<M> {

    private final Supplier<SequencedDeadLetterQueue<M>> factory;
    private volatile SequencedDeadLetterQueue<M> delegate;

    LazyDeadLetterQueue(Supplier<SequencedDeadLetterQueue<M>> factory) {
        this.factory = factory;
    }

    private SequencedDeadLetterQueue<M> queue() {
        SequencedDeadLetterQueue<M> current = delegate;
        if (current == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = factory.get();
                }
                current = delegate;
            }
        }
        return current;
    }

    @Override
    public void enqueue(@Nonnull Object sequenceIdentifier, @Nonnull DeadLetter<? extends M> letter) {
        queue().enqueue(sequenceIdentifier, letter);
    }

    @Override
    public boolean enqueueIfPresent(@Nonnull Object sequenceIdentifier,
                                    @Nonnull Supplier<DeadLetter<? extends M>> letterBuilder) {
        return queue().enqueueIfPresent(sequenceIdentifier, letterBuilder);
    }

    @Override
    public void evict(DeadLetter<? extends M> letter) {
        queue().evict(letter);
    }

    @Override
    public void requeue(@Nonnull DeadLetter<? extends M> letter,
                        @Nonnull UnaryOperator<DeadLetter<? extends M>> letterUpdater) {
        queue().requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(@Nonnull Object sequenceIdentifier) {
        return queue().contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends M>> deadLetterSequence(@Nonnull Object sequenceIdentifier) {
        return queue().deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends M>>> deadLetters() {
        return queue().deadLetters();
    }

    @Override
    public boolean isFull(@Nonnull Object sequenceIdentifier) {
        return queue().isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return queue().size();
    }

    @Override
    public long sequenceSize(@Nonnull Object sequenceIdentifier) {
        return queue().sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return queue().amountOfSequences();
    }

    @Override
    public boolean process(@Nonnull Predicate<DeadLetter<? extends M>> sequenceFilter,
                           @Nonnull Function<DeadLetter<? extends M>, EnqueueDecision<M>> processingTask) {
        return queue().process(sequenceFilter, processingTask);
    }

    @Override
    public void clear() {
        queue().clear();
    }
}
