package io.flowdesk.common;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.springframework.stereotype.Component;

/**
 * Ids for the engine's rows that sort in the order they were made, to the millisecond: UUID version 7 (RFC 9562:
 * 48 bits of Unix milliseconds, then random bits, counted up within a millisecond on one thread), from the UUID
 * library the engine itself uses.
 * <p>
 * Camunda's Spring Boot default is a version 1 UUID, whose text begins with the low 32 bits of a 100 ns clock: the
 * order of those ids wraps every 7 minutes, so every table's primary key and every index on an id column (process
 * instance, execution, task) takes each new row somewhere in the middle of the B-tree. With a backlog larger than
 * MariaDB's buffer pool that means pages read back from disk, split half-full and written again for every ticket.
 * Version 7 ids go in at the end of each index, where the last pages are already in memory, and the rows of one
 * ticket stay next to each other. Unique across nodes as version 1 ids are (74 random bits per millisecond), and the
 * same 36 characters in the same columns: a database that has version 1 ids goes on with both.
 */
@Component
public class TimeOrderedIds implements IdGenerator {

    private final NoArgGenerator uuids = Generators.timeBasedEpochGenerator();

    @Override
    public String getNextId() {
        return uuids.generate().toString();
    }
}
