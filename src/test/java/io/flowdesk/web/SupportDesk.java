package io.flowdesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support group at work over HTTP, as its agents alice and bob (password {@code demo}) work: tickets opened
 * through the API, their tasks worked through our API, engine REST or Tasklist's engine API, and two agents at one
 * task at the same moment.
 */
public final class SupportDesk {

    /** An HTTP answer: its status, content type and JSON body (null when it has none, or another kind). */
    public record Answer(int status, String contentType, JsonNode body) {
    }

    /** A ticket's open task and the agent who holds it. */
    public record HeldTask(String number, String id, String name, String holder) {

        /** The other support agent. */
        public String other() {
            return "alice".equals(holder) ? "bob" : "alice";
        }
    }

    /**
     * Enough rounds that the two calls meet inside the engine, even on a loaded 2-core machine: on H2 and MariaDB
     * most losers failed there (an optimistic lock, a deadlock), the others found the task completed already.
     */
    static final int RACE_ROUNDS = 8;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;
    private final ProcessEngine engine;

    /**
     * Engine REST and the webapps find their engine by name, where each test context in the JVM registers its own as
     * "default": the desk makes it this test's engine again ({@link ServedEngine}).
     */
    public SupportDesk(TestRestTemplate http, ProcessEngine engine) {
        this.http = http;
        this.engine = engine;
        ServedEngine.serve(engine);
    }

    /**
     * A new inquiry that routing gives the support group, and its first task, held by the agent routing chose (or,
     * once the group's agents are at capacity, by alice, who claims it).
     */
    public HeldTask openTicket() {
        Answer created = post("alice", "/api/tickets", """
                {"type":"inquiry","subject":"会员积分没有到账","customer":{"name":"李雷","email":"li@example.com"}}""");
        assertThat(created.status()).isEqualTo(201);
        JsonNode task = created.body().at("/currentTasks/0");
        String holder = task.path("assignee").asText("alice");
        if (!task.has("assignee")) {
            assertThat(post("alice", "/engine-rest/task/" + task.get("id").asText() + "/claim",
                    "{\"userId\":\"alice\"}").status()).isEqualTo(204);
        }
        return new HeldTask(created.body().get("number").asText(), task.get("id").asText(),
                task.get("name").asText(), holder);
    }

    /**
     * The ticket's first response breached now (its timer fired early): inquiry calls the shared escalation, whose
     * task goes to support's supervisors; that task, held by sam (who claims it once at capacity in this context).
     */
    public HeldTask escalateLateFirstResponse(HeldTask ticket) {
        String ticketProcess = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(ticket.number()).processDefinitionKey("inquiry").singleResult().getId();
        ManagementService jobs = engine.getManagementService();
        jobs.executeJob(jobs.createJobQuery().processInstanceId(ticketProcess).activityId("firstResponseDue")
                .singleResult().getId());
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ticket.number())
                .processDefinitionKey("ticketEscalation").singleResult();
        if (task.getAssignee() == null) {
            assertThat(post("sam", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"sam\"}").status())
                    .isEqualTo(204);
        }
        return new HeldTask(ticket.number(), task.getId(), task.getName(),
                task.getAssignee() == null ? "sam" : task.getAssignee());
    }

    public Answer post(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return answer(http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(json, headers),
                JsonNode.class));
    }

    public Answer get(String user, String path) {
        return answer(http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class));
    }

    /** How often the ticket's timeline says the step was completed. */
    public long timesCompleted(HeldTask task) {
        List<JsonNode> completions = new ArrayList<>();
        get("alice", "/api/tickets/" + task.number()).body().get("timeline").forEach(entry -> {
            if ("STEP_COMPLETED".equals(entry.get("type").asText())
                    && task.name().equals(entry.get("summary").asText())) {
                completions.add(entry);
            }
        });
        return completions.size();
    }

    /**
     * Two agents act on one task at the same moment, {@link #RACE_ROUNDS} times, each round on a new ticket: both
     * threads are released together by a barrier, then each makes its call. The statuses of each round, sorted; and
     * each round's step must be in the ticket's timeline once.
     */
    public List<List<Integer>> race(BiFunction<HeldTask, String, Answer> action) throws Exception {
        ExecutorService agents = Executors.newFixedThreadPool(2);
        try {
            List<List<Integer>> statuses = new ArrayList<>();
            for (int round = 0; round < RACE_ROUNDS; round++) {
                HeldTask task = openTicket();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Answer>> answers = new ArrayList<>();
                for (String agent : List.of(task.holder(), task.other())) {
                    answers.add(agents.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return action.apply(task, agent);
                    }));
                }
                List<Integer> outcome = new ArrayList<>();
                for (Future<Answer> answer : answers) {
                    outcome.add(answer.get(60, TimeUnit.SECONDS).status());
                }
                outcome.sort(null);
                statuses.add(outcome);
                assertThat(timesCompleted(task)).as("%s: the step in the timeline", task.number()).isEqualTo(1);
            }
            return statuses;
        } finally {
            agents.shutdownNow();
        }
    }

    /** A user logged in to Tasklist, calling the webapps' engine API as Tasklist does (session cookie, CSRF token). */
    public Tasklist tasklist(String user) {
        return new Tasklist(http.getRootUri(), user);
    }

    public static final class Tasklist {

        private final String root;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client;

        private Tasklist(String root, String user) {
            this.root = root;
            this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
            send(HttpRequest.newBuilder(URI.create(root + "/camunda/app/tasklist/default/")).GET()); // CSRF token
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
            Answer login = send(withCsrfToken("/camunda/api/admin/auth/user/default/login/tasklist")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(login.status()).as("Tasklist login").isEqualTo(200);
            // the login starts a new session, which hands out a token of its own on its first request
            send(HttpRequest.newBuilder(URI.create(root + "/camunda/api/admin/auth/user/default")).GET());
        }

        /** GET from the webapps' engine API, {@code /camunda/api/engine/engine/default} + path. */
        public Answer get(String path) {
            return send(HttpRequest.newBuilder(URI.create(root + "/camunda/api/engine/engine/default" + path)).GET());
        }

        /** POST to the webapps' engine API, {@code /camunda/api/engine/engine/default} + path. */
        public Answer post(String path, String json) {
            return send(withCsrfToken("/camunda/api/engine/engine/default" + path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        private HttpRequest.Builder withCsrfToken(String path) {
            String token = cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> "XSRF-TOKEN".equals(cookie.getName())).map(HttpCookie::getValue)
                    .reduce((first, last) -> last).orElseThrow();
            return HttpRequest.newBuilder(URI.create(root + path)).header("X-XSRF-TOKEN", token);
        }

        private Answer send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = client.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                String type = response.headers().firstValue("Content-Type").orElse("");
                return new Answer(response.statusCode(), type,
                        type.contains("json") ? JSON.readTree(response.body()) : null);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Answer answer(ResponseEntity<JsonNode> response) {
        MediaType type = response.getHeaders().getContentType();
        return new Answer(response.getStatusCode().value(), type == null ? "" : type.toString(), response.getBody());
    }
}
