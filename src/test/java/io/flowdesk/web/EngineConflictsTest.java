package io.flowdesk.web;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class EngineConflictsTest {

    @Test
    void a_claim_on_someone_elses_task_names_the_holder_also_when_wrapped() {
        TaskAlreadyClaimedException claimed = new TaskAlreadyClaimedException("task-1", "bob");

        assertThat(EngineConflicts.claimedByOther(claimed)).hasValueSatisfying(
                e -> assertThat(e.getTaskAssignee()).isEqualTo("bob"));
        assertThat(EngineConflicts.claimedByOther(new RestException(Status.INTERNAL_SERVER_ERROR, claimed, "x")))
                .isPresent();
        assertThat(EngineConflicts.isConflict(claimed)).isTrue();
    }

    @Test
    void optimistic_locks_and_deadlocks_are_concurrent_modifications_however_they_are_wrapped() {
        assertThat(EngineConflicts.isConcurrentModification(new OptimisticLockingException("changed"))).isTrue();
        assertThat(EngineConflicts.isConcurrentModification(new RestException(Status.INTERNAL_SERVER_ERROR,
                new OptimisticLockingException("changed"), "Cannot complete task"))).isTrue();
        assertThat(EngineConflicts.isConcurrentModification(new ProcessEngineException("persistence", 10_000)))
                .as("the engine's code for a deadlock").isTrue();
        assertThat(EngineConflicts.isConcurrentModification(new ProcessEngineException("wrapped", 1)))
                .as("the engine's code for an optimistic lock").isTrue();
        assertThat(EngineConflicts.isConcurrentModification(new CannotAcquireLockException("deadlock at commit")))
                .isTrue();
        assertThat(EngineConflicts.isConcurrentModification(
                new ObjectOptimisticLockingFailureException("ticket", 1L))).isTrue();
    }

    @Test
    void a_task_the_engine_did_not_find_is_not_yet_a_conflict() {
        NullValueException notFound = new NullValueException("Cannot find task with id t: task is null");

        assertThat(EngineConflicts.isTaskNotFound(notFound)).isTrue();
        assertThat(EngineConflicts.isTaskNotFound(new NotFoundException("Cannot find task with id t"))).isTrue();
        assertThat(EngineConflicts.isTaskNotFound(new RestException(Status.INTERNAL_SERVER_ERROR, notFound, "x")))
                .isTrue();
        assertThat(EngineConflicts.isConflict(notFound)).isFalse();
    }

    @Test
    void other_engine_errors_are_no_conflicts() {
        assertThat(EngineConflicts.isConflict(new ProcessEngineException("script failed"))).isFalse();
        assertThat(EngineConflicts.isConflict(new AuthorizationException("not yours"))).isFalse();
        assertThat(EngineConflicts.isConflict(new IllegalStateException("bug"))).isFalse();
        assertThat(EngineConflicts.isTaskNotFound(new ProcessEngineException("script failed"))).isFalse();
    }
}
