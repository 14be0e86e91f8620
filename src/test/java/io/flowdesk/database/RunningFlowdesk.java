package io.flowdesk.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowdesk.FlowdeskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The whole application, started as `java -jar` would, on a random port; HTTP calls as a client makes them. */
final class RunningFlowdesk implements AutoCloseable {

    record Answer(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    private RunningFlowdesk(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static RunningFlowdesk start(Map<String, Object> properties, String... profiles) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("server.port", 0);
        // as command-line arguments: they win over application*.yml, as they would for `java -jar`
        String[] arguments = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new RunningFlowdesk(new SpringApplicationBuilder(FlowdeskApplication.class)
                .profiles(profiles).run(arguments));
    }

    Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    Answer post(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Answer delete(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    /** A file upload as Camunda Modeler deploys: multipart/form-data with a deployment name and the file. */
    Answer deploy(String user, String deploymentName, String fileName, String content) {
        String boundary = "flowdesk-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + deploymentName + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary
                + "--\r\n";
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private Answer send(String user, HttpRequest.Builder request) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password(user))
                .getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Basic " + credentials)
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = response.body().isBlank() || !response.body().startsWith("{") && !response.body().startsWith("[")
                    ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Changes rows behind the application's back, committed (the pool's connections do not auto-commit). */
    void update(String sql) {
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
                .executeWithoutResult(status -> jdbc().update(sql));
    }

    /** The application's own JDBC access, to look at rows the API does not show. */
    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** The demo users' password, or the administrator's as configured (production starts need one of their own). */
    private String password(String user) {
        return "admin".equals(user) ? context.getEnvironment().getProperty("camunda.bpm.admin-user.password") : "demo";
    }

    @Override
    public void close() {
        context.close();
    }
}
