package io.flowdesk.tickettype;

import io.flowdesk.common.BpmnProperties;
import io.flowdesk.common.LatestDefinitions;
import io.flowdesk.engine.WithoutAuthorizationChecks;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The ticket types in force: the latest, active version of every process an analyst marked as a ticket type. */
@Service
public class TicketTypeCatalog {

    private static final Logger log = LoggerFactory.getLogger(TicketTypeCatalog.class);

    private final RepositoryService repositoryService;
    private final LatestDefinitions latest;
    private final WithoutAuthorizationChecks withoutChecks;
    /** A deployed definition never changes, so what we read from its model is kept by definition id. */
    private final Map<String, Optional<TicketType>> byDefinitionId = new ConcurrentHashMap<>();

    TicketTypeCatalog(RepositoryService repositoryService, LatestDefinitions latest,
                      WithoutAuthorizationChecks withoutChecks) {
        this.repositoryService = repositoryService;
        this.latest = latest;
        this.withoutChecks = withoutChecks;
    }

    /** Every ticket type, whoever asks: the types are no secret, and every role that opens tickets may start them. */
    public List<TicketType> all() {
        return withoutChecks.call(() -> repositoryService.createProcessDefinitionQuery().latestVersion().active()
                        .list()).stream()
                .map(this::describe)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(TicketType::key))
                .toList();
    }

    public Optional<TicketType> find(String key) {
        return latest.process(key).flatMap(this::describe);
    }

    public List<String> keys() {
        return all().stream().map(TicketType::key).toList();
    }

    private Optional<TicketType> describe(ProcessDefinition definition) {
        Optional<TicketType> known = byDefinitionId.get(definition.getId());
        if (known != null) {
            return known;
        }
        // read outside the map's lock: the read may wait for a database connection (see KeptValues)
        Optional<TicketType> read = withoutChecks.call(() -> readModel(definition));
        Optional<TicketType> first = byDefinitionId.putIfAbsent(definition.getId(), read);
        return first == null ? read : first;
    }

    private Optional<TicketType> readModel(ProcessDefinition definition) {
        Process process = repositoryService.getBpmnModelInstance(definition.getId())
                .getModelElementById(definition.getKey());
        Map<String, String> properties = properties(process);
        if (!Boolean.parseBoolean(properties.get(BpmnProperties.TICKET_TYPE))) {
            return Optional.empty();
        }
        String description = process.getDocumentations().stream()
                .map(Documentation::getTextContent).map(String::strip).collect(Collectors.joining("\n"));
        return Optional.of(new TicketType(definition.getKey(),
                definition.getName() != null ? definition.getName() : definition.getKey(),
                description.isEmpty() ? null : description,
                definition.getVersion(),
                properties.getOrDefault(BpmnProperties.DEFAULT_GROUP, BpmnProperties.FALLBACK_GROUP),
                fields(definition, properties), definition.getId()));
    }

    /**
     * The custom fields the process declares, in the order it declares them. A declaration that does not parse is
     * left out here with a warning (deployment refuses such a model; one deployed before that check keeps working).
     */
    private static List<TicketField> fields(ProcessDefinition definition, Map<String, String> properties) {
        List<TicketField> fields = new ArrayList<>();
        properties.forEach((name, declaration) -> {
            if (name.startsWith(TicketField.PROPERTY_PREFIX)) {
                try {
                    fields.add(TicketField.declared(name.substring(TicketField.PROPERTY_PREFIX.length()), declaration));
                } catch (IllegalArgumentException e) {
                    log.warn("{}: ignoring {}: {}", definition.getId(), name, e.getMessage());
                }
            }
        });
        return fields;
    }

    private static Map<String, String> properties(Process process) {
        ExtensionElements extensions = process.getExtensionElements();
        if (extensions == null) {
            return Map.of();
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> property.getCamundaName() != null && property.getCamundaValue() != null)
                .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue,
                        (first, second) -> first, LinkedHashMap::new));
    }
}
