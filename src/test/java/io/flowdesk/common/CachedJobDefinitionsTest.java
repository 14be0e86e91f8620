package io.flowdesk.common;

import io.flowdesk.security.TestViewers;
import io.flowdesk.ticket.Channel;
import io.flowdesk.ticket.CreateTicketRequest;
import io.flowdesk.ticket.CreateTicketRequest.CustomerDetails;
import io.flowdesk.ticket.Priority;
import io.flowdesk.ticket.TicketService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new ticket's timer jobs take their job definitions' state as it is now: suspension and priority changed
 * through the engine are seen by the next ticket, although the definitions are no longer read per job. Runs in
 * the API tests' context (see WhatTheEngineRecordsTest) and puts every definition back as it found it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CachedJobDefinitionsTest {

    @Autowired TicketService tickets;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired CachedJobDefinitions cache;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void putTheDefinitionsBack() {
        for (JobDefinition definition : managementService.createJobDefinitionQuery().list()) {
            if (definition.isSuspended()) {
                managementService.activateJobDefinitionById(definition.getId());
            }
            if (definition.getOverridingJobPriority() != null) {
                managementService.clearOverridingJobPriorityForJobDefinition(definition.getId());
            }
        }
    }

    @Test
    void aTicketsTimersAreMadeWithTheirDefinitionsKept() {
        timersOf(openInquiry());
        assertThat(cache.kept()).as("the inquiry's timer definitions").isPositive();
        String definition = timersOf(openInquiry()).get(0).getJobDefinitionId();

        // changed behind the engine's back (as another node would): this node goes on with what it read
        jdbc.update("update ACT_RU_JOBDEF set SUSPENSION_STATE_ = 2 where ID_ = ?", definition);
        try {
            assertThat(timersOf(openInquiry())).filteredOn(job -> job.getJobDefinitionId().equals(definition))
                    .extracting(Job::isSuspended).containsOnly(false);
        } finally {
            jdbc.update("update ACT_RU_JOBDEF set SUSPENSION_STATE_ = 1 where ID_ = ?", definition);
        }
    }

    @Test
    void timersOfDefinitionsSuspendedThroughTheEngineAreMadeSuspended_andActiveAgainAfterActivation() {
        String processDefinition = timersOf(openInquiry()).get(0).getProcessDefinitionId();

        managementService.suspendJobDefinitionByProcessDefinitionId(processDefinition);
        assertThat(timersOf(openInquiry())).isNotEmpty().allMatch(Job::isSuspended);

        managementService.activateJobDefinitionByProcessDefinitionId(processDefinition);
        assertThat(timersOf(openInquiry())).isNotEmpty().noneMatch(Job::isSuspended);
    }

    @Test
    void oneSuspendedDefinitionSuspendsOnlyItsOwnTimers() {
        String definition = timersOf(openInquiry()).get(0).getJobDefinitionId();

        managementService.suspendJobDefinitionById(definition);

        assertThat(timersOf(openInquiry())).allMatch(job -> job.isSuspended() == job.getJobDefinitionId()
                .equals(definition));
    }

    @Test
    void aPrioritySetOnADefinitionGoesToItsNextTimers() {
        String definition = timersOf(openInquiry()).get(0).getJobDefinitionId();

        managementService.setOverridingJobPriorityForJobDefinition(definition, 42);

        assertThat(timersOf(openInquiry())).filteredOn(job -> job.getJobDefinitionId().equals(definition))
                .extracting(Job::getPriority).containsExactly(42L);
    }

    private List<Job> timersOf(String number) {
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult().getId();
        List<Job> timers = managementService.createJobQuery().processInstanceId(instance).timers().list();
        assertThat(timers).as("timers of " + number).isNotEmpty();
        return timers;
    }

    private String openInquiry() {
        return tickets.create(new CreateTicketRequest("inquiry", "积分规则", "积分多久过期", Channel.web,
                Priority.normal, null, new CustomerDetails("张三", "zhang@example.com", null, "standard", null),
                Map.of()), TestViewers.ALICE).number();
    }
}
