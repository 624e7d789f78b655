package io.devicehub.bench.calls;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's REST client against a real socket server: answers read whole, connections kept alive, re-opened
 * after {@code Connection: close}, a request the server dropped unanswered on a stale connection sent again, and a
 * response it cannot read counted as a failure instead of a success.
 */
class LightHttpTest {

    /** A server answering the n-th request on a connection with what {@code answer} gives for the global count. */
    private static final class Server implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger connections = new AtomicInteger();
        final List<Socket> open = new CopyOnWriteArrayList<>();

        Server(IntFunction<String> answer) throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        connections.incrementAndGet();
                        open.add(client);
                        Thread serving = new Thread(() -> serve(client, answer));
                        serving.setDaemon(true);
                        serving.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void serve(Socket client, IntFunction<String> answer) {
            try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                while (true) {
                    String head = readHead(in);
                    if (head == null) {
                        return;
                    }
                    int length = 0;
                    for (String line : head.split("\r\n")) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).strip());
                        }
                    }
                    in.readNBytes(length);
                    String response = answer.apply(requests.incrementAndGet());
                    if (response == null) {
                        return; // drop the connection unanswered
                    }
                    out.write(response.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (response.contains("Connection: close")) {
                        return;
                    }
                }
            } catch (IOException gone) {
                // the client went away
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
                if (matched == 4) {
                    return head.toString(StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }

        InetSocketAddress address() {
            return new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket client : open) {
                client.close();
            }
        }
    }

    private Server server;
    private LightHttp http;

    @AfterEach
    void close() throws IOException {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String ok(String body, String... headers) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + String.join("", headers) + "\r\n" + body;
    }

    private static byte[] post(String body) {
        return ("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    private LightHttp.Response send(String body) throws Exception {
        return http.send(post(body)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void answersComeWholeOnOneKeptAliveConnection() throws Exception {
        String large = "é".repeat(40_000); // larger than the first read buffer, and not ASCII
        server = new Server(n -> n == 2 ? ok(large) : "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 2\r\n\r\n"
                + "{}");
        http = new LightHttp(server.address(), 4);
        assertEquals(new LightHttp.Response(503, "{}"), send("{\"n\":1}"));
        assertEquals(new LightHttp.Response(200, large), send("{\"n\":2}"));
        assertEquals(503, send("{\"n\":3}").status());
        assertEquals(1, server.connections.get(), "one request at a time reuses the connection");
    }

    @Test
    void manyAtOnceShareTheConnectionsAndAllAreAnswered() throws Exception {
        server = new Server(n -> ok("{\"n\":" + n + "}"));
        http = new LightHttp(server.address(), 8);
        List<CompletableFuture<LightHttp.Response>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(http.send(post("{}")));
        }
        for (CompletableFuture<LightHttp.Response> answer : answers) {
            assertEquals(200, answer.get(10, TimeUnit.SECONDS).status());
        }
        assertEquals(200, server.requests.get());
        assertTrue(server.connections.get() <= 8, "at most 8 connections, was " + server.connections.get());
    }

    @Test
    void connectionCloseOpensANewConnection() throws Exception {
        server = new Server(n -> ok("a", "Connection: close\r\n"));
        http = new LightHttp(server.address(), 1);
        assertEquals("a", send("1").body());
        assertEquals("a", send("2").body());
        assertEquals(2, server.connections.get());
    }

    @Test
    void aRequestDroppedUnansweredOnAStaleConnectionIsSentAgainOnce() throws Exception {
        // The second request meets a connection the server drops (as at its keep-alive timeout): sent again, it
        // is answered on a new one. A request dropped on a new connection is a failure, not retried forever.
        server = new Server(n -> n == 2 || n >= 4 ? null : ok("ok"));
        http = new LightHttp(server.address(), 1);
        assertEquals("ok", send("1").body());
        assertEquals("ok", send("2").body());
        assertEquals(2, server.connections.get());
        // Request 4 is dropped on the kept-alive connection, sent again as request 5, dropped on the new one.
        ExecutionException dropped = assertThrows(ExecutionException.class, () -> send("x"));
        assertEquals(5, server.requests.get());
        assertTrue(dropped.getCause() instanceof IOException, dropped.toString());
    }

    @Test
    void aResponseWithoutLengthIsAFailure() throws Exception {
        server = new Server(n -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n");
        http = new LightHttp(server.address(), 1);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> send("1"));
        assertEquals("chunked response", failed.getCause().getMessage());
    }
}
