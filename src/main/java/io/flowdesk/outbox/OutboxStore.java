package io.flowdesk.outbox;

import io.flowdesk.outbox.OutboxMessage.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The {@code outbox_message} table, in SQL that H2 and MySQL/MariaDB both run. A node takes a message by a conditional
 * update (a claim until a time), not by a row lock: {@code select ... for update skip locked} is not H2's, and a claim
 * that runs out lets another node deliver a message whose node died halfway.
 */
@Repository
class OutboxStore {

    private static final String COLUMNS = "id, channel, destination, ordering_key, message_type, external_id, payload,"
            + " status, attempts, created_at, next_attempt_at, last_attempt_at, last_error, settled_at";
    private static final String UNDELIVERED = "('PENDING', 'FAILED')";
    private static final int ERROR_LENGTH = 1000;

    private final JdbcTemplate jdbc;

    OutboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the messages in the caller's transaction, in one batch, in this order (their ids follow it). */
    void insert(List<NewMessage> messages, Instant now) {
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (NewMessage message : messages) {
            rows.add(new Object[]{message.channel(), message.destination(), message.key(), message.type(),
                    message.externalId(), message.payload().get(), utc(now), utc(now)});
        }
        jdbc.batchUpdate("insert into outbox_message (channel, destination, ordering_key, message_type, external_id,"
                + " payload, status, attempts, created_at, next_attempt_at)"
                + " values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)", rows);
    }

    /**
     * The channel's messages that may go now, oldest first: due, not claimed by a node, and each the first undelivered
     * one of its destination and key (a failed one holds back those behind it); none for the destinations passed over.
     */
    @Transactional(readOnly = true)
    public List<OutboxMessage> dueHeads(String channel, Instant now, int limit, Collection<String> passedOver) {
        List<Object> arguments = new ArrayList<>(List.of(channel, utc(now), utc(now)));
        arguments.addAll(passedOver);
        arguments.add(limit);
        String notPassedOver = passedOver.isEmpty() ? ""
                : " and m.destination not in (" + String.join(", ", Collections.nCopies(passedOver.size(), "?")) + ")";
        return jdbc.query("select " + COLUMNS + " from outbox_message m where m.channel = ? and m.status in "
                + UNDELIVERED + " and m.next_attempt_at <= ? and (m.claimed_until is null or m.claimed_until < ?)"
                + notPassedOver + " and not exists (select 1 from outbox_message e where e.channel = m.channel"
                + " and e.destination = m.destination and e.ordering_key = m.ordering_key and e.status in "
                + UNDELIVERED + " and e.id < m.id) order by m.id limit ?", MESSAGE, arguments.toArray());
    }

    /** Takes the message for this node until a time; false if another node has it, or it was settled meanwhile. */
    @Transactional
    public boolean claim(long id, String node, Instant until, Instant now) {
        return jdbc.update("update outbox_message set claimed_by = ?, claimed_until = ? where id = ? and status in "
                + UNDELIVERED + " and (claimed_until is null or claimed_until < ?)",
                node, utc(until), id, utc(now)) == 1;
    }

    @Transactional
    public void delivered(long id, String node, Instant now) {
        jdbc.update("update outbox_message set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?,"
                + " settled_at = ?, claimed_by = null, claimed_until = null where id = ? and claimed_by = ?",
                utc(now), utc(now), id, node);
    }

    @Transactional
    public void failed(long id, String node, Instant now, Instant nextAttemptAt, String error) {
        jdbc.update("update outbox_message set status = 'FAILED', attempts = attempts + 1, last_attempt_at = ?,"
                + " next_attempt_at = ?, last_error = ?, claimed_by = null, claimed_until = null"
                + " where id = ? and claimed_by = ?", utc(now), utc(nextAttemptAt), clip(error), id, node);
    }

    @Transactional
    public void dropped(long id, String node, Instant now, String why) {
        jdbc.update("update outbox_message set status = 'CANCELLED', attempts = attempts + 1, last_attempt_at = ?,"
                + " settled_at = ?, last_error = ?, claimed_by = null, claimed_until = null"
                + " where id = ? and claimed_by = ?", utc(now), utc(now), clip(why), id, node);
    }

    /** Makes the destination's failed messages due now (every destination's, for none); how many. */
    @Transactional
    public int retryNow(String channel, String destination, Instant now) {
        if (destination == null) {
            return jdbc.update("update outbox_message set next_attempt_at = ? where channel = ? and status = 'FAILED'",
                    utc(now), channel);
        }
        return jdbc.update("update outbox_message set next_attempt_at = ? where channel = ? and destination = ?"
                + " and status = 'FAILED'", utc(now), channel, destination);
    }

    /** Cancels what the destination has not been delivered yet (in the caller's transaction). */
    int cancel(String channel, String destination, Instant now) {
        return jdbc.update("update outbox_message set status = 'CANCELLED', settled_at = ? where channel = ?"
                + " and destination = ? and status in " + UNDELIVERED, utc(now), channel, destination);
    }

    /** Deletes the messages delivered or cancelled before that time; how many. */
    @Transactional
    public int deleteSettledBefore(Instant before) {
        return jdbc.update("delete from outbox_message where settled_at < ?", utc(before));
    }

    /**
     * The destination's messages (every destination's of the channel, for none), newest first, those of one status
     * only if it is given.
     */
    @Transactional(readOnly = true)
    public List<OutboxMessage> list(String channel, String destination, Status status, int offset, int limit) {
        List<Object> arguments = whereArguments(channel, destination, status);
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.query("select " + COLUMNS + " from outbox_message" + where(destination, status)
                + " order by id desc limit ? offset ?", MESSAGE, arguments.toArray());
    }

    @Transactional(readOnly = true)
    public long count(String channel, String destination, Status status) {
        Long count = jdbc.queryForObject("select count(*) from outbox_message" + where(destination, status),
                Long.class, whereArguments(channel, destination, status).toArray());
        return count == null ? 0 : count;
    }

    private static String where(String destination, Status status) {
        return " where channel = ?" + (destination == null ? "" : " and destination = ?")
                + (status == null ? "" : " and status = ?");
    }

    private static List<Object> whereArguments(String channel, String destination, Status status) {
        List<Object> arguments = new ArrayList<>(List.of(channel));
        if (destination != null) {
            arguments.add(destination);
        }
        if (status != null) {
            arguments.add(status.name());
        }
        return arguments;
    }

    /** For each destination of the channel with messages not delivered yet: how many are pending and failed. */
    @Transactional(readOnly = true)
    public List<Undelivered> undelivered(String channel) {
        return jdbc.query("select destination, sum(case when status = 'PENDING' then 1 else 0 end),"
                + " sum(case when status = 'FAILED' then 1 else 0 end) from outbox_message where channel = ?"
                + " and status in " + UNDELIVERED + " group by destination",
                (rs, row) -> new Undelivered(rs.getString(1), rs.getLong(2), rs.getLong(3)), channel);
    }

    record Undelivered(String destination, long pending, long failed) {
    }

    private static final RowMapper<OutboxMessage> MESSAGE = (rs, row) -> new OutboxMessage(rs.getLong("id"),
            rs.getString("channel"), rs.getString("destination"), rs.getString("ordering_key"),
            rs.getString("message_type"), rs.getString("external_id"), rs.getString("payload"),
            Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "created_at"),
            instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"), rs.getString("last_error"),
            instant(rs, "settled_at"));

    /** As Hibernate and the timeline write Instants (hibernate.jdbc.time_zone: UTC): the UTC wall-clock time. */
    private static LocalDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDateTime();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static String clip(String text) {
        return text == null || text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }
}
