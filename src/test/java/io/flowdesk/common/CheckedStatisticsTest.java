package io.flowdesk.common;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.management.IncidentStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics of a process definition count, for a user who may read only some of its instances (an agent or a
 * supervisor of one department), only those instances, their failed jobs and their incidents; for a user who may
 * read every instance, all of them, as Camunda does.
 */
class CheckedStatisticsTest {

    private ProcessEngine engine;
    private List<ProcessInstance> instances;

    @BeforeEach
    void threeTicketsOfOneType() {
        StandaloneInMemProcessEngineConfiguration configuration = AuthorizedEngines.onH2("checked-statistics");
        configuration.getProcessEnginePlugins().add(new AuthorizationChecks(InheritedGrants.NONE));
        configuration.getProcessEnginePlugins().add(new CheckedStatistics());
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("ticket.bpmn",
                Bpmn.createExecutableProcess("ticket").startEvent().camundaAsyncBefore()
                        .userTask("work").endEvent().done()).deploy();
        instances = List.of("TK-1", "TK-2", "TK-3").stream()
                .map(key -> engine.getRuntimeService().startProcessInstanceByKey("ticket", key)).toList();
        // the first two fail their first step (a failed-job incident each); the first and the third get one more
        engine.getManagementService().createJobQuery().list().stream()
                .filter(job -> !job.getProcessInstanceId().equals(instances.get(2).getId()))
                .forEach(job -> engine.getManagementService().setJobRetries(job.getId(), 0));
        engine.getRuntimeService().createIncident("ticketStuck", instances.get(0).getId(), "first");
        engine.getRuntimeService().createIncident("ticketStuck", instances.get(2).getId(), "third");
        grant("tech", Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        grant("tech", Resources.PROCESS_INSTANCE, instances.get(0).getId(), Permissions.READ);
        grant("managers", Resources.PROCESS_DEFINITION, "*", Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void a_department_counts_only_the_instances_it_may_read() {
        ProcessDefinitionStatistics ticket = statisticsAs("tom", "tech");

        assertThat(ticket.getInstances()).isEqualTo(1);
        assertThat(ticket.getFailedJobs()).isEqualTo(1);
        assertThat(incidents(ticket)).isEqualTo(Map.of("ticketStuck", 1, "failedJob", 1));
    }

    @Test
    void a_manager_who_reads_every_instance_counts_them_all() {
        ProcessDefinitionStatistics ticket = statisticsAs("mia", "managers");

        assertThat(ticket.getInstances()).isEqualTo(3);
        assertThat(ticket.getFailedJobs()).isEqualTo(2);
        assertThat(incidents(ticket)).isEqualTo(Map.of("ticketStuck", 2, "failedJob", 2));
    }

    @Test
    void a_department_that_may_read_no_instance_counts_none() {
        grant("finance", Resources.PROCESS_DEFINITION, "*", Permissions.READ);

        ProcessDefinitionStatistics ticket = statisticsAs("fiona", "finance");

        assertThat(ticket.getInstances()).isZero();
        assertThat(ticket.getFailedJobs()).isZero();
        assertThat(ticket.getIncidentStatistics()).isEmpty();
    }

    private ProcessDefinitionStatistics statisticsAs(String user, String group) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            List<ProcessDefinitionStatistics> statistics = engine.getManagementService()
                    .createProcessDefinitionStatisticsQuery().includeFailedJobs().includeRootIncidents().list();
            assertThat(statistics).hasSize(1);
            return statistics.get(0);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static Map<String, Integer> incidents(ProcessDefinitionStatistics definition) {
        return definition.getIncidentStatistics().stream()
                .collect(Collectors.toMap(IncidentStatistics::getIncidentType, IncidentStatistics::getIncidentCount));
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        engine.getAuthorizationService().saveAuthorization(grant);
    }
}
