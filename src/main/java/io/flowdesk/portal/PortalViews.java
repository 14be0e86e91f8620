package io.flowdesk.portal;

import io.flowdesk.ticket.TicketViews.SatisfactionView;

import java.time.Instant;
import java.util.List;

/**
 * What the portal answers: only what a customer may read. No agent, department, task, SLA clock or internal note
 * has a place in these records.
 */
final class PortalViews {

    private PortalViews() {
    }

    public record TypeView(String key, Bilingual name, List<FieldView> fields) {
    }

    /** A custom field of the type, for the form: {@code type} is text, number, date, boolean or choice. */
    public record FieldView(String name, Bilingual label, String type, boolean required, List<ChoiceView> choices) {
    }

    public record ChoiceView(String value, Bilingual label) {
    }

    public record AttachmentLimits(int maxFiles, long maxFileBytes) {
    }

    /** A ticket and the token of its link: the answer to a new request or a look-up by e-mail. */
    public record TicketKey(String number, String token) {
    }

    /**
     * A ticket as its customer sees it. {@code status} is in the customer's words ({@link CustomerStatus});
     * {@code mayAnswer} while it is not closed; {@code mayRate} once it is resolved or closed and not rated yet.
     */
    public record TicketView(String number, Bilingual type, String subject, String description, String status,
                             ContactView contact, List<FieldValue> fields, List<FileView> attachments,
                             List<Entry> timeline, SatisfactionView satisfaction, boolean mayAnswer, boolean mayRate,
                             Instant createdAt, Instant updatedAt, Instant resolvedAt, Instant closedAt) {
    }

    /** Who the request is from: the name, and the e-mail address half hidden (a link may be passed on). */
    public record ContactView(String name, String email) {
    }

    public record FieldValue(String name, Bilingual label, Bilingual value) {
    }

    public record FileView(long id, String fileName, String contentType, long size, Instant uploadedAt) {
    }

    /**
     * One step of the conversation: {@code submitted}, {@code status} (with the status it moved to), {@code reply}
     * (the desk's answer), {@code message} (the customer's) or {@code rating} (with the score).
     */
    public record Entry(String kind, Instant at, String status, String body, Integer score) {
    }
}
