package io.flowdesk.benchmark;

import java.util.List;
import java.util.Map;

import static io.flowdesk.benchmark.Report.f0;
import static io.flowdesk.benchmark.Report.f1;
import static io.flowdesk.benchmark.Report.f2;
import static io.flowdesk.benchmark.Report.map;
import static io.flowdesk.benchmark.Report.row;

/** The e-mail phase ({@link MailPhase}) in the Markdown report: its figures, and its deliveries in detail. */
final class MailReport {

    private MailReport() {
    }

    /** Its lines in "Figures and targets". */
    static void rows(StringBuilder md, Map<?, ?> mail) {
        if (mail.isEmpty()) {
            row(md, "E-mail in: mails taken in per second, CPU per mail", Report.NONE + " (`--no-mail`)", "", "");
            return;
        }
        Map<?, ?> batch = map(mail.get("batch"));
        Map<?, ?> cpu = map(batch.get("cpu"));
        Map<?, ?> size = map(batch.get("sizeBytes"));
        boolean ok = Boolean.TRUE.equals(batch.get("ok")) && Load.num(batch.get("notTakenIn")) == 0;
        row(md, "E-mail in: " + batch.get("mails") + " mails, " + batch.get("deliveredInChunksOf") + " at once at a"
                        + " time, into the IMAP mailbox (GreenMail) the server polls every " + mail.get("pollIntervalMs")
                        + " ms (" + batch.get("replies") + " about an earlier mail, " + batch.get("attachments")
                        + " attachments, " + kb(size.get("mean")) + " KB on average): mails taken in per second while"
                        + " the server works through them",
                "**" + f1(batch.get("mailsPerSecond")) + " mails/s** (" + batch.get("takenIn") + " taken in within "
                        + f1(batch.get("seconds")) + " s, " + f1(batch.get("busySeconds")) + " s of it working)",
                "every mail taken in as sent", ok ? Report.MET : Report.MISSED);
        row(md, "CPU per mail taken in (the batch): JVM + MariaDB (of the JVM's, its poller thread)",
                f2(cpu.get("serverCpuMsPerUnit")) + " + " + f2(cpu.get("databaseCpuMsPerUnit")) + " = "
                        + f2(cpu.get("serverPlusDatabaseCpuMsPerUnit")) + " ms (" + f2(cpu.get("pollerCpuMsPerUnit"))
                        + " ms)", "", "");
        Map<?, ?> trickle = map(mail.get("trickle"));
        Map<?, ?> latency = map(trickle.get("deliveryToTicket"));
        row(md, "E-mail in: delivery → ticket, " + trickle.get("mails") + " mails one every "
                        + trickle.get("deliveredOneEveryMs") + " ms (the wait for the next poll included)",
                "p50 " + f0(latency.get("p50Ms")) + ", p95 " + f0(latency.get("p95Ms")) + ", max "
                        + f0(latency.get("maxMs")) + " ms", "", "");
        Map<?, ?> idle = map(mail.get("idle"));
        row(md, "(for reference) polling the mailbox every " + mail.get("pollIntervalMs") + " ms with nothing new (all"
                        + " through the MySQL run)",
                "poller thread " + f1(idle.get("pollerPercentOfOneCore")) + " %, whole server "
                        + f1(idle.get("serverCpuPercentOfOneCore")) + " %, driver with GreenMail "
                        + f1(idle.get("driverCpuPercentOfOneCore")) + " % of a core", "", "");
    }

    /** The section "E-mail in": each delivery, what the database holds of it, and where the CPU went. */
    static void detail(StringBuilder md, Map<?, ?> mail) {
        if (mail.isEmpty()) {
            return;
        }
        md.append("### E-mail in\n\n")
                .append("Support mails (Chinese; text and HTML, some GB18030, some with a colleague copied, one in four")
                .append(" with a 20-120 KB attachment, one in five a customer writing again about an earlier mail, by")
                .append(" `In-Reply-To`) delivered into `").append(mail.get("mailbox")).append("`, ")
                .append(MailPhase.CHUNK).append(" at once at a time (the next ones when the server has taken in the")
                .append(" last), or one at a time. A mail is taken in when the server marks it read, after its intake")
                .append(" committed; the rate is over the time the server works through each chunk (its first mail")
                .append(" taken in to its last), the CPU over the whole delivery; delivery → ticket includes the wait")
                .append(" behind the rest of the chunk. Outcomes are the `inbound_mail` rows of the delivery; tickets")
                .append(" are those opened with channel `email`.\n\n")
                .append("| Delivery | Mails | About an earlier mail | Attachments | Size mean / max KB | Taken in ")
                .append("| Mails/s | Delivery → ticket p50 / p95 / max ms | Server CPU ms/mail (poller thread) ")
                .append("| MariaDB CPU ms/mail | Driver CPU ms/mail (GreenMail) ")
                .append("| Other processes | Outcomes | Tickets opened | Attachments kept | |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String part : List.of("warmup", "batch", "trickle")) {
            Map<?, ?> p = map(mail.get(part));
            Map<?, ?> size = map(p.get("sizeBytes"));
            Map<?, ?> latency = map(p.get("deliveryToTicket"));
            Map<?, ?> cpu = map(p.get("cpu"));
            md.append("| ").append(p.get("name")).append(" | ").append(p.get("mails")).append(" | ")
                    .append(p.get("replies")).append(" | ").append(p.get("attachments")).append(" | ")
                    .append(kb(size.get("mean"))).append(" / ").append(kb(size.get("max"))).append(" | ")
                    .append(p.get("takenIn")).append(" | ").append(f1(p.get("mailsPerSecond"))).append(" | ")
                    .append(f0(latency.get("p50Ms"))).append(" / ").append(f0(latency.get("p95Ms"))).append(" / ")
                    .append(f0(latency.get("maxMs"))).append(" | ").append(f2(cpu.get("serverCpuMsPerUnit")))
                    .append(" (").append(f2(cpu.get("pollerCpuMsPerUnit"))).append(") | ")
                    .append(f2(cpu.get("databaseCpuMsPerUnit"))).append(" | ")
                    .append(f2(cpu.get("driverCpuMsPerUnit"))).append(" | ")
                    .append(f0(cpu.get("otherProcessesCpuPercentOfOneCore"))).append(" % | ")
                    .append(p.get("outcomes")).append(" | ").append(p.get("ticketsOpened")).append(" | ")
                    .append(p.get("attachmentsKept")).append(" | ")
                    .append(Boolean.TRUE.equals(p.get("ok")) ? "as sent" : "**differs**").append(" |\n");
        }
        Map<?, ?> batch = map(mail.get("batch"));
        md.append("\nThe batch: ").append(Report.bound(batch)).append("; server CPU by threads: ")
                .append(Report.threads(map(batch.get("cpu")).get("serverThreadsPercentOfOneCore")))
                .append(" of a core (one poller thread takes the mails in, one after the other).\n\n");
    }

    private static String kb(Object bytes) {
        return f1(Load.num(bytes) / 1024);
    }
}
