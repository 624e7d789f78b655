package io.devicehub.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 written by hand on a plain socket: requests from a chosen local address (the server sees
 * {@code 127.0.0.2} as another client than the tests' usual one), and requests no library would send (repeated
 * headers, a path the container refuses). Each request is one connection, closed by the server after the answer.
 */
public final class RawHttp {

    /** An answer: status, headers (names in lower case, the last value of each) and the body as text. */
    public record Reply(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body} to the server. */
    public static Reply exchange(URI server, String localAddress, String head, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String request = head + "\r\nHost: 127.0.0.1:" + server.getPort() + "\r\nConnection: close\r\n"
                + (body == null ? "" : "Content-Length: " + content.length + "\r\n") + "\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 10_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(answer(socket.getInputStream()));
        } catch (IOException e) {
            throw new AssertionError("request from " + localAddress + " failed: " + head, e);
        }
    }

    /** POSTs JSON from {@code localAddress}. */
    public static Reply postJson(URI server, String localAddress, String path, String json) {
        return exchange(server, localAddress, "POST " + path + " HTTP/1.1\r\nContent-Type: application/json", json);
    }

    /**
     * The answer's bytes: up to its Content-Length when it has one (a server that answers before reading a body may
     * keep the connection open meanwhile), else up to the end of the connection.
     */
    private static byte[] answer(java.io.InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long expected = -1;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            answer.write(buffer, 0, n);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (expected < 0 && end >= 0) {
                java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                        .matcher(text.substring(0, end));
                expected = length.find() ? end + 4 + Long.parseLong(length.group(1)) : Long.MAX_VALUE;
            }
            if (expected >= 0 && answer.size() >= expected) {
                break;
            }
        }
        return answer.toByteArray();
    }

    private static Reply parse(byte[] answer) throws IOException {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        byte[] body = new byte[answer.length - end - 4];
        System.arraycopy(answer, end + 4, body, 0, body.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII)
                    .split(";")[0].strip(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("a chunk without its line end");
    }
}
