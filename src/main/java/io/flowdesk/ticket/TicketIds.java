package io.flowdesk.ticket;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Ticket ids, known before the ticket is stored, so that a new ticket is written once, when its transaction
 * commits, with what its process start decided (group, assignee, status): one insert, where an id from the
 * database would need the insert at once and an update of four indexed columns at commit.
 * <p>
 * Ids come in blocks of {@value #BLOCK}: a block is a row of {@code ticket_id_block}, and its auto-increment
 * number n says which ids it holds, (n - 1) * {@value #BLOCK} + 1 to n * {@value #BLOCK}. The row is inserted on
 * the connection of the transaction that needs the block, so no second connection is taken (an id table that did
 * so deadlocked the pool under load, see benchmark/README.md), and no lock is waited for: auto-increment numbers
 * are handed out at once and never twice, even when the transaction rolls back. A node uses its blocks alone;
 * ids it has not used when it stops are skipped, so numbers have gaps and, with several nodes, are not quite in
 * order of creation (lists sort by creation time).
 */
@Component
public class TicketIds {

    /** Never to change: the blocks already reserved were counted in it (migration V5 starts after them). */
    public static final int BLOCK = 32;

    private static final String RESERVE = "insert into ticket_id_block (reserved_at) values (?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** Held over one insert per block: it waits for no other transaction's locks (see class comment). */
    private final ReentrantLock lock = new ReentrantLock();
    private long next;
    private long end;

    TicketIds(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The next free id; in a transaction, a new block is reserved on its connection. That connection is taken before
     * the lock: a thread that held the lock while it waited for a connection from a full pool would wait for the
     * very requests that hold the pool's connections and queue on the lock behind it (seen in a burst of 500
     * creates: every create stuck until the pool's 30 s timeout, two answered 500).
     */
    long next() {
        lock.lock();
        try {
            if (next < end) {
                return next++;
            }
        } finally {
            lock.unlock();
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> null); // the transaction's connection, outside the lock
        lock.lock();
        try {
            if (next == end) {
                long block = reserveBlock();
                next = firstIdOf(block);
                end = next + BLOCK;
            }
            return next++;
        } finally {
            lock.unlock();
        }
    }

    public static long firstIdOf(long block) {
        return (block - 1) * BLOCK + 1;
    }

    /** The first block whose ids all lie above the given one (migration V5, on a database with tickets). */
    public static long firstBlockAbove(long maxId) {
        return Math.floorDiv(maxId + BLOCK - 1, BLOCK) + 1;
    }

    private long reserveBlock() {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(RESERVE, Statement.RETURN_GENERATED_KEYS);
            insert.setObject(1, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            return insert;
        }, key);
        Number block = key.getKey();
        if (block == null) {
            throw new IllegalStateException("ticket_id_block gave no number");
        }
        return block.longValue();
    }
}
