package io.flowdesk.ticket;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State that belongs to one transaction: bound under its owner's key while the transaction runs (set aside while
 * it is suspended) and dropped when it completes. Subclasses add what they do at commit.
 */
abstract class TransactionBound implements TransactionSynchronization {

    private final Object owner;

    TransactionBound(Object owner) {
        this.owner = owner;
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
