package io.flowdesk.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The e-mail phase (issue 27): support mails ({@link SupportMails}) delivered into the mailbox the server polls every
 * 200 ms ({@link BenchmarkMailbox}), and how fast and at what CPU the server takes them in. In order:
 * <ol>
 *   <li><b>idle</b>: {@value #IDLE_SECONDS} s with nothing new in the mailbox: what polling it costs (the server polls
 *   it through the whole MySQL run);</li>
 *   <li><b>warm-up</b>: mails delivered as the batch's and awaited, not counted, so that the intake path is
 *   compiled;</li>
 *   <li><b>batch</b>: N mails, {@value #CHUNK} at a time delivered at once (a night's mail, or a mail server back
 *   from an outage), which the server's one poller takes in one after the other; the next {@value #CHUNK} once it has
 *   taken in the last (GreenMail slows down with every mail its folder holds: {@link BenchmarkMailbox}). Mails per
 *   second while the server works through a chunk (from its first mail taken in to its last), and the server's and
 *   MariaDB's CPU over the whole batch per mail;</li>
 *   <li><b>trickle</b>: mails one at a time, every {@value #TRICKLE_INTERVAL_MILLIS} ms: the time from delivery to
 *   ticket that a customer sees (the wait for the next poll, up to 200 ms, plus one intake).</li>
 * </ol>
 * A mail is taken in when the server marks it read, which it does once the intake has committed. Afterwards the
 * database is asked what became of each batch, and it must match what was sent: every mail recorded once in
 * {@code inbound_mail}, a new mail a new ticket with channel email, a customer's mail about an earlier one added to
 * that ticket, every attachment kept, none failed.
 */
final class MailPhase {

    static final int IDLE_SECONDS = 5;
    static final long TRICKLE_INTERVAL_MILLIS = 330;
    /** Mails delivered at once; a trickle is one chunk. */
    static final int CHUNK = 100;
    /** The wait for a batch ends when no mail of it has been taken in for this long. */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final String POLLER_THREAD = "mail-poller";

    /** A connection to the benchmark's database. */
    interface Database {
        Connection open() throws SQLException;
    }

    private final BenchmarkMailbox mailbox;
    private final SupportMails mails = new SupportMails(BenchmarkMailbox.ADDRESS);
    /** CPU of the server, MariaDB, the driver and the machine, and MariaDB's counters, now. */
    private final Supplier<Load.Snapshot> snapshots;
    private final Database database;

    MailPhase(BenchmarkMailbox mailbox, Supplier<Load.Snapshot> snapshots, Database database) {
        this.mailbox = mailbox;
        this.snapshots = snapshots;
        this.database = database;
    }

    Map<String, Object> run(int warmup, int batch, int trickle) throws SQLException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mailbox", mailbox.toString());
        out.put("pollIntervalMs", BenchmarkMailbox.POLL_INTERVAL.toMillis());
        out.put("idle", idle());
        out.put("warmup", deliver("mail warm-up", warmup, 0));
        MachineSpeed.Probe machine = MachineSpeed.probe();
        out.put("machineProbeMs", machine.computeMs());
        out.put("machineLoopbackProbeUs", machine.loopbackUs());
        out.put("batch", deliver("mail batch", batch, 0));
        out.put("trickle", deliver("mail trickle", trickle, TRICKLE_INTERVAL_MILLIS));
        long opened = 0;
        boolean ok = true;
        for (String part : List.of("warmup", "batch", "trickle")) {
            Map<?, ?> p = (Map<?, ?>) out.get(part);
            opened += ((Number) p.get("ticketsOpened")).longValue();
            ok &= Boolean.TRUE.equals(p.get("ok"));
        }
        out.put("ticketsOpened", opened);
        out.put("ok", ok);
        return out;
    }

    /** The server and GreenMail while the server polls a mailbox with nothing new in it. */
    private Map<String, Object> idle() throws InterruptedException {
        System.out.printf("  idle: %d s, polled every %d ms with nothing new%n", IDLE_SECONDS,
                BenchmarkMailbox.POLL_INTERVAL.toMillis());
        Load.Snapshot a = snapshots.get();
        Thread.sleep(TimeUnit.SECONDS.toMillis(IDLE_SECONDS));
        Load.Snapshot b = snapshots.get();
        Map<String, Object> cpu = Load.Snapshot.between(a, b, 0, 0);
        double wall = Load.num(cpu.get("wallSeconds"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seconds", wall);
        out.put("pollerPercentOfOneCore", pollerSeconds(a, b) / wall * 100);
        out.put("serverCpuPercentOfOneCore", cpu.get("serverCpuPercentOfOneCore"));
        out.put("databaseCpuPercentOfOneCore", cpu.get("databaseCpuPercentOfOneCore"));
        out.put("driverCpuPercentOfOneCore", cpu.get("driverCpuPercentOfOneCore"));
        System.out.printf("    -> poller thread %.1f %%, whole server %.1f %%, driver with GreenMail %.1f %%"
                        + " of a core%n",
                Load.num(out.get("pollerPercentOfOneCore")), Load.num(out.get("serverCpuPercentOfOneCore")),
                Load.num(out.get("driverCpuPercentOfOneCore")));
        return out;
    }

    /**
     * {@code count} mails into the mailbox, {@value #CHUNK} at once at a time ({@code paceMillis} 0) or one every
     * {@code paceMillis}, and the wait until the server has taken in the last of them.
     */
    private Map<String, Object> deliver(String name, int count, long paceMillis)
            throws SQLException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("mails", count);
        out.put("deliveredOneEveryMs", paceMillis == 0 ? null : paceMillis);
        List<SupportMails.Mail> batch = mails.next(count);
        int replies = (int) batch.stream().filter(SupportMails.Mail::reply).count();
        int attachments = batch.stream().mapToInt(SupportMails.Mail::attachments).sum();
        out.put("replies", replies);
        out.put("attachments", attachments);
        out.put("sizeBytes", sizes(batch));
        System.out.printf("  %s: %d mails (%d about an earlier one, %d attachments) %s%n", name, count, replies,
                attachments, paceMillis == 0 ? "delivered " + CHUNK + " at once at a time"
                        : "delivered one every " + paceMillis + " ms");
        Map<String, Long> before = lastIds();
        Load.Snapshot a = snapshots.get();
        int[] numbers = new int[count];
        int chunk = paceMillis == 0 ? CHUNK : Math.max(1, count);
        long start = System.nanoTime();
        for (int from = 0; from < count; from += chunk) {
            long chunkStart = System.nanoTime();
            for (int i = from; i < Math.min(count, from + chunk); i++) {
                Load.sleepUntil(chunkStart + TimeUnit.MILLISECONDS.toNanos((i - from) * paceMillis));
                numbers[i] = mailbox.deliver(batch.get(i).message());
            }
            awaitTakenIn(Arrays.copyOfRange(numbers, from, Math.min(count, from + chunk)));
            mailbox.emptyOnceAllTakenIn();
        }
        out.put("deliveredInChunksOf", chunk);
        out.putAll(takenIn(numbers, chunk, start, a, snapshots.get()));
        out.putAll(whatBecameOf(before, count, replies, attachments));
        print(out);
        return out;
    }

    /**
     * How many were taken in, how fast, how long after their delivery, and at what CPU. The rate (of mails delivered
     * at once) is over the time the server was working through a chunk: from its first mail taken in to its last,
     * counting the mails after the first (the first one's time went to waiting for the next poll and opening the
     * mailbox).
     */
    private Map<String, Object> takenIn(int[] numbers, int chunk, long start, Load.Snapshot a, Load.Snapshot b) {
        Latencies latencies = new Latencies();
        long last = start;
        int taken = 0;
        double busySeconds = 0;
        int afterFirst = 0;
        for (int from = 0; from < numbers.length; from += chunk) {
            long first = Long.MAX_VALUE;
            long lastOfChunk = start;
            int takenOfChunk = 0;
            for (int i = from; i < Math.min(numbers.length, from + chunk); i++) {
                Long at = mailbox.takenInAt(numbers[i]);
                if (at != null) {
                    takenOfChunk++;
                    latencies.add(at - mailbox.deliveredAt(numbers[i]));
                    first = Math.min(first, at);
                    lastOfChunk = Math.max(lastOfChunk, at);
                }
            }
            if (takenOfChunk > 1) {
                busySeconds += (lastOfChunk - first) / 1e9;
                afterFirst += takenOfChunk - 1;
            }
            taken += takenOfChunk;
            last = Math.max(last, lastOfChunk);
        }
        double seconds = (last - start) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("takenIn", taken);
        out.put("notTakenIn", numbers.length - taken);
        out.put("seconds", seconds);
        out.put("busySeconds", busySeconds);
        out.put("mailsPerSecond", chunk == CHUNK && busySeconds > 0 ? afterFirst / busySeconds : null);
        out.put("mailsPerSecondIncludingPollWaits", seconds > 0 ? taken / seconds : null);
        out.put("deliveryToTicket", latencies.summary());
        Map<String, Object> cpu = Load.Snapshot.between(a, b, taken, 0);
        cpu.put("pollerCpuMsPerUnit", taken > 0 ? pollerSeconds(a, b) * 1000 / taken : null);
        out.put("cpu", cpu);
        return out;
    }

    private static void print(Map<String, Object> delivery) {
        Map<?, ?> latency = (Map<?, ?>) delivery.get("deliveryToTicket");
        Map<?, ?> cpu = (Map<?, ?>) delivery.get("cpu");
        Object rate = delivery.get("mailsPerSecond");
        System.out.printf("    -> %s of %s taken in within %.1f s%s; delivery to ticket p50 %.0f ms, p95 %.0f ms; CPU per"
                        + " mail: server %.2f ms (poller thread %.2f), MariaDB %.2f ms%n",
                delivery.get("takenIn"), delivery.get("mails"), Load.num(delivery.get("seconds")),
                rate == null ? "" : String.format(", %.1f mails/s while working through them", Load.num(rate)),
                Load.num(latency.get("p50Ms")), Load.num(latency.get("p95Ms")),
                Load.num(cpu.get("serverCpuMsPerUnit")), Load.num(cpu.get("pollerCpuMsPerUnit")),
                Load.num(cpu.get("databaseCpuMsPerUnit")));
        System.out.printf("    -> database: %s, %s tickets opened with channel email, %s attachments kept -> %s%n",
                delivery.get("outcomes"), delivery.get("ticketsOpened"), delivery.get("attachmentsKept"),
                Boolean.TRUE.equals(delivery.get("ok")) ? "OK" : "MISMATCH");
    }

    /** Until every mail is marked read, or none has been for {@link #STALL_NANOS}. */
    private void awaitTakenIn(int[] numbers) throws InterruptedException {
        int next = 0;
        long progress = System.nanoTime();
        while (next < numbers.length && System.nanoTime() - progress < STALL_NANOS) {
            if (mailbox.takenInAt(numbers[next]) != null) {
                next++;
                progress = System.nanoTime();
            } else {
                Thread.sleep(5);
            }
        }
    }

    private static Map<String, Object> sizes(List<SupportMails.Mail> batch) {
        int[] bytes = batch.stream().mapToInt(SupportMails.Mail::bytes).sorted().toArray();
        Map<String, Object> out = new LinkedHashMap<>();
        if (bytes.length > 0) {
            out.put("mean", Arrays.stream(bytes).average().orElse(0));
            out.put("p50", bytes[(bytes.length - 1) / 2]);
            out.put("max", bytes[bytes.length - 1]);
            out.put("total", Arrays.stream(bytes).asLongStream().sum());
        }
        return out;
    }

    private Map<String, Long> lastIds() throws SQLException {
        Map<String, Long> ids = new LinkedHashMap<>();
        try (Connection c = database.open(); Statement s = c.createStatement()) {
            for (String table : List.of("inbound_mail", "ticket", "ticket_attachment")) {
                ids.put(table, BenchmarkDriver.one(s, "select coalesce(max(id), 0) from " + table));
            }
        }
        return ids;
    }

    /**
     * What the database holds of the mails delivered since {@code before}: outcomes, tickets opened by mail, and
     * attachments kept; ok when it is what was sent. Nothing else opens tickets meanwhile.
     */
    private Map<String, Object> whatBecameOf(Map<String, Long> before, int count, int replies, int attachments)
            throws SQLException {
        Map<String, Long> outcomes = new TreeMap<>();
        long opened;
        long kept;
        try (Connection c = database.open(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select outcome, count(*) from inbound_mail where id > "
                    + before.get("inbound_mail") + " group by outcome")) {
                while (rs.next()) {
                    outcomes.put(rs.getString(1), rs.getLong(2));
                }
            }
            opened = BenchmarkDriver.one(s, "select count(*) from ticket where id > " + before.get("ticket")
                    + " and channel = 'email'");
            kept = BenchmarkDriver.one(s, "select count(*) from ticket_attachment where id > "
                    + before.get("ticket_attachment"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcomes", outcomes);
        out.put("ticketsOpened", opened);
        out.put("attachmentsKept", kept);
        out.put("ok", outcomes.getOrDefault("CREATED", 0L) == count - replies
                && outcomes.getOrDefault("APPENDED", 0L) == replies
                && outcomes.values().stream().mapToLong(Long::longValue).sum() == count
                && opened == count - replies && kept == attachments);
        return out;
    }

    private static double pollerSeconds(Load.Snapshot a, Load.Snapshot b) {
        return b.serverThreads().getOrDefault(POLLER_THREAD, 0.0) - a.serverThreads().getOrDefault(POLLER_THREAD, 0.0);
    }

}
