package io.flowdesk.portal;

import io.flowdesk.ticket.Satisfaction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** What the portal's pages send. Limits as the ticket's own columns have them. */
final class PortalRequests {

    private PortalRequests() {
    }

    /** A new request: one of the offered types, what it is about, who to answer, the type's fields. */
    public record NewRequest(
            @NotBlank @Size(max = 64) String type,
            @NotBlank @Size(max = 200) String subject,
            @NotBlank @Size(max = 10_000) String description,
            @NotNull @Valid Contact contact,
            @Size(max = 50) Map<@NotBlank @Size(max = 64) String, @Size(max = 1000) String> fields) {
    }

    /** The customer: an e-mail address is needed, to follow the request by it and to hear back. */
    public record Contact(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*", message = "must be a phone number") String phone) {
    }

    /** Following a ticket by its number and the customer's e-mail address. */
    public record Lookup(@NotBlank @Size(max = 32) String number, @NotBlank @Size(max = 254) String email) {
    }

    /** The customer's answer. */
    public record Message(@NotBlank @Size(max = 10_000) String body) {
    }

    public record Rating(
            @NotNull @Min(Satisfaction.LOWEST) @Max(Satisfaction.HIGHEST) Integer score,
            @Size(max = Satisfaction.COMMENT_LENGTH) String comment) {
    }
}
