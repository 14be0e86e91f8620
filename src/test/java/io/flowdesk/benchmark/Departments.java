package io.flowdesk.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The benchmark's departments: twenty groups {@code dept01} … {@code dept20} with one agent each
 * ({@code agent01} …, password {@code demo}, capacity 10), and a routing table that sends a ticket of category
 * {@code deptNN} to {@code deptNN}: the shipped {@code processes/routing.dmn} with twenty rows on top, deployed through
 * engine REST as an analyst deploys from Modeler. Set up as the administrator once the server is up, before any
 * ticket is opened, so that every ticket of the run (and the 100,000 of the backlog) is spread over twenty
 * departments, each with its queue, as the queue phase needs (issue 25).
 */
final class Departments {

    static final int COUNT = 20;

    private Departments() {
    }

    /** The department of the n-th ticket: round-robin over the twenty. */
    static String of(long n) {
        return "dept%02d".formatted(n % COUNT + 1);
    }

    static String agentOf(String department) {
        return "agent" + department.substring("dept".length());
    }

    /** Groups, agents, their routing profiles and the routing table; what exists already is kept. */
    static void setUp(String baseUrl, String adminAuthorization, Path shippedRoutingTable)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < COUNT; i++) {
            String department = of(i);
            String agent = agentOf(department);
            send(http, baseUrl + "/engine-rest/group/create", adminAuthorization, "application/json",
                    "{\"id\":\"" + department + "\",\"name\":\"部门 " + department + "\",\"type\":\"WORKFLOW\"}");
            send(http, baseUrl + "/engine-rest/user/create", adminAuthorization, "application/json",
                    "{\"profile\":{\"id\":\"" + agent + "\",\"firstName\":\"Agent\",\"lastName\":\"" + department
                            + "\",\"email\":\"" + agent + "@flowdesk.local\"},\"credentials\":{\"password\":\""
                            + Workloads.PASSWORD + "\"}}");
            sendPut(http, baseUrl + "/engine-rest/group/" + department + "/members/" + agent, adminAuthorization);
            sendPutJson(http, baseUrl + "/api/agents/" + agent, adminAuthorization,
                    "{\"skills\":[],\"capacity\":10,\"available\":true}");
        }
        String boundary = "flowdesk-benchmark-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + "benchmark-routing\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\""
                + "\r\n\r\ntrue\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"routing.dmn\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n" + routingTable(shippedRoutingTable) + "\r\n--"
                + boundary + "--\r\n";
        int status = send(http, baseUrl + "/engine-rest/deployment/create", adminAuthorization,
                "multipart/form-data; boundary=" + boundary, body);
        if (status != 200) {
            throw new IOException("deploying the benchmark's routing table: HTTP " + status);
        }
    }

    /** The shipped table with a row per department on top: category deptNN → group deptNN. */
    static String routingTable(Path shipped) throws IOException {
        String table = Files.readString(shipped, StandardCharsets.UTF_8);
        String anchor = "<output id=\"output_requiredSkill\"";
        int at = table.indexOf('>', table.indexOf(anchor)) + 1;
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < COUNT; i++) {
            String department = of(i);
            rows.append("\n      <rule id=\"rule_benchmark_").append(department).append("\">");
            for (String input : new String[] {"ticketType", "category", "priority", "customerTier", "channel",
                    "region", "text"}) {
                rows.append("<inputEntry id=\"rule_benchmark_").append(department).append('_').append(input)
                        .append("\"><text>").append(input.equals("category") ? "\"" + department + "\"" : "-")
                        .append("</text></inputEntry>");
            }
            rows.append("<outputEntry id=\"rule_benchmark_").append(department).append("_group\"><text>\"")
                    .append(department).append("\"</text></outputEntry><outputEntry id=\"rule_benchmark_")
                    .append(department).append("_skill\"><text>null</text></outputEntry></rule>");
        }
        return table.substring(0, at) + rows + table.substring(at);
    }

    private static int send(HttpClient http, String url, String authorization, String contentType, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void sendPut(HttpClient http, String url, String authorization)
            throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static void sendPutJson(HttpClient http, String url, String authorization, String json)
            throws IOException, InterruptedException {
        int status = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IOException("PUT " + url + ": HTTP " + status);
        }
    }

    /** Who works an unassigned task of a department: its agent (the demo's departments: their demo agents). */
    static final Map<String, String> DEMO_MEMBERS = Map.of("support", "alice", "tech", "tom", "finance", "fiona",
            "managers", "mia");

    static String memberOf(String group) {
        if (group != null && group.startsWith("dept")) {
            return agentOf(group);
        }
        return DEMO_MEMBERS.getOrDefault(group, "alice");
    }
}
