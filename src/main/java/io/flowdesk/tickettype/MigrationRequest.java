package io.flowdesk.tickettype;

import jakarta.validation.constraints.NotNull;

/** {@code dryRun}: true reports what would happen and changes nothing; false moves the tickets. Required. */
public record MigrationRequest(@NotNull Boolean dryRun) {
}
