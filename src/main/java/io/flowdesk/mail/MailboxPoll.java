package io.flowdesk.mail;

import io.flowdesk.mail.MailIntake.Intake;
import io.flowdesk.mail.MailProperties.Mailbox;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One look into a mailbox over IMAP: every unread mail is read without marking it (IMAP's {@code BODY.PEEK}), taken
 * in, and only then marked read. A mail whose intake could not be stored (the database away) stays unread and is
 * taken in at the next poll: nothing fetched is lost.
 */
final class MailboxPoll {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoll.class);
    private static final int TIMEOUT_MILLIS = 30_000;

    private final Mailbox mailbox;
    private final MailIntake intake;

    MailboxPoll(Mailbox mailbox, MailIntake intake) {
        this.mailbox = mailbox;
        this.intake = intake;
    }

    /** Takes in the mailbox's unread mails; what became of each. */
    List<Intake> run() throws MessagingException {
        List<Intake> taken = new ArrayList<>();
        Store store = session().getStore(mailbox.protocol());
        try {
            store.connect(mailbox.host(), mailbox.port() == null ? -1 : mailbox.port(), mailbox.username(),
                    mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    Intake result = intake.receive(mailbox, raw(message));
                    message.setFlag(Flags.Flag.SEEN, true);
                    taken.add(result);
                }
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
        if (!taken.isEmpty()) {
            log.info("Mailbox {}: {}", mailbox.name(), taken);
        }
        return taken;
    }

    private static byte[] raw(Message message) throws MessagingException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try {
            message.writeTo(raw);
        } catch (IOException e) {
            throw new MessagingException("cannot fetch message " + message.getMessageNumber(), e);
        }
        return raw.toByteArray();
    }

    private Session session() {
        Properties settings = new Properties();
        String protocol = mailbox.protocol();
        settings.put("mail.store.protocol", protocol);
        settings.put("mail." + protocol + ".peek", "true"); // reading a mail does not mark it read
        settings.put("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        settings.put("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MILLIS));
        settings.put("mail." + protocol + ".writetimeout", String.valueOf(TIMEOUT_MILLIS));
        return Session.getInstance(settings);
    }
}
