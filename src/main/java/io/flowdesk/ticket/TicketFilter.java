package io.flowdesk.ticket;

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
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdTo,
        @Pattern(regexp = "breached|at_risk", message = "must be breached or at_risk") String sla,
        @Min(Satisfaction.LOWEST) @Max(Satisfaction.HIGHEST) Integer satisfaction,
        Boolean rated) {
}
