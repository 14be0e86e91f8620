package io.flowdesk.ticket;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A customer request. Its workflow runs as a Camunda process whose business key is the ticket number. */
@Entity
@Table(name = "ticket")
public class Ticket {

    public static final String INITIAL_STATUS = "new";
    public static final String RESOLVED = "resolved";
    public static final String CLOSED = "closed";

    /** From {@link TicketIds}, before the ticket is stored; the ticket number is made from it ({@link TicketNumbers}). */
    @Id
    private Long id;

    @Version
    private Long version;

    @Column(name = "ticket_type", nullable = false, length = 64)
    private String type;

    @Column(nullable = false, length = 200)
    private String subject;

    @Column(length = 10_000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Channel channel;

    @Embedded
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Priority priority;

    @Column(length = 100)
    private String category;

    @Column(nullable = false, length = 40)
    private String status = INITIAL_STATUS;

    @Column(length = 64)
    private String assignee;

    @Column(name = "assigned_group", length = 64)
    private String group;

    @Column(name = "external_reference", length = 255)
    private String externalReference;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    /** Who opened it: the agent or system that called the API or started its process. */
    @Column(name = "opened_by", length = 64)
    private String openedBy;

    /**
     * The departments that have held the ticket before the one that holds it now ({@link #group}), or were offered
     * its work: they see it (and their supervisors). Read only when asked (a hand-off to another department, a viewer
     * outside the department that holds it now). Rows of tickets opened before 2026-12-06 also name the department
     * that holds the ticket now.
     */
    @ElementCollection
    @CollectionTable(name = "ticket_department", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "department", length = 64, nullable = false)
    private Set<String> departments = new HashSet<>();

    /** JSON, see {@link CustomFields}; null for none. */
    @Column(name = "custom_fields", length = CustomFields.MAX_LENGTH)
    private String customFields;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    private Instant firstResponseAt;

    private Instant resolvedAt;

    private Instant closedAt;

    /** Null until the customer rates the resolved ticket (all three columns null). */
    @Embedded
    private Satisfaction satisfaction;

    protected Ticket() {
    }

    Ticket(long id, NewTicket request, String group, String openedBy, Instant now) {
        this.id = id;
        this.openedBy = openedBy;
        this.type = request.type();
        this.subject = request.subject();
        this.description = request.description();
        this.channel = request.channel();
        this.priority = request.priority();
        this.category = request.category();
        this.customer = request.customer();
        this.group = group;
        this.externalReference = request.externalReference();
        this.customFields = CustomFields.write(request.fields());
        this.createdAt = now;
        this.updatedAt = now;
    }

    void linkProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Moves the ticket to a status; the resolved and closed statuses stamp their time. */
    void changeStatus(String newStatus, Instant now) {
        status = newStatus;
        if (RESOLVED.equals(newStatus)) {
            resolvedAt = now;
        }
        if (CLOSED.equals(newStatus)) {
            if (resolvedAt == null) {
                resolvedAt = now;
            }
            closedAt = now;
        } else {
            closedAt = null;
        }
        touch(now);
    }

    /** The department held the ticket (or was offered its work); true if it was not recorded yet. */
    boolean heldBy(String department) {
        return departments.add(department);
    }

    /** Whether the department held the ticket before (or was offered its work), not counting its group now. */
    boolean heldBefore(String department) {
        return departments.contains(department);
    }

    /**
     * Whether one of the departments holds or has held the ticket. The department that holds it now answers
     * without reading the others (its group); those it held before are recorded when it leaves them.
     */
    public boolean isOrWasHeldByAnyOf(Set<String> candidates) {
        return candidates.contains(group) || departments.stream().anyMatch(candidates::contains);
    }

    void moveToGroup(String newGroup, Instant now) {
        group = newGroup;
        touch(now);
    }

    void assignTo(String userId, Instant now) {
        assignee = userId;
        touch(now);
    }

    void changePriority(Priority newPriority, Instant now) {
        priority = newPriority;
        touch(now);
    }

    /** The first time the customer hears from us: acceptance (受理) or the first public reply. */
    void recordFirstResponse(Instant now) {
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
        touch(now);
    }

    void touch(Instant now) {
        updatedAt = now;
    }

    /** Resolved or closed: the customer may rate it (once). */
    public boolean isResolvedOrClosed() {
        return RESOLVED.equals(status) || CLOSED.equals(status);
    }

    void rate(int score, String comment, Instant now) {
        satisfaction = new Satisfaction(score, comment, now);
        touch(now);
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return id == null ? null : TicketNumbers.format(id);
    }

    public String getType() {
        return type;
    }

    public String getSubject() {
        return subject;
    }

    public String getDescription() {
        return description;
    }

    public Channel getChannel() {
        return channel;
    }

    public Customer getCustomer() {
        return customer;
    }

    public Priority getPriority() {
        return priority;
    }

    public String getCategory() {
        return category;
    }

    public String getStatus() {
        return status;
    }

    public String getAssignee() {
        return assignee;
    }

    public String getGroup() {
        return group;
    }

    public String getExternalReference() {
        return externalReference;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Map<String, String> getFields() {
        return CustomFields.read(customFields);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getFirstResponseAt() {
        return firstResponseAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    /** The customer's rating, or null while there is none. */
    public Satisfaction getSatisfaction() {
        return satisfaction;
    }
}
