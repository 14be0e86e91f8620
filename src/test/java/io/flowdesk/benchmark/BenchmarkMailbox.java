package io.flowdesk.benchmark;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;

import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The support mailbox the server reads in the e-mail phase ({@link MailPhase}): GreenMail's IMAP server in the
 * driver's JVM, on a free loopback port, with one user. It notes when each mail arrives and when the server marks it
 * read (IMAP {@code STORE +FLAGS (\Seen)}), which Flowdesk does only once the mail's intake has committed
 * ({@code io.flowdesk.mail.MailboxPoll}): the moment a mail is taken in, seen from outside, without asking the
 * database. Mails are named by the order of their delivery (1, 2, … for the whole run).
 * <p>
 * Two things in GreenMail would be measured instead of Flowdesk, so they are worked around:
 * <ul>
 *   <li>its IMAP server answers with Nagle's algorithm on: a response written in pieces waits for the client's
 *   delayed acknowledgement, about 180 ms per mail fetched and marked read (100 mails, Flowdesk's client settings),
 *   where a mail server such as Dovecot answers at once. Here each connection has {@code TCP_NODELAY} (2.3 ms);</li>
 *   <li>it finds a message by its number by copying and scanning the numbers of the whole folder, for every fetch
 *   and flag change: 23 ms of CPU per mail with 500 mails in the folder, 540 with 2,500. So the folder is emptied
 *   ({@link #emptyOnceAllTakenIn}) whenever the server has taken in all it holds: then no poll is between its search
 *   and its last flag change, and none renumbers a message under it (the server only searches unread mail).</li>
 * </ul>
 */
final class BenchmarkMailbox implements AutoCloseable {

    static final String ADDRESS = "support@flowdesk.test";
    /** The server polls this often (production: a minute or so); what an empty poll costs is the phase's idle figure. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final String LOGIN = "support";
    private static final String PASSWORD = "benchmark-mailbox";

    private final GreenMail greenMail;
    private final ImapWithoutDelay imap;
    private final MailFolder inbox;
    private final Map<Integer, Long> deliveredAt = new ConcurrentHashMap<>();
    private final Map<Integer, Long> takenInAt = new ConcurrentHashMap<>();
    /** The mail at each message number (1, 2, …) of the folder now. */
    private final Map<Integer, Integer> inFolder = new ConcurrentHashMap<>();
    /** Guards delivery and emptying (never held by GreenMail's threads, which call the listener). */
    private final Object folderLock = new Object();
    private int delivered;

    private BenchmarkMailbox(Server greenMail, MailFolder inbox) {
        this.greenMail = greenMail;
        this.imap = greenMail.imap;
        this.inbox = inbox;
        inbox.addListener(new FolderListener() {
            @Override
            public void flagsUpdated(int messageNumber, Flags flags, Long uid) {
                Integer mail = inFolder.get(messageNumber);
                if (flags.contains(Flags.Flag.SEEN) && mail != null) {
                    takenInAt.putIfAbsent(mail, System.nanoTime());
                }
            }

            @Override
            public void added(int messageNumber) {
                // noted by deliver
            }

            @Override
            public void expunged(int messageNumber) {
                // never: the server only marks mails read, and emptying the folder tells no listener
            }

            @Override
            public void mailboxDeleted() {
                // never
            }
        });
    }

    static BenchmarkMailbox start() throws FolderException {
        // GreenMail logs every IMAP line at DEBUG through SLF4J, and the Maven path's test classpath has Logback at
        // DEBUG: thousands of lines a minute, and CPU in the driver. run.sh's classpath has no provider at all.
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        Server greenMail = new Server(new ServerSetup(0, BenchmarkDriver.HOST, ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        GreenMailUser user = greenMail.setUser(ADDRESS, LOGIN, PASSWORD);
        return new BenchmarkMailbox(greenMail, greenMail.getManagers().getImapHostManager().getInbox(user));
    }

    /** The server's command-line arguments that make it poll this mailbox (README "E-mail in"). */
    List<String> serverArguments() {
        String mailbox = "--flowdesk.mail.mailboxes[0].";
        return List.of(mailbox + "name=benchmark", mailbox + "protocol=imap", mailbox + "host=" + BenchmarkDriver.HOST,
                mailbox + "port=" + port(), mailbox + "username=" + LOGIN, mailbox + "password=" + PASSWORD,
                "--flowdesk.mail.poll-interval=" + POLL_INTERVAL.toMillis() + "ms");
    }

    int port() {
        return imap.getPort();
    }

    @Override
    public String toString() {
        return "imap://" + LOGIN + "@" + BenchmarkDriver.HOST + ":" + port() + "/INBOX (GreenMail, " + ADDRESS + ")";
    }

    /** Puts a mail into the inbox, unread, as the mail server would on receiving it; its number. */
    int deliver(MimeMessage message) {
        synchronized (folderLock) {
            int mail = ++delivered;
            inFolder.put(inFolder.size() + 1, mail);
            deliveredAt.put(mail, System.nanoTime());
            inbox.appendMessage(message, new Flags(), new Date());
            return mail;
        }
    }

    /** Empties the folder if the server has taken in every mail in it; whether it did. */
    boolean emptyOnceAllTakenIn() {
        synchronized (folderLock) {
            if (!takenInAt.keySet().containsAll(inFolder.values())) {
                return false;
            }
            inbox.deleteAllMessages();
            inFolder.clear();
            return true;
        }
    }

    /** When the mail was delivered (System.nanoTime). */
    long deliveredAt(int mail) {
        return deliveredAt.get(mail);
    }

    /** When the server marked the mail read (System.nanoTime), or null while it has not. */
    Long takenInAt(int mail) {
        return takenInAt.get(mail);
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /** GreenMail with {@link ImapWithoutDelay} for its one service, IMAP. */
    private static final class Server extends GreenMail {

        private ImapWithoutDelay imap;

        Server(ServerSetup imap) {
            super(imap);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
            imap = new ImapWithoutDelay(setups[0], managers);
            return Map.of(setups[0].getProtocol(), imap);
        }
    }

    /** GreenMail's IMAP server (as its {@code ImapServer}, which is final), answering without Nagle's delay. */
    private static final class ImapWithoutDelay extends AbstractServer {

        ImapWithoutDelay(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket client) {
            try {
                client.setTcpNoDelay(true);
            } catch (SocketException e) {
                throw new IllegalStateException("cannot set TCP_NODELAY on " + client, e);
            }
            return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), client);
        }
    }
}
