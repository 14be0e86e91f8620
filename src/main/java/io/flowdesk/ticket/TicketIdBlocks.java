package io.flowdesk.ticket;

import io.flowdesk.common.VersionedJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Main migration V5: the table {@link TicketIds} reserves its blocks of ticket ids in, numbered so that its first
 * block lies above every ticket stored so far. Written in Java because H2 and MySQL say "start the auto-increment
 * at n" differently. The ticket table keeps its own auto-increment, unused since: changing a column that two
 * foreign keys point at would rebuild the table, for nothing.
 */
@Component
public class TicketIdBlocks extends VersionedJavaMigration {

    public TicketIdBlocks() {
        super("5", "ticket id blocks");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("create table ticket_id_block ("
                    + " id bigint auto_increment not null primary key,"
                    + " reserved_at datetime(6) not null)");
            long firstBlock = TicketIds.firstBlockAbove(maxTicketId(sql));
            if (firstBlock > 1) {
                sql.execute(isH2(connection)
                        ? "alter table ticket_id_block alter column id restart with " + firstBlock
                        : "alter table ticket_id_block auto_increment = " + firstBlock);
            }
        }
    }

    private static long maxTicketId(Statement sql) throws SQLException {
        try (ResultSet max = sql.executeQuery("select coalesce(max(id), 0) from ticket")) {
            max.next();
            return max.getLong(1);
        }
    }
}
