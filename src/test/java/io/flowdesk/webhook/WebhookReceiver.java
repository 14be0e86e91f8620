package io.flowdesk.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A subscriber's webhook endpoint in the test's JVM: it answers every POST with the status it is set to (503 while
 * "down", 204 once "back") and keeps each request it got, with the answer it gave.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request: the headers Flowdesk signs with, the body as received, and what the receiver answered. */
    record Received(String eventId, String eventType, String timestamp, String signature, String body, int answer) {

        boolean accepted() {
            return answer / 100 == 2;
        }

        /** The check a receiver makes, written here from the README rather than taken from Flowdesk's code. */
        boolean signedWith(String secret) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "v1=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(signature);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int answer;

    private WebhookReceiver(int answer) throws IOException {
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", this::handle);
        server.start();
    }

    /** A receiver that is down: it answers 503 until {@link #comeBack()}. */
    static WebhookReceiver down() throws IOException {
        return new WebhookReceiver(503);
    }

    static WebhookReceiver up() throws IOException {
        return new WebhookReceiver(204);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void comeBack() {
        answer = 204;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> accepted() {
        return received.stream().filter(Received::accepted).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = answer;
            received.add(new Received(exchange.getRequestHeaders().getFirst("Flowdesk-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Flowdesk-Event-Type"),
                    exchange.getRequestHeaders().getFirst("Flowdesk-Timestamp"),
                    exchange.getRequestHeaders().getFirst("Flowdesk-Signature"), body, status));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
