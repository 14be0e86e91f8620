package io.flowdesk.tickettype;

import io.flowdesk.common.Problems;
import io.flowdesk.engine.WithoutAuthorizationChecks;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Moves the open tickets of a type to the type's newest version with Camunda's process instance migration:
 * activities are mapped by id ({@code mapEqualActivities}), so a ticket waits afterwards in the task of the same id,
 * with its variables, its history and its timers (their due dates as they were: the SLA clocks in Flowdesk's tables
 * are not touched). A ticket whose state has no counterpart in the new version (its task was removed or renamed,
 * a scope changed) cannot move; it stays on its version, which keeps running, and the report says why.
 * <p>
 * Each ticket moves in a transaction of its own, so that one that cannot move does not hold back the others. A dry
 * run does exactly the same and rolls every transaction back: what it reports is what a real run would do now.
 * Each moved ticket gets a timeline entry ({@link TicketMovedToVersion}, in the same transaction).
 */
@Service
public class TicketTypeMigration {

    private final TicketTypeCatalog catalog;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final WithoutAuthorizationChecks withoutChecks;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    TicketTypeMigration(TicketTypeCatalog catalog, RepositoryService repository, RuntimeService runtime,
                        WithoutAuthorizationChecks withoutChecks, TransactionTemplate transactions,
                        ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.repository = repository;
        this.runtime = runtime;
        this.withoutChecks = withoutChecks;
        this.transactions = transactions;
        this.events = events;
    }

    /** Moves (or, in a dry run, tries to move) every open ticket of an older version of the type. */
    public MigrationReport migrate(String typeKey, boolean dryRun, String actor) {
        TicketType type = catalog.find(typeKey).orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND,
                "Unknown ticket type", "No ticket type '" + typeKey + "'; ticket types: " + catalog.keys()));
        ProcessDefinition target = withoutChecks.call(() -> repository.getProcessDefinition(type.processDefinitionId()));
        Map<Integer, Integer> movedByVersion = new TreeMap<>();
        List<MigrationReport.Stuck> stuck = new ArrayList<>();
        for (ProcessDefinition source : olderVersions(target)) {
            List<ProcessInstance> tickets = openTickets(source);
            if (tickets.isEmpty()) {
                continue;
            }
            MigrationPlan plan;
            try {
                plan = withoutChecks.call(() -> runtime.createMigrationPlan(source.getId(), target.getId())
                        .mapEqualActivities().build());
            } catch (MigrationPlanValidationException e) {
                List<String> reasons = reasons(e.getValidationReport().getInstructionReports().stream()
                        .map(report -> named("instruction " + report.getMigrationInstruction(),
                                report.getFailures())));
                tickets.forEach(ticket -> stuck.add(new MigrationReport.Stuck(ticket.getBusinessKey(),
                        source.getVersion(), reasons)));
                continue;
            }
            Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
                    .collect(Collectors.toSet());
            for (ProcessInstance ticket : tickets) {
                List<String> unmapped = unmapped(ticket, mapped);
                List<String> reasons = !unmapped.isEmpty() ? unmapped
                        : move(plan, ticket, source, target, dryRun, actor);
                if (reasons.isEmpty()) {
                    movedByVersion.merge(source.getVersion(), 1, Integer::sum);
                } else {
                    stuck.add(new MigrationReport.Stuck(ticket.getBusinessKey(), source.getVersion(), reasons));
                }
            }
        }
        return MigrationReport.of(type.key(), target.getVersion(), dryRun, movedByVersion, stuck);
    }

    /** Why the ticket cannot move, or nothing once it has (a dry run: would have) moved. */
    private List<String> move(MigrationPlan plan, ProcessInstance ticket, ProcessDefinition source,
                              ProcessDefinition target, boolean dryRun, String actor) {
        return transactions.execute(transaction -> {
            try {
                withoutChecks.run(() -> runtime.newMigration(plan).processInstanceIds(ticket.getId()).execute());
                events.publishEvent(new TicketMovedToVersion(ticket.getBusinessKey(), source.getVersion(),
                        target.getVersion(), actor));
                if (dryRun) {
                    transaction.setRollbackOnly();
                }
                return List.of();
            } catch (MigratingProcessInstanceValidationException e) {
                transaction.setRollbackOnly();
                return reasons(Stream.concat(
                        e.getValidationReport().getActivityInstanceReports().stream()
                                .map(report -> named(report.getSourceScopeId(), report.getFailures())),
                        e.getValidationReport().getTransitionInstanceReports().stream()
                                .map(report -> named(report.getSourceScopeId(), report.getFailures()))));
            }
        });
    }

    /**
     * The steps the ticket is in that the new version has no step of the same id for: it cannot move, and trying
     * would only have Camunda log its refusal as an error. Other refusals come from the move itself.
     */
    private List<String> unmapped(ProcessInstance ticket, Set<String> mapped) {
        ActivityInstance tree = withoutChecks.call(() -> runtime.getActivityInstance(ticket.getId()));
        List<String> unmapped = new ArrayList<>();
        collectUnmapped(tree, mapped, unmapped);
        return unmapped.stream().distinct()
                .map(step -> step + ": the new version has no step with this id to move the ticket to").toList();
    }

    private static void collectUnmapped(ActivityInstance scope, Set<String> mapped, List<String> unmapped) {
        for (ActivityInstance child : scope.getChildActivityInstances()) {
            if (!mapped.contains(child.getActivityId())) {
                unmapped.add(child.getActivityId());
            }
            collectUnmapped(child, mapped, unmapped);
        }
        for (TransitionInstance transition : scope.getChildTransitionInstances()) {
            if (!mapped.contains(transition.getActivityId())) {
                unmapped.add(transition.getActivityId());
            }
        }
    }

    private List<ProcessDefinition> olderVersions(ProcessDefinition target) {
        return withoutChecks.call(() -> repository.createProcessDefinitionQuery()
                        .processDefinitionKey(target.getKey()).list()).stream()
                .filter(definition -> definition.getVersion() < target.getVersion())
                .filter(definition -> same(definition.getTenantId(), target.getTenantId()))
                .sorted(Comparator.comparingInt(ProcessDefinition::getVersion))
                .toList();
    }

    /** The running tickets of a version: its instances with a business key (the ticket's number). */
    private List<ProcessInstance> openTickets(ProcessDefinition source) {
        return withoutChecks.call(() -> runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
                        .list()).stream()
                .filter(instance -> instance.getBusinessKey() != null)
                .sorted(Comparator.comparing(ProcessInstance::getBusinessKey))
                .toList();
    }

    /** Camunda's failures of one element, each prefixed with the element ("acceptInquiry: There is no ..."). */
    private static List<String> named(String element, List<String> failures) {
        return failures.stream().map(failure -> element + ": " + failure).toList();
    }

    private static List<String> reasons(Stream<List<String>> failures) {
        List<String> reasons = failures.flatMap(List::stream).distinct().toList();
        return reasons.isEmpty() ? List.of("Camunda's migration refused it without a reason") : reasons;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
