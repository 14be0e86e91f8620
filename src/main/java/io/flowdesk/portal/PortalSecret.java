package io.flowdesk.portal;

import io.flowdesk.security.ProductionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * The key that signs the portal's links. The configured {@code flowdesk.portal.secret} (at least 32 characters, or the
 * start stops: see {@link PortalProperties}) when there is one; otherwise 32 random bytes made on the first start and
 * kept in the database ({@code portal_secret}), so that the links of mails sent before a restart keep working, and
 * every node of a cluster signs alike. That suits the embedded trial; in production the log says at every start that
 * the key sits beside the data it protects (whoever reads the database or a backup could sign links), and how to set
 * one of the operator's own. Never a built-in default, so no two desks share a key.
 */
@Component
class PortalSecret {

    private static final Logger log = LoggerFactory.getLogger(PortalSecret.class);
    private static final int GENERATED_BYTES = 32;

    private final PortalProperties properties;
    private final ProductionProperties production;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate inTransaction;
    private final Clock clock;
    private volatile byte[] key;

    PortalSecret(PortalProperties properties, ProductionProperties production, JdbcTemplate jdbc,
                 PlatformTransactionManager transactions, Clock clock) {
        this.properties = properties;
        this.production = production;
        this.jdbc = jdbc;
        this.inTransaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = configured() ? properties.secret().getBytes(StandardCharsets.UTF_8) : kept();
            key = known;
        }
        return known;
    }

    /** Says at start-up where the key comes from; makes (or reads) the kept one then, not on a customer's request. */
    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        key();
        if (configured()) {
            log.info("Portal links are signed with flowdesk.portal.secret");
        } else if (production.enabled()) {
            log.warn("Portal links are signed with a key Flowdesk made and keeps in its database (portal_secret), as"
                    + " flowdesk.portal.secret is not set: whoever reads the database or a backup of it could sign"
                    + " links. Set FLOWDESK_PORTAL_SECRET (at least 32 characters) on every node; links sent before"
                    + " then stop working");
        } else {
            log.info("Portal links are signed with a key kept in the database (flowdesk.portal.secret not set)");
        }
    }

    private boolean configured() {
        return properties.secret() != null;
    }

    private byte[] kept() {
        byte[] kept = read();
        if (kept == null) {
            try {
                inTransaction.executeWithoutResult(status -> jdbc.update(
                        "insert into portal_secret (id, secret, created_at) values (1, ?, ?)", generate(),
                        Timestamp.from(clock.instant())));
            } catch (DuplicateKeyException e) {
                // another node made it first: its key is the one
            }
            kept = read();
        }
        return kept;
    }

    private byte[] read() {
        List<String> rows = inTransaction.execute(status ->
                jdbc.queryForList("select secret from portal_secret where id = 1", String.class));
        return rows == null || rows.isEmpty() ? null : Base64.getDecoder().decode(rows.get(0));
    }

    private static String generate() {
        byte[] bytes = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
