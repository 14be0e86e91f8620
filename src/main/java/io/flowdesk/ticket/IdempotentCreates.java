package io.flowdesk.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowdesk.common.Problems;
import io.flowdesk.security.Viewer;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * {@code POST /api/tickets} with an {@code Idempotency-Key}: the first request with a key opens the ticket, every
 * other one with that key (a retry, also one sent while the first is still under way) gets that ticket, never a
 * second. The key is stored in the transaction that opens the ticket, unique per caller: of two requests at once, the
 * second waits for the first's key, or, where the database answers at once, for its commit; on one node they take
 * turns before that. The same key with another
 * request is refused (422), as the IETF's Idempotency-Key draft has it.
 */
@Service
class IdempotentCreates {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(30);

    private final TicketService tickets;
    private final TicketQueries queries;
    private final IdempotencyKeyRepository keys;
    private final ObjectMapper json;
    private final TransactionTemplate inTransaction;
    private final Clock clock;
    private final ReentrantLock[] turns = new ReentrantLock[64];

    IdempotentCreates(TicketService tickets, TicketQueries queries, IdempotencyKeyRepository keys, ObjectMapper json,
                      PlatformTransactionManager transactions, Clock clock) {
        this.tickets = tickets;
        this.queries = queries;
        this.keys = keys;
        this.json = json;
        this.inTransaction = new TransactionTemplate(transactions);
        this.clock = clock;
        for (int i = 0; i < turns.length; i++) {
            turns[i] = new ReentrantLock();
        }
    }

    /** The ticket a create with this key opened, new ({@code replayed} false) or opened before. */
    record Created(TicketDetails ticket, boolean replayed) {
    }

    Created create(CreateTicketRequest request, Viewer viewer, String key) {
        if (!VALID_KEY.matcher(key).matches()) {
            throw Problems.badField(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String digest = digest(request);
        // requests with one key on this node take turns (nodes together: the unique key below)
        ReentrantLock turn = turns[Math.floorMod((viewer.userId() + '\n' + key).hashCode(), turns.length)];
        turn.lock();
        try {
            return earlier(viewer, key, digest).orElseGet(() -> createFirst(request, viewer, key, digest));
        } finally {
            turn.unlock();
        }
    }

    private Created createFirst(CreateTicketRequest request, Viewer viewer, String key, String digest) {
        try {
            return new Created(inTransaction.execute(status -> {
                IdempotencyKey stored = keys.saveAndFlush(new IdempotencyKey(viewer.userId(), key, digest,
                        clock.instant()));
                TicketDetails ticket = tickets.create(request, viewer);
                stored.opened(ticket.number());
                return ticket;
            }), false);
        } catch (DataAccessException another) {
            return waitForTheFirst(viewer, key, digest);
        }
    }

    /** Another request with the key got there first: its ticket once it has committed. */
    private Created waitForTheFirst(Viewer viewer, String key, String digest) {
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Created> earlier = earlier(viewer, key, digest);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw Problems.of(HttpStatus.CONFLICT, "Request in progress",
                "A request with this " + HEADER + " is still being processed; retry it later");
    }

    private Optional<Created> earlier(Viewer viewer, String key, String digest) {
        return inTransaction.execute(status -> keys.findByCallerAndKey(viewer.userId(), key)
                .filter(found -> found.getTicketNumber() != null)
                .map(found -> {
                    if (!found.getRequestDigest().equals(digest)) {
                        throw Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused",
                                "This " + HEADER + " was used for another request (ticket "
                                        + found.getTicketNumber() + ")");
                    }
                    return new Created(queries.detailsOfOpened(found.getTicketNumber()), true);
                }));
    }

    private String digest(CreateTicketRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
