package io.flowdesk.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A public reply (the customer sees it) or an internal note (only staff do). */
public record CommentRequest(
        @NotNull Visibility visibility,
        @NotBlank @Size(max = 10_000) String body) {

    public enum Visibility {
        @JsonProperty("public") PUBLIC,
        @JsonProperty("internal") INTERNAL;

        @Override
        public String toString() {
            return name().toLowerCase();
        }
    }
}
