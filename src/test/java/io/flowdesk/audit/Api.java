package io.flowdesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Our API and engine REST as the demo users call them, and the audit log as the administrator reads it. */
record Api(TestRestTemplate http) {

    static final String PLAIN_INQUIRY = """
            {"type":"inquiry","subject":"积分规则","description":"积分多久过期","channel":"web",
             "customer":{"name":"张三","email":"zhang@example.com","tier":"standard"}}""";
    static final String PRINTER_FAILURE = """
            {"type":"inquiry","subject":"打印机报错 E-07","description":"无法连接打印服务器","channel":"web",
             "customer":{"name":"张三","email":"zhang@example.com","tier":"standard"}}""";

    ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, password(user)).exchange(path, method, new HttpEntity<>(json, headers),
                JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return call(user, HttpMethod.GET, path, null);
    }

    ResponseEntity<JsonNode> post(String user, String path, String json) {
        return call(user, HttpMethod.POST, path, json);
    }

    /** A ticket opened by alice: its number, group and first task's id and assignee. */
    JsonNode open(String json) {
        ResponseEntity<JsonNode> created = post("alice", "/api/tickets", json);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return created.getBody();
    }

    /** A file upload as Camunda Modeler deploys: multipart/form-data with a deployment name and the file. */
    ResponseEntity<JsonNode> deploy(String user, String deploymentName, String fileName, String content) {
        String boundary = "flowdesk-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + deploymentName + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
        return http.withBasicAuth(user, password(user)).exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** The audit entries that match the query (e.g. {@code action=LOGIN_FAILED&targetId=tom}), newest first. */
    List<JsonNode> audit(String query) {
        ResponseEntity<JsonNode> page = get("admin", "/api/audit?size=100&" + query);
        assertThat(page.getStatusCode().value()).as(page.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.getBody().get("items").forEach(items::add);
        return items;
    }

    static String password(String user) {
        return "admin".equals(user) ? "admin" : "demo";
    }
}
