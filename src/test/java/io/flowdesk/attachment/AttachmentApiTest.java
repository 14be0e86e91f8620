package io.flowdesk.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket's files through the API: an agent of the department that holds it adds one, whoever may read the ticket
 * lists and downloads it (always as an attachment), another department gets 404 as for the ticket itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AttachmentApiTest {

    @Autowired TestRestTemplate http;

    @Test
    void an_agent_adds_a_file_that_readers_of_the_ticket_list_and_download_and_others_do_not_see() {
        String number = openTicket();

        ResponseEntity<JsonNode> added = upload("alice", number, "报价单 v2.html", "text/html",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));

        assertThat(added.getStatusCode().value()).as("%s", added.getBody()).isEqualTo(201);
        assertThat(added.getHeaders().getLocation()).hasToString(http.getRootUri() + "/api/tickets/" + number
                + "/attachments/" + added.getBody().get("id").asLong());
        assertThat(added.getBody().get("fileName").asText()).isEqualTo("报价单 v2.html");
        assertThat(added.getBody().get("size").asLong()).isEqualTo(25);
        assertThat(added.getBody().get("uploadedBy").asText()).isEqualTo("alice");

        JsonNode listed = http.withBasicAuth("bob", "demo").getForEntity("/api/tickets/" + number + "/attachments",
                JsonNode.class).getBody();
        assertThat(listed).hasSize(1);
        ResponseEntity<byte[]> download = http.withBasicAuth("bob", "demo").getForEntity(
                added.getHeaders().getLocation(), byte[].class);
        assertThat(new String(download.getBody(), StandardCharsets.UTF_8)).isEqualTo("<script>alert(1)</script>");
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("报价单 v2.html");

        assertThat(http.withBasicAuth("fiona", "demo").getForEntity("/api/tickets/" + number + "/attachments",
                String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(upload("fiona", number, "x.txt", "text/plain", new byte[]{1}).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void an_empty_file_or_an_unknown_attachment_is_refused_clearly() {
        String number = openTicket();

        ResponseEntity<JsonNode> empty = upload("alice", number, "empty.txt", "text/plain", new byte[0]);
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(empty.getBody().toString()).contains("file");

        ResponseEntity<String> unknown = http.withBasicAuth("alice", "demo").getForEntity("/api/tickets/" + number
                + "/attachments/999999", String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    private String openTicket() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> created = http.withBasicAuth("alice", "demo").postForEntity("/api/tickets",
                new HttpEntity<>("""
                        {"type":"inquiry","subject":"会员积分没有到账","customer":{"name":"周杰","email":"zhou@example.com"}}""",
                        headers), JsonNode.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return created.getBody().get("number").asText();
    }

    private ResponseEntity<JsonNode> upload(String user, String number, String name, String type, byte[] content) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(type));
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }, partHeaders));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, "demo").postForEntity("/api/tickets/" + number + "/attachments",
                new HttpEntity<>(form, headers), JsonNode.class);
    }
}
