package io.flowdesk.ticket;

import io.flowdesk.security.TestViewers;
import io.flowdesk.ticket.TicketViews.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timeline entries wait for their transaction: one batch at commit, nothing after a rollback, seen by its reads. So
 * does a new ticket with its SLA clocks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TimelineWriterTest {

    @Autowired TicketService tickets;
    @Autowired TicketUpdates updates;
    @Autowired TicketQueries queries;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;

    @Test
    void entriesOfACommittedTransactionAreStoredInTheOrderTheyHappened() {
        String number = open();
        transaction.executeWithoutResult(status -> {
            updates.note(number, TicketEventType.INTERNAL_NOTE, "alice", "first");
            updates.note(number, TicketEventType.INTERNAL_NOTE, "alice", "second");
        });
        assertThat(notes(number)).containsExactly("first", "second");
    }

    @Test
    void aReadInTheSameTransactionSeesItsOwnEntries() {
        String number = open();
        List<String> seen = transaction.execute(status -> {
            updates.note(number, TicketEventType.INTERNAL_NOTE, "alice", "not yet committed");
            return notesIn(queries.details(number, TestViewers.ADMIN).timeline());
        });
        assertThat(seen).containsExactly("not yet committed");
        assertThat(notes(number)).containsExactly("not yet committed"); // written once, not again at commit
    }

    @Test
    void aRolledBackTransactionLeavesNoEntry() {
        String number = open();
        int before = queries.details(number, TestViewers.ADMIN).timeline().size();
        transaction.executeWithoutResult(status -> {
            updates.note(number, TicketEventType.INTERNAL_NOTE, "alice", "rolled back");
            status.setRollbackOnly();
        });
        assertThat(queries.details(number, TestViewers.ADMIN).timeline()).hasSize(before);
    }

    @Test
    void aTicketOpenedInARolledBackTransactionLeavesNoRowsAtAll() {
        String number = transaction.execute(status -> {
            String opened = open();
            status.setRollbackOnly();
            return opened;
        });
        long id = TicketNumbers.idOf(number).orElseThrow();
        assertThat(updates.find(number)).isEmpty();
        for (String table : List.of("ticket where id", "ticket_sla where ticket_id", "ticket_event where ticket_id")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " = ?", Long.class, id)).as(table)
                    .isZero();
        }
        assertThat(open()).as("the next ticket gets an id of its own").isNotEqualTo(number);
    }

    private String open() {
        return tickets.create(new CreateTicketRequest("inquiry", "时间线测试", null, Channel.web, null, null,
                new CreateTicketRequest.CustomerDetails("测试客户", "timeline@example.com", null, null, null),
                Map.of()), TestViewers.ALICE).number();
    }

    private List<String> notes(String number) {
        return notesIn(queries.details(number, TestViewers.ADMIN).timeline());
    }

    private static List<String> notesIn(List<TimelineEntry> timeline) {
        return timeline.stream().filter(e -> e.type().equals("INTERNAL_NOTE")).map(TimelineEntry::summary).toList();
    }
}
