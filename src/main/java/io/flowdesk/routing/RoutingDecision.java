package io.flowdesk.routing;

/** Where a ticket goes: a group (department) and, optionally, the skill its agent must have. */
public record RoutingDecision(String group, String requiredSkill) {
}
