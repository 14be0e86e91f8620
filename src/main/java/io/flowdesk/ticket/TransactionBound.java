package io.flowdesk.ticket;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Supplier;

/**
 * State that belongs to one transaction: bound under its owner's key while the transaction runs (set aside while
 * it is suspended) and dropped when it completes. Subclasses add what they do at commit.
 */
abstract class TransactionBound implements TransactionSynchronization {

    private final Object owner;

    TransactionBound(Object owner) {
        this.owner = owner;
    }

    /** The owner's state in the current transaction: the one bound already, else a new one, bound now. */
    static <T extends TransactionBound> T boundOrNew(Object owner, Class<T> type, Supplier<T> create) {
        Object bound = TransactionSynchronizationManager.getResource(owner);
        if (type.isInstance(bound)) {
            return type.cast(bound);
        }
        T state = create.get();
        state.bind();
        return state;
    }

    /** Binds this to the current transaction, until it completes. */
    final void bind() {
        TransactionSynchronizationManager.bindResource(owner, this);
        TransactionSynchronizationManager.registerSynchronization(this);
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResource(owner);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(owner, this);
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(owner);
    }
}
