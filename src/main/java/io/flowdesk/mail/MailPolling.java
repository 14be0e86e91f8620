package io.flowdesk.mail;

import io.flowdesk.mail.MailProperties.Mailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls each configured mailbox ({@code flowdesk.mail.mailboxes}) every {@code poll-interval}, one after the
 * other on one thread of its own. Off while none is configured. Every node of a cluster may poll: a mail taken in
 * twice is one ticket ({@link MailIntake}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailPolling.class);

    private final MailProperties properties;
    private final MailIntake intake;
    private ScheduledExecutorService poller;

    MailPolling(MailProperties properties, MailIntake intake) {
        this.properties = properties;
        this.intake = intake;
    }

    @Override
    public void start() {
        if (properties.mailboxes().isEmpty()) {
            log.info("E-mail in is off: no mailbox configured (flowdesk.mail.mailboxes)");
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mail-poller");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        for (Mailbox mailbox : properties.mailboxes()) {
            poller.scheduleWithFixedDelay(() -> poll(mailbox), 0, interval, TimeUnit.MILLISECONDS);
            log.info("E-mail in: polling {} every {}", mailbox, properties.pollInterval());
        }
    }

    /** One poll; a mailbox out of reach is logged and tried again at the next. */
    private void poll(Mailbox mailbox) {
        try {
            new MailboxPoll(mailbox, intake).run();
        } catch (Exception e) {
            log.warn("Mailbox {} not polled: {}", mailbox, e.toString());
        }
    }

    @Override
    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
