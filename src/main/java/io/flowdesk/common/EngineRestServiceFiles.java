package io.flowdesk.common;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Engine REST requests see the {@code META-INF/services} files of the class path read once, not on every request.
 * <p>
 * Camunda's REST resources find the process engine through {@code ServiceLoader.load(ProcessEngineProvider.class)}
 * each time one is created, which is several times per request: every call looks the service file up in all the
 * jars of the application and opens the one it finds inside the executable jar. That was 5 % of the CPU of a task
 * completion over {@code /engine-rest}. This filter runs those requests with a context class loader that answers
 * service-file lookups from memory (the files cannot change while the application runs) and hands everything
 * else to the usual class loader.
 */
public final class EngineRestServiceFiles implements Filter {

    private static final String SERVICE_FILES = "META-INF/services/";

    private final Map<ClassLoader, ClassLoader> cachingLoaders = new ConcurrentHashMap<>();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Thread thread = Thread.currentThread();
        ClassLoader usual = thread.getContextClassLoader();
        if (usual == null) {
            chain.doFilter(request, response);
            return;
        }
        thread.setContextClassLoader(cachingLoaders.computeIfAbsent(usual, ServiceFilesReadOnce::new));
        try {
            chain.doFilter(request, response);
        } finally {
            thread.setContextClassLoader(usual);
        }
    }

    /** Delegates everything to its parent, and keeps the parent's service files in memory. */
    static final class ServiceFilesReadOnce extends ClassLoader {

        private final Map<String, List<URL>> serviceFiles = new ConcurrentHashMap<>();

        ServiceFilesReadOnce(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (!name.startsWith(SERVICE_FILES)) {
                return super.getResources(name);
            }
            List<URL> files = serviceFiles.get(name);
            if (files == null) {
                files = readAll(name);
                serviceFiles.put(name, files);
            }
            return Collections.enumeration(files);
        }

        private List<URL> readAll(String name) throws IOException {
            List<URL> copies = new ArrayList<>();
            Enumeration<URL> found = getParent().getResources(name);
            while (found.hasMoreElements()) {
                URL file = found.nextElement();
                byte[] content;
                try (InputStream in = file.openStream()) {
                    content = in.readAllBytes();
                }
                copies.add(new URL(file.getProtocol(), file.getHost(), file.getPort(), file.getFile(),
                        new InMemory(content)));
            }
            return List.copyOf(copies);
        }
    }

    /** Opens a URL onto bytes read before. */
    private static final class InMemory extends URLStreamHandler {

        private final byte[] content;

        InMemory(byte[] content) {
            this.content = content;
        }

        @Override
        protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(content);
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<EngineRestServiceFiles> engineRestServiceFiles() {
            FilterRegistrationBean<EngineRestServiceFiles> registration =
                    new FilterRegistrationBean<>(new EngineRestServiceFiles());
            // the engine REST API and the one Cockpit and Tasklist call (the same resources)
            registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
            registration.setName("flowdesk-engine-rest-service-files");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
