package io.flowdesk.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One SLA clock of a ticket. It counts working time of its calendar: {@code usedSeconds} holds what was used
 * before the clock last stopped, {@code runningSince} when it last started. Deadlines are derived from these,
 * so a pause moves them by exactly the paused working time.
 */
@Entity
@Table(name = "ticket_sla")
@IdClass(TicketSla.Key.class)
public class TicketSla {

    /**
     * A clock is found by ticket and target, its primary key: the engine's timers and listeners look it up
     * several times per command, and a lookup by key is answered from the persistence context.
     */
    public static class Key implements Serializable {

        private Long ticketId;
        private SlaTarget target;

        protected Key() {
        }

        public Key(Long ticketId, SlaTarget target) {
            this.ticketId = ticketId;
            this.target = target;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(ticketId, key.ticketId) && target == key.target;
        }

        @Override
        public int hashCode() {
            return Objects.hash(ticketId, target);
        }
    }

    @Id
    private Long ticketId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private SlaTarget target;

    @Version
    private Long version;

    @Column(nullable = false, length = 32)
    private String calendar;

    @Column(nullable = false)
    private int targetMinutes;

    @Column(nullable = false)
    private int warningMinutes;

    @Column(nullable = false)
    private int secondLevelMinutes;

    @Column(nullable = false)
    private long usedSeconds;

    private Instant runningSince;

    @Column(nullable = false)
    private Instant startedAt;

    private Instant warnedAt;

    private Instant breachedAt;

    private Instant secondLevelAt;

    private Instant metAt;

    private Instant pausedAt;

    protected TicketSla() {
    }

    TicketSla(Long ticketId, SlaTarget target, SlaTerms terms, Instant now) {
        this.ticketId = ticketId;
        this.target = target;
        restart(terms, now);
    }

    /** A fresh clock with the given terms, from now (a new ticket, or a reopened one). */
    void restart(SlaTerms terms, Instant now) {
        calendar = terms.calendar();
        targetMinutes = terms.minutes(target);
        warningMinutes = Math.max(1, targetMinutes * terms.warningPercent() / 100);
        secondLevelMinutes = Math.max(targetMinutes + 1, targetMinutes * terms.secondLevelPercent() / 100);
        usedSeconds = 0;
        runningSince = now;
        startedAt = now;
        warnedAt = null;
        breachedAt = null;
        secondLevelAt = null;
        metAt = null;
        pausedAt = null;
    }

    boolean isRunning() {
        return runningSince != null;
    }

    /** When this much working time has been used, or null while the clock is stopped. */
    Instant whenUsed(int minutes, BusinessCalendar calendar) {
        if (runningSince == null) {
            return null;
        }
        Duration left = Duration.ofMinutes(minutes).minusSeconds(usedSeconds);
        return left.isNegative() ? runningSince : calendar.addWorkingTime(runningSince, left);
    }

    Duration used(BusinessCalendar calendar, Instant now) {
        Duration used = Duration.ofSeconds(usedSeconds);
        return runningSince == null ? used : used.plus(calendar.workingTimeBetween(runningSince, now));
    }

    void pause(BusinessCalendar calendar, Instant now) {
        if (runningSince != null) {
            usedSeconds = used(calendar, now).toSeconds();
            runningSince = null;
            pausedAt = now;
        }
    }

    void resume(Instant now) {
        if (runningSince == null && pausedAt != null) {
            runningSince = now;
            pausedAt = null;
        }
    }

    /** The target is reached: the clock stops for good. Returns false if it was already met. */
    boolean meet(BusinessCalendar calendar, Instant now) {
        if (metAt != null) {
            return false;
        }
        usedSeconds = used(calendar, now).toSeconds();
        runningSince = null;
        pausedAt = null;
        metAt = now;
        return true;
    }

    boolean warn(Instant now) {
        if (warnedAt != null || metAt != null || breachedAt != null) {
            return false;
        }
        warnedAt = now;
        return true;
    }

    boolean breach(Instant now) {
        if (breachedAt != null || metAt != null) {
            return false;
        }
        breachedAt = now;
        return true;
    }

    boolean escalateSecondLevel(Instant now) {
        if (secondLevelAt != null || metAt != null) {
            return false;
        }
        secondLevelAt = now;
        return true;
    }

    /** met, breached (also when met late), paused, warned or running. */
    String state() {
        if (breachedAt != null) {
            return "breached";
        }
        if (metAt != null) {
            return "met";
        }
        if (runningSince == null) {
            return "paused";
        }
        return warnedAt != null ? "warned" : "running";
    }

    public Long getTicketId() {
        return ticketId;
    }

    public SlaTarget getTarget() {
        return target;
    }

    public String getCalendar() {
        return calendar;
    }

    public int getTargetMinutes() {
        return targetMinutes;
    }

    public int getWarningMinutes() {
        return warningMinutes;
    }

    public int getSecondLevelMinutes() {
        return secondLevelMinutes;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getWarnedAt() {
        return warnedAt;
    }

    public Instant getBreachedAt() {
        return breachedAt;
    }

    public Instant getSecondLevelAt() {
        return secondLevelAt;
    }

    public Instant getMetAt() {
        return metAt;
    }

    public Instant getPausedAt() {
        return pausedAt;
    }
}
