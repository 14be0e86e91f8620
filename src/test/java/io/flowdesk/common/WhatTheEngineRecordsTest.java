package io.flowdesk.common;

import io.flowdesk.security.TestViewers;
import io.flowdesk.ticket.Channel;
import io.flowdesk.ticket.CreateTicketRequest;
import io.flowdesk.ticket.CreateTicketRequest.CustomerDetails;
import io.flowdesk.ticket.Priority;
import io.flowdesk.ticket.TicketService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine writes beside its runtime state. History level "tasks": process, task and wait-state history,
 * not the engine's plumbing; no task-worker metric. Runs in the API tests' context: Camunda's engine REST finds its
 * engine by name in a JVM-wide registry, where one more context's engine would take the API tests' place.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WhatTheEngineRecordsTest {

    @Autowired TicketService tickets;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired DataSource dataSource;

    @Test
    void aTicketsHistoryHoldsItsProcessItsTasksAndItsUserTaskSteps_notItsGatewaysOrServiceTasks() {
        String number = openInquiry("积分规则", "积分多久过期");
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult();
        Task accept = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.complete(accept.getId(), Map.of("priority", "normal"));

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).count())
                .isEqualTo(1);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list())
                .extracting(t -> t.getTaskDefinitionKey() + (t.getEndTime() == null ? " open" : " done"))
                .containsExactlyInAnyOrder("acceptInquiry done", "handleInquiry open");
        // passed on the way: the start event, routing and SLA service tasks, the work sub-process, its start event
        // and gateways; none of them is history
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list())
                .extracting(a -> a.getActivityId() + (a.getEndTime() == null ? " open" : " done"))
                .containsExactlyInAnyOrder("acceptInquiry done", "handleInquiry open");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("acceptInquiry").singleResult()).extracting(HistoricActivityInstance::getAssignee)
                .isEqualTo(accept.getAssignee());
        assertThat(managementService.getProperties()).containsEntry("historyLevel", String.valueOf(TaskHistoryLevel.ID));
    }

    @Test
    void assigningATaskWritesNoTaskWorkerMetric() {
        String number = openInquiry("发票", "发票抬头");
        Task accept = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();

        assertThat(accept.getAssignee()).as("assigned by workload").isNotNull();
        assertThat(managementService.getUniqueTaskWorkerCount(null, null)).isZero();
    }

    @Test
    void aDatabaseMadeAtLevelActivityIsMarkedTasks_otherLevelsStayAsTheyAre() throws Exception {
        assertThat(levelAfterMigrationFrom("1")).isEqualTo("11");
        assertThat(levelAfterMigrationFrom("3")).as("full stays full").isEqualTo("3");
        assertThat(levelAfterMigrationFrom("11")).isEqualTo("11");
    }

    private String openInquiry(String subject, String description) {
        return tickets.create(new CreateTicketRequest("inquiry", subject, description, Channel.web, Priority.normal,
                null, new CustomerDetails("张三", "zhang@example.com", null, "standard", null), Map.of()),
                TestViewers.ALICE).number();
    }

    /** On one connection, rolled back: the engine's database keeps its level. */
    private String levelAfterMigrationFrom(String level) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement set = connection.prepareStatement(
                    "update ACT_GE_PROPERTY set VALUE_ = ? where NAME_ = 'historyLevel'")) {
                set.setString(1, level);
                set.executeUpdate();
            }
            new HistoryLevelMigration().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
            try (PreparedStatement read = connection.prepareStatement(
                    "select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'");
                 ResultSet result = read.executeQuery()) {
                result.next();
                return result.getString(1);
            } finally {
                connection.rollback();
            }
        }
    }
}
