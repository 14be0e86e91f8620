package io.flowdesk.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** A new ticket as a client describes it, whatever the entry. */
public record CreateTicketRequest(
        @NotBlank @Size(max = 64) String type,
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 10_000) String description,
        Channel channel,
        Priority priority,
        @Size(max = 100) String category,
        @NotNull @Valid CustomerDetails customer,
        @Size(max = 50) Map<@NotBlank @Size(max = 64) String, @Size(max = 1000) String> fields) {

    public record CustomerDetails(
            @NotBlank @Size(max = 100) String name,
            @Email @Size(max = 254) String email,
            @Size(max = 40) String phone,
            @Pattern(regexp = "^[a-z][a-z0-9_-]{0,31}$",
                    message = "must be a lower-case tier name such as vip or standard")
            String tier,
            @Size(max = 64) String region) {
    }

    public static final String DEFAULT_TIER = "standard";

    /** The same request with these custom fields. */
    public CreateTicketRequest withFields(Map<String, String> fields) {
        return new CreateTicketRequest(type, subject, description, channel, priority, category, customer, fields);
    }

    public NewTicket toNewTicket(Channel defaultChannel, String externalReference) {
        return new NewTicket(
                type,
                subject.strip(),
                description,
                channel == null ? defaultChannel : channel,
                priority == null ? Priority.normal : priority,
                category,
                new Customer(customer.name().strip(), blankToNull(customer.email()), blankToNull(customer.phone()),
                        customer.tier() == null ? DEFAULT_TIER : customer.tier(), blankToNull(customer.region())),
                fields == null ? Map.of() : fields,
                externalReference);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
