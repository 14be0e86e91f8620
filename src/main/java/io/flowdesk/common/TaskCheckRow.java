package io.flowdesk.common;

/** What Camunda's per-row read check of a task query looks at: the task, its process definition, its case. */
record TaskCheckRow(String id, String processDefinitionId, String caseExecutionId) {
}
