package io.flowdesk.ticket;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;

/**
 * List filters; each one given narrows the list, none given lists every ticket. {@code satisfaction}: the customer's
 * score (1-5); {@code rated}: whether the customer rated the ticket at all.
 */
public record TicketFilter(
        @Size(max = 40) String status,
        @Size(max = 64) String type,
        @Size(max = 64) String group,
        @Size(max = 64) String assignee,
        @Size(max = 254) String customerEmail,
        @Schema(description = "Created at or after this instant")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdFrom,
        @Schema(description = "Created before this instant")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdTo,
        @Schema(allowableValues = {"breached", "at_risk"},
                description = "breached: an SLA clock breached; at_risk: one warned, neither met nor breached")
        @Pattern(regexp = "breached|at_risk", message = "must be breached or at_risk") String sla,
        @Schema(description = "The customer's satisfaction score, 1 to 5") @Min(Satisfaction.LOWEST)
        @Max(Satisfaction.HIGHEST) Integer satisfaction,
        @Schema(description = "true: rated by the customer; false: not rated (yet)") Boolean rated) {
}
