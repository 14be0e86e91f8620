package io.flowdesk.common;

import io.flowdesk.security.TestViewers;
import io.flowdesk.ticket.Channel;
import io.flowdesk.ticket.CreateTicketRequest;
import io.flowdesk.ticket.CreateTicketRequest.CustomerDetails;
import io.flowdesk.ticket.Priority;
import io.flowdesk.ticket.TicketService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine sees a process definition's state as it is now although the row is no longer read per command:
 * suspension, activation and history time to live changed through the engine count from the next command. Runs in
 * the API tests' context (see WhatTheEngineRecordsTest) and puts the definition back as it found it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CachedProcessDefinitionsTest {

    @Autowired TicketService tickets;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired CachedProcessDefinitions cache;
    @Autowired JdbcTemplate jdbc;

    private String inquiry;
    private Integer historyTimeToLive;

    @BeforeEach
    void anInquiryIsOpen() {
        String number = openInquiry();
        inquiry = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult()
                .getProcessDefinitionId();
        historyTimeToLive = repositoryService.getProcessDefinition(inquiry).getHistoryTimeToLive();
    }

    @AfterEach
    void putTheDefinitionBack() {
        if (repositoryService.getProcessDefinition(inquiry).isSuspended()) {
            repositoryService.activateProcessDefinitionById(inquiry);
        }
        repositoryService.updateProcessDefinitionHistoryTimeToLive(inquiry, historyTimeToLive);
    }

    @Test
    void aNewTicketsDefinitionIsKept_andAChangeBehindTheEnginesBackIsSeenOnlyLater() {
        assertThat(cache.kept()).as("the inquiry's definition").isPositive();

        // changed behind the engine's back (as another node would): this node goes on with what it read
        jdbc.update("update ACT_RE_PROCDEF set SUSPENSION_STATE_ = 2 where ID_ = ?", inquiry);
        try {
            assertThat(repositoryService.getProcessDefinition(inquiry).isSuspended()).isFalse();
            assertThat(openInquiry()).isNotBlank();
        } finally {
            jdbc.update("update ACT_RE_PROCDEF set SUSPENSION_STATE_ = 1 where ID_ = ?", inquiry);
        }
    }

    @Test
    void aDefinitionSuspendedThroughTheEngineStartsNothing_untilItIsActivatedAgain() {
        repositoryService.suspendProcessDefinitionById(inquiry);

        assertThat(repositoryService.getProcessDefinition(inquiry).isSuspended()).isTrue();
        assertThatThrownBy(() -> runtimeService.startProcessInstanceById(inquiry))
                .isInstanceOf(SuspendedEntityInteractionException.class);

        repositoryService.activateProcessDefinitionById(inquiry);
        assertThat(repositoryService.getProcessDefinition(inquiry).isSuspended()).isFalse();
        assertThat(openInquiry()).isNotBlank();
    }

    @Test
    void aNewHistoryTimeToLiveIsSeenByTheNextCommand_andWrittenToTheRow() {
        repositoryService.updateProcessDefinitionHistoryTimeToLive(inquiry, 42);

        assertThat(repositoryService.getProcessDefinition(inquiry).getHistoryTimeToLive()).isEqualTo(42);
        assertThat(jdbc.queryForObject("select HISTORY_TTL_ from ACT_RE_PROCDEF where ID_ = ?", Integer.class,
                inquiry)).isEqualTo(42);
    }

    @Test
    void aDeletedDeploymentsDefinitionIsForgotten() {
        String deployment = repositoryService.createDeployment().name("throwaway")
                .addModelInstance("throwaway.bpmn", Bpmn.createExecutableProcess("throwaway")
                        .camundaHistoryTimeToLive(1).startEvent().userTask("wait").endEvent().done())
                .deploy().getId();
        String definition = repositoryService.createProcessDefinitionQuery().deploymentId(deployment).singleResult()
                .getId();
        runtimeService.startProcessInstanceById(definition);
        assertThat(repositoryService.getProcessDefinition(definition).getKey()).isEqualTo("throwaway");

        repositoryService.deleteDeployment(deployment, true);

        assertThatThrownBy(() -> repositoryService.getProcessDefinition(definition))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(definition);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceById(definition))
                .isInstanceOf(ProcessEngineException.class);
    }

    private String openInquiry() {
        return tickets.create(new CreateTicketRequest("inquiry", "积分规则", "积分多久过期", Channel.web,
                Priority.normal, null, new CustomerDetails("张三", "zhang@example.com", null, "standard", null),
                Map.of()), TestViewers.ALICE).number();
    }
}
