package io.flowdesk.security;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses a production start whose administrator password is missing or one anybody could guess (the demo's
 * {@code admin} and {@code demo}, a demo user's password, the administrator's id, or shorter than
 * {@link ProductionProperties#adminPasswordMinLength()}), and warns when the demo users are switched on there.
 *
 * <p>It runs while the configuration is read, before the database, the engine or the web server are touched:
 * Camunda creates the administrator with the configured password on the first start, so a start that went on
 * would leave an {@code admin}/{@code admin} account behind in the production database.
 */
class ProductionStartCheck implements EnvironmentPostProcessor, Ordered {

    static final String ADMIN_ID = "camunda.bpm.admin-user.id";
    static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
    private static final Set<String> DEMO_PASSWORDS = Set.of("admin", "demo");

    /**
     * What the demo's settings ({@code flowdesk.demo}, see {@code io.flowdesk.identity.DemoProperties}) say about
     * logins: read here by name, as the identity feature stands above this one.
     */
    record DemoLogins(boolean enabled, List<Login> users) {

        DemoLogins {
            users = users == null ? List.of() : users;
        }

        record Login(String password) {
        }
    }

    private final Log log;

    ProductionStartCheck(DeferredLogFactory logs) {
        this.log = logs.getLog(ProductionStartCheck.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        ProductionProperties production = binder.bindOrCreate("flowdesk.production", ProductionProperties.class);
        if (!production.enabled()) {
            return;
        }
        DemoLogins demo = binder.bindOrCreate("flowdesk.demo", DemoLogins.class);
        String password = binder.bind(ADMIN_PASSWORD, String.class).orElse("");
        String problem = problemWith(password, guessable(demo, binder.bind(ADMIN_ID, String.class).orElse("admin")),
                production.adminPasswordMinLength());
        if (problem != null) {
            throw new UnsafeAdminPasswordException(problem, production.adminPasswordMinLength());
        }
        if (demo.enabled()) {
            log.warn("Demo users are on in production (FLOWDESK_DEMO=true): " + demo.users().size()
                    + " demo agents can log in with their demo passwords until these are changed in Admin");
        }
    }

    private static Set<String> guessable(DemoLogins demo, String adminId) {
        Set<String> passwords = new HashSet<>(DEMO_PASSWORDS);
        passwords.add(adminId);
        demo.users().forEach(user -> passwords.add(user.password()));
        return passwords;
    }

    /** What is wrong with the password, or null if nothing. */
    private static String problemWith(String password, Set<String> guessable, int minLength) {
        if (password.isBlank()) {
            return "no administrator password is configured";
        }
        if (guessable.contains(password)) {
            return "the administrator password is a demo password";
        }
        if (password.length() < minLength) {
            return "the administrator password is shorter than " + minLength + " characters";
        }
        return null;
    }

    /** After the configuration files are read (ConfigDataEnvironmentPostProcessor), so profiles count. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
