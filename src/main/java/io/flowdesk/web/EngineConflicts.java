package io.flowdesk.web;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.springframework.dao.ConcurrencyFailureException;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * What an exception out of the engine says about another user's work getting there first. Such a conflict is an
 * answer to give the caller (409), not a server error: the engine stored nothing of the request that lost.
 */
public final class EngineConflicts {

    /** Far more than the engine, Spring and JDBC wrap an exception in; a guard against cause cycles. */
    private static final int DEEPEST_CAUSE = 16;

    private EngineConflicts() {
    }

    /** The claim failed because the task is someone else's. */
    public static Optional<TaskAlreadyClaimedException> claimedByOther(Throwable exception) {
        return cause(exception, TaskAlreadyClaimedException.class);
    }

    /**
     * Another transaction changed the same rows at the same moment and this one was rolled back: the engine's
     * optimistic lock, a deadlock the database broke by sacrificing this transaction (two completions of one task
     * on MySQL take some of the same row locks in different orders), or the same seen by Spring at the commit.
     */
    public static boolean isConcurrentModification(Throwable exception) {
        return find(exception, EngineConflicts::concurrentModification).isPresent();
    }

    /** Either kind of conflict: claimed by someone else, or changed concurrently. */
    public static boolean isConflict(Throwable exception) {
        return claimedByOther(exception).isPresent() || isConcurrentModification(exception);
    }

    /**
     * The engine found no task with the id it was given ("Cannot find task with id …"): it may have been completed
     * meanwhile, or never have existed; {@link TaskFate} tells which.
     */
    public static boolean isTaskNotFound(Throwable exception) {
        return find(exception, cause -> cause instanceof NullValueException || cause instanceof NotFoundException)
                .isPresent();
    }

    private static boolean concurrentModification(Throwable cause) {
        if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException) {
            return true;
        }
        return cause instanceof ProcessEngineException engine
                && (engine.getCode() == BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode()
                || engine.getCode() == BuiltinExceptionCode.DEADLOCK.getCode());
    }

    /**
     * The exception or its nearest cause of a type: the engine wraps what its listeners throw
     * ({@code ENGINE-03051}), engine REST what the engine throws.
     */
    public static <T extends Throwable> Optional<T> cause(Throwable exception, Class<T> type) {
        return find(exception, type::isInstance).map(type::cast);
    }

    private static Optional<Throwable> find(Throwable exception, Predicate<Throwable> wanted) {
        Throwable cause = exception;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            if (wanted.test(cause)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }
}
