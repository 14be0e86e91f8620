package io.flowdesk.ticket;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out ticket ids, from which ticket numbers are made. The id must be known before the ticket row is
 * inserted, because the number is stored in the same insert. Ids are reserved from the database in blocks,
 * in a transaction of their own, so that concurrent creates (on every node) never share one and most creates
 * cost no extra round trip. A block left unused at shutdown leaves a gap in the numbers, as in most desks.
 */
@Component
class TicketNumberAllocator {

    private static final String SEQUENCE = "ticket";
    private static final int BLOCK_SIZE = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private long next;
    private long limit;

    TicketNumberAllocator(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    synchronized long nextId() {
        if (next >= limit) {
            long blockStart = reserveBlock();
            next = blockStart;
            limit = blockStart + BLOCK_SIZE;
        }
        return next++;
    }

    private long reserveBlock() {
        Long start = ownTransaction.execute(status -> {
            Long current = jdbc.queryForObject(
                    "select next_val from id_sequence where sequence_name = ? for update", Long.class, SEQUENCE);
            jdbc.update("update id_sequence set next_val = ? where sequence_name = ?", current + BLOCK_SIZE, SEQUENCE);
            return current;
        });
        return start == null ? 1 : start;
    }
}
