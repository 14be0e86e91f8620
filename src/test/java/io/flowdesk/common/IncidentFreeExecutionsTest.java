package io.flowdesk.common;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting a job looks for its failed-job incident only where one can be: a timer cancelled with its task in an
 * execution without incidents is deleted without the lookup, and a failed timer's incident still goes with it
 * however the timer goes (its task completed, new retries, the instance deleted). Runs in the API tests' context
 * (see WhatTheEngineRecordsTest) with a throwaway process of its own: a task with an hour's timer on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IncidentFreeExecutionsTest {

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IncidentFreeExecutions plugin;

    private String deployment;
    private ProcessInstance instance;

    @BeforeEach
    void aTaskWithATimerIsOpen() {
        deployment = repositoryService.createDeployment().name("incident-free-executions")
                .addModelInstance("timedTask.bpmn", Bpmn.createExecutableProcess("timedTask")
                        .camundaHistoryTimeToLive(1)
                        .startEvent().userTask("work")
                        .boundaryEvent("late").timerWithDuration("PT1H").endEvent("escalated")
                        .moveToActivity("work").endEvent("done")
                        .done())
                .deploy().getId();
        instance = runtimeService.startProcessInstanceByKey("timedTask");
    }

    @AfterEach
    void theProcessGoes() {
        repositoryService.deleteDeployment(deployment, true);
    }

    @Test
    void aTimerCancelledWithItsTaskIsDeletedWithoutLookingForAnIncident() {
        long before = plugin.lookupsSkipped();

        completeTheTask();

        assertThat(plugin.lookupsSkipped() - before).isEqualTo(1);
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aFailedTimersIncidentGoesWithItWhenItsTaskIsCompleted() {
        failTheTimer();
        long before = plugin.lookupsSkipped();

        completeTheTask();

        assertThat(plugin.lookupsSkipped()).isEqualTo(before);
        assertThat(incidents()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aFailedTimersIncidentIsResolvedByNewRetries() {
        Job timer = failTheTimer();

        managementService.setJobRetries(timer.getId(), 3);

        assertThat(incidents()).isZero();
        assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getRetries()).isEqualTo(3);
    }

    @Test
    void aFailedTimersIncidentGoesWithItsDeletedInstance() {
        failTheTimer();

        runtimeService.deleteProcessInstance(instance.getId(), "test");

        assertThat(incidents()).isZero();
    }

    private Job failTheTimer() {
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
        managementService.setJobRetries(timer.getId(), 0);
        assertThat(incidents()).as("the failed timer's incident").isEqualTo(1);
        return timer;
    }

    private void completeTheTask() {
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
    }

    private long incidents() {
        return runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count();
    }
}
