package io.flowdesk.common;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.sql.Driver;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class EngineRestServiceFilesTest {

    private final ClassLoader usual = getClass().getClassLoader();

    @Test
    void servicesAreFoundAsWithTheUsualClassLoaderEveryTime() {
        ClassLoader readOnce = new EngineRestServiceFiles.ServiceFilesReadOnce(usual);
        List<String> expected = driversFoundBy(usual);
        assertThat(expected).isNotEmpty(); // H2 and MySQL Connector/J declare theirs
        assertThat(driversFoundBy(readOnce)).isEqualTo(expected);
        assertThat(driversFoundBy(readOnce)).isEqualTo(expected);
    }

    @Test
    void everythingElseComesFromTheUsualClassLoader() throws Exception {
        ClassLoader readOnce = new EngineRestServiceFiles.ServiceFilesReadOnce(usual);
        assertThat(readOnce.getResource("application.yml")).isEqualTo(usual.getResource("application.yml"));
        assertThat(readOnce.loadClass(EngineRestServiceFiles.class.getName())).isSameAs(EngineRestServiceFiles.class);
    }

    @Test
    void theRequestRunsWithTheCachingLoaderAndTheThreadGetsItsOwnBack() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        AtomicReference<ClassLoader> during = new AtomicReference<>();
        new EngineRestServiceFiles().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> during.set(Thread.currentThread().getContextClassLoader()));
        assertThat(during.get()).isInstanceOf(EngineRestServiceFiles.ServiceFilesReadOnce.class);
        assertThat(during.get().getParent()).isSameAs(before);
        assertThat(thread.getContextClassLoader()).isSameAs(before);
    }

    private static List<String> driversFoundBy(ClassLoader loader) {
        return ServiceLoader.load(Driver.class, loader).stream().map(p -> p.type().getName()).toList();
    }
}
