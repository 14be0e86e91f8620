package io.flowdesk.benchmark;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A minimal blocking HTTP/1.1 client over one keep-alive socket: one request at a time, the response read to
 * the end (Content-Length or chunked) and, if asked, kept. Cheap on CPU on purpose: the driver shares two cores
 * with the server and the database. Reconnects when the server closes the connection (Tomcat does after
 * {@code maxKeepAliveRequests} requests); the reconnect is part of that request's latency, as for any client.
 */
final class Http implements Closeable {

    private final String host;
    private final int port;
    private final int readTimeoutMs;
    private final byte[] hostHeader;

    private Socket socket;
    private InputStream in;
    private final byte[] buffer = new byte[16384];
    private int position;
    private int limit;
    private OutputStream out;
    private boolean reused;

    private byte[] request = new byte[4096];
    private final byte[] line = new byte[8192];
    private byte[] body = new byte[16384];
    private int bodyLength;
    private String location;
    int connects;

    Http(String host, int port, int readTimeoutMs) {
        this.host = host;
        this.port = port;
        this.readTimeoutMs = readTimeoutMs;
        this.hostHeader = ("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one request and reads the whole response; returns the status code. */
    int send(String method, String path, String authorization, byte[] json, boolean keepBody) throws IOException {
        boolean retried = false;
        while (true) {
            if (socket == null) {
                connect();
            }
            boolean wasReused = reused;
            try {
                write(method, path, authorization, json);
                return read(method, keepBody);
            } catch (StaleConnection e) {
                close();
                if (!wasReused || retried) {
                    throw new EOFException("connection closed by the server before the response");
                }
                retried = true; // the server closed an idle keep-alive connection: once more on a fresh one
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }
    }

    String body() {
        return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    String location() {
        return location;
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(readTimeoutMs);
        s.connect(new InetSocketAddress(host, port), readTimeoutMs);
        socket = s;
        in = s.getInputStream();
        position = limit = 0;
        out = s.getOutputStream();
        reused = false;
        connects++;
    }

    private void write(String method, String path, String authorization, byte[] json) throws IOException {
        int at = 0;
        at = put(at, method);
        at = put(at, " ");
        at = put(at, path);
        at = put(at, " HTTP/1.1\r\n");
        at = put(at, hostHeader);
        if (authorization != null) {
            at = put(at, "Authorization: ");
            at = put(at, authorization);
            at = put(at, "\r\n");
        }
        at = put(at, "Accept: application/json\r\n");
        if (json != null) {
            at = put(at, "Content-Type: application/json\r\nContent-Length: ");
            at = put(at, Integer.toString(json.length));
            at = put(at, "\r\n\r\n");
            at = put(at, json);
        } else {
            at = put(at, "\r\n");
        }
        out.write(request, 0, at);
        out.flush();
    }

    private int put(int at, String ascii) {
        int n = ascii.length();
        ensure(at + n);
        for (int i = 0; i < n; i++) {
            request[at + i] = (byte) ascii.charAt(i);
        }
        return at + n;
    }

    private int put(int at, byte[] bytes) {
        ensure(at + bytes.length);
        System.arraycopy(bytes, 0, request, at, bytes.length);
        return at + bytes.length;
    }

    private void ensure(int size) {
        if (size > request.length) {
            request = Arrays.copyOf(request, Math.max(size, request.length * 2));
        }
    }

    private int read(String method, boolean keepBody) throws IOException {
        int n = readLine(true);
        if (n < 12 || line[0] != 'H') {
            throw new IOException("not an HTTP response: " + new String(line, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1));
        }
        int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        location = null;
        while ((n = readLine(false)) > 0) {
            if (startsWithIgnoreCase(n, "content-length:")) {
                contentLength = Long.parseLong(value(n, 15));
            } else if (startsWithIgnoreCase(n, "transfer-encoding:")) {
                chunked = value(n, 18).toLowerCase().contains("chunked");
            } else if (startsWithIgnoreCase(n, "connection:")) {
                close = value(n, 11).equalsIgnoreCase("close");
            } else if (startsWithIgnoreCase(n, "location:")) {
                location = value(n, 9);
            }
        }
        bodyLength = 0;
        boolean noBody = method.equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200);
        if (!noBody) {
            if (chunked) {
                while (true) {
                    int len = readLine(false);
                    int size = 0;
                    for (int i = 0; i < len; i++) {
                        int d = Character.digit(line[i], 16);
                        if (d < 0) {
                            break;
                        }
                        size = size * 16 + d;
                    }
                    if (size == 0) {
                        while (readLine(false) > 0) {
                            // trailers
                        }
                        break;
                    }
                    readBody(size, keepBody);
                    readLine(false);
                }
            } else if (contentLength >= 0) {
                readBody(contentLength, keepBody);
            } else {
                // no length: the body runs to the end of the connection
                readBody(Long.MAX_VALUE, keepBody);
                close = true;
            }
        }
        if (close) {
            close();
        } else {
            reused = true;
        }
        return status;
    }

    private void readBody(long length, boolean keep) throws IOException {
        long left = length;
        while (left > 0) {
            if (keep && bodyLength == body.length) {
                body = Arrays.copyOf(body, body.length * 2);
            }
            int room = keep ? body.length - bodyLength : body.length;
            int r = readBytes(body, keep ? bodyLength : 0, (int) Math.min(room, left));
            if (r < 0) {
                if (length == Long.MAX_VALUE) {
                    return;
                }
                throw new EOFException("response body cut short");
            }
            if (keep) {
                bodyLength += r;
            }
            left -= r;
        }
    }

    /** Reads one line without its CR LF into {@link #line}; returns its length. */
    private int readLine(boolean first) throws IOException {
        int n = 0;
        while (true) {
            int b = position < limit ? buffer[position++] & 0xff : fillAndRead();
            if (b < 0) {
                if (first && n == 0) {
                    throw new StaleConnection();
                }
                throw new EOFException("connection closed in the middle of a response");
            }
            if (b == '\n') {
                return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
            }
            if (n < line.length) {
                line[n++] = (byte) b;
            }
        }
    }

    private int fillAndRead() throws IOException {
        int r = in.read(buffer, 0, buffer.length);
        if (r <= 0) {
            return -1;
        }
        position = 1;
        limit = r;
        return buffer[0] & 0xff;
    }

    private int readBytes(byte[] target, int offset, int length) throws IOException {
        if (position < limit) {
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }
        return in.read(target, offset, length);
    }

    private boolean startsWithIgnoreCase(int n, String prefix) {
        if (n < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(line[i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String value(int n, int from) {
        return new String(line, from, n - from, StandardCharsets.ISO_8859_1).trim();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
        position = limit = 0;
        reused = false;
    }

    private static final class StaleConnection extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnection() {
            super("connection closed before the response", null);
        }
    }
}
