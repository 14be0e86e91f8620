package io.flowdesk.security;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisorsHoldTheirDepartmentsGrantsTest {

    final SupervisorsHoldTheirDepartmentsGrants inherited = new SupervisorsHoldTheirDepartmentsGrants();
    final int work = Permissions.READ.getValue() | TaskPermissions.TASK_WORK.getValue();

    @Test
    void a_supervisor_holds_the_grants_of_the_department_they_supervise_and_nobody_else_holds_more() {
        assertThat(inherited.groupsHeld(List.of("tech-supervisors"))).containsExactly("tech-supervisors", "tech");
        assertThat(inherited.groupsHeld(List.of("support-supervisors", "support")))
                .containsExactly("support-supervisors", "support");
        assertThat(inherited.groupsHeld(List.of("tech", "managers"))).containsExactly("tech", "managers");
        assertThat(inherited.groupsHeld(List.of())).isEmpty();
    }

    @Test
    void on_the_tasks_their_department_works_a_supervisor_also_reassigns() {
        int task = Resources.TASK.resourceType();
        assertThat(inherited.permissions(task, "tech", work, List.of("tech-supervisors")))
                .isEqualTo(work | TaskPermissions.TASK_ASSIGN.getValue());
        assertThat(inherited.permissions(task, "tech", work, List.of("tech"))).as("an agent").isEqualTo(work);
        assertThat(inherited.permissions(task, "tech", work, List.of("support-supervisors")))
                .as("another department's supervisor").isEqualTo(work);
        assertThat(inherited.permissions(Resources.PROCESS_INSTANCE.resourceType(), "tech", 2,
                List.of("tech-supervisors"))).as("not on the ticket's process").isEqualTo(2);
    }
}
