package io.flowdesk.security;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A production start needs an administrator password of the operator's own; the embedded trial keeps admin/admin.
 * (Started for real on the mysql profile: {@code io.flowdesk.database.ProductionStartTest}.)
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartCheckTest {

    private final ProductionStartCheck check = new ProductionStartCheck(logs -> LogFactory.getLog(getClass()));

    @Test
    void a_production_start_without_an_administrator_password_is_refused_naming_what_to_set() {
        assertThatThrownBy(() -> check(production()))
                .isInstanceOf(UnsafeAdminPasswordException.class)
                .hasMessageContaining("no administrator password is configured")
                .hasMessageContaining("FLOWDESK_ADMIN_PASSWORD")
                .hasMessageContaining("--camunda.bpm.admin-user.password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "demo", "alice's demo password", " "})
    void a_production_start_with_a_demo_password_is_refused(String password) {
        MockEnvironment environment = production()
                .withProperty("flowdesk.demo.users[0].id", "alice")
                .withProperty("flowdesk.demo.users[0].password", "alice's demo password")
                .withProperty(ProductionStartCheck.ADMIN_PASSWORD, password);
        assertThatThrownBy(() -> check(environment)).hasMessageContaining("FLOWDESK_ADMIN_PASSWORD");
    }

    @Test
    void a_production_start_with_the_administrators_id_as_password_is_refused() {
        assertThatThrownBy(() -> check(production().withProperty(ProductionStartCheck.ADMIN_ID, "operator-on-duty")
                .withProperty(ProductionStartCheck.ADMIN_PASSWORD, "operator-on-duty")))
                .hasMessageContaining("demo password");
    }

    @Test
    void a_production_start_with_a_password_shorter_than_12_characters_is_refused() {
        assertThatThrownBy(() -> check(production().withProperty(ProductionStartCheck.ADMIN_PASSWORD, "x7#kQ9!pL2m")))
                .hasMessageContaining("shorter than 12 characters")
                .hasMessageContaining("FLOWDESK_ADMIN_PASSWORD");
    }

    @Test
    void a_production_start_with_a_password_of_its_own_goes_on_without_a_word(CapturedOutput output) {
        assertThatCode(() -> check(production().withProperty(ProductionStartCheck.ADMIN_PASSWORD, "x7#kQ9!pL2mZ")))
                .doesNotThrowAnyException();
        assertThat(output).doesNotContain("Demo users");
    }

    @Test
    void demo_users_asked_for_in_production_are_allowed_with_a_warning(CapturedOutput output) {
        check(production().withProperty(ProductionStartCheck.ADMIN_PASSWORD, "x7#kQ9!pL2mZ")
                .withProperty("flowdesk.demo.enabled", "true"));
        assertThat(output).contains("WARN").contains("Demo users are on in production (FLOWDESK_DEMO=true)");
    }

    @Test
    void the_embedded_trial_keeps_the_demo_passwords() {
        assertThatCode(() -> check(new MockEnvironment().withProperty(ProductionStartCheck.ADMIN_PASSWORD, "admin")
                .withProperty("flowdesk.demo.enabled", "true")))
                .doesNotThrowAnyException();
    }

    private static MockEnvironment production() {
        return new MockEnvironment().withProperty("flowdesk.production.enabled", "true");
    }

    private void check(MockEnvironment environment) {
        check.postProcessEnvironment(environment, new SpringApplication());
    }
}
